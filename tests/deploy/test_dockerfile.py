"""The Dockerfile, checked statically: pinned base images; the single-page app built with Node; a slim Python 3.11
image with requirements.lock, the backend, the built app and Apertium's Debian packages; a non-root user,
`imi serve` and a health check on /healthz; an Apertium server target; a build context without local data."""

import fnmatch
import json
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXACT_TAG = re.compile(r"^[a-z0-9./-]+:\d+\.\d+\.\d+(-[a-z0-9.-]+)?$")


@dataclass
class Stage:
    name: str
    base: str
    instructions: list[tuple[str, str]] = field(default_factory=list)

    def all(self, keyword: str) -> list[str]:
        return [argument for word, argument in self.instructions if word == keyword]


def _instructions(text: str) -> list[tuple[str, str]]:
    joined = re.sub(r"\\\n", " ", text)
    lines = [line.strip() for line in joined.splitlines()]
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1] if " " in line else "")
            for line in lines if line and not line.startswith("#")]


@pytest.fixture(scope="module")
def stages() -> dict[str, Stage]:
    found: dict[str, Stage] = {}
    for word, argument in _instructions((ROOT / "Dockerfile").read_text(encoding="utf-8")):
        if word == "FROM":
            parts = argument.split()
            stage = Stage(parts[2] if len(parts) == 3 and parts[1].upper() == "AS" else str(len(found)), parts[0])
            found[stage.name] = stage
        elif found:
            list(found.values())[-1].instructions.append((word, argument))
    return found


def _chain(stages: dict[str, Stage], name: str) -> list[Stage]:
    """A stage and the stages it is built on."""
    chain = [stages[name]]
    while chain[-1].base in stages:
        chain.append(stages[chain[-1].base])
    return chain


def test_base_images_are_pinned(stages: dict[str, Stage]) -> None:
    for stage in stages.values():
        assert stage.base in stages or EXACT_TAG.match(stage.base), f"{stage.name}: {stage.base}"


def test_the_single_page_app_is_built_with_node(stages: dict[str, Stage]) -> None:
    spa = stages["spa"]
    assert spa.base.startswith("node:20.")
    runs = spa.all("RUN")
    assert runs == ["npm ci --no-audit --no-fund", "npm run build"]
    copies = spa.all("COPY")
    assert copies[0] == "frontend/package.json frontend/package-lock.json ./", "dependencies cached apart"
    assert "schema.graphql /src/schema.graphql" in copies, "the types are generated from the committed schema"


def test_the_app_is_a_slim_python_image_with_the_lock_backend_and_built_app(stages: dict[str, Stage]) -> None:
    assert list(stages)[-1] == "app", "the app is the default target"
    chain = _chain(stages, "app")
    assert re.match(r"^python:3\.11\.\d+-slim-bookworm$", chain[-1].base)
    app = stages["app"]
    assert "--from=python-packages /opt/venv /opt/venv" in app.all("COPY")
    packages = stages["python-packages"]
    assert "requirements.lock /tmp/requirements.lock" in packages.all("COPY")
    assert any("pip install" in run and "-r /tmp/requirements.lock" in run for run in packages.all("RUN"))
    copies = app.all("COPY")
    assert {"backend/ backend/", "search_index/ search_index/", "--from=spa /src/frontend/dist frontend/dist"} <= set(
        copies)
    environment = " ".join(app.all("ENV"))
    assert "IMI_FRONTEND_DIR=/app/frontend/dist" in environment and "PYTHONPATH=/app/backend" in environment
    assert "IMI_ENV=production" in environment and "IMI_VAR_DIR=/var/lib/imi" in environment
    workers = re.search(r"IMI_WORKERS=(\d+)", environment)
    assert workers and int(workers.group(1)) >= 2


def _packages_installed(stage: Stage) -> list[str]:
    """Run the stage's package selection (its grep over system-packages.txt) on the real file."""
    run = next(run for run in stage.all("RUN") if "system-packages.txt" in run)
    selection = run.split("&&")[1].split("|")[0].replace("/tmp/system-packages.txt", str(ROOT / "system-packages.txt"))
    assert selection.strip().startswith("grep ")
    result = subprocess.run(["bash", "-c", selection], capture_output=True, text=True, check=True, timeout=10)
    assert "xargs apt-get install -y --no-install-recommends" in run and "rm -rf /var/lib/apt/lists/*" in run
    return result.stdout.split()


def test_apertium_packages_are_those_of_system_packages_without_the_browser(stages: dict[str, Stage]) -> None:
    listed = [line.strip() for line in (ROOT / "system-packages.txt").read_text().splitlines()
              if line.strip() and not line.lstrip().startswith("#")]
    assert "chromium" in listed
    installed = _packages_installed(stages["apertium-packages"])
    assert installed == [name for name in listed if name != "chromium"]
    assert {"apertium", "apertium-apy"} <= set(installed)
    assert [s.name for s in _chain(stages, "app")][1] == "apertium-packages"
    assert [s.name for s in _chain(stages, "apertium")][1] == "apertium-packages"


@pytest.mark.parametrize(("target", "probe", "command"), [
    ("app", "http://127.0.0.1:8000/healthz", ["python", "-m", "imi", "serve"]),
    ("apertium", "http://127.0.0.1:2737/listPairs", ["apertium-apy", "-p", "2737", "-j", "1",
                                                     "/usr/share/apertium/modes"]),
])
def test_each_target_runs_as_a_user_with_a_health_check(stages: dict[str, Stage], target: str, probe: str,
                                                        command: list[str]) -> None:
    stage = stages[target]
    words = [word for word, _ in stage.instructions]
    users = stage.all("USER")
    assert users and users[-1] not in ("root", "0"), f"{target} runs as root"
    assert words.index("USER") < words.index("CMD")
    created = re.search(rf"useradd --system --uid (\d+)[^&]*\s{users[-1]}(\s|$)", " ".join(stage.all("RUN")))
    assert created and int(created.group(1)) >= 1000, f"{target}: the user is created as a system user"
    health = stage.all("HEALTHCHECK")
    assert len(health) == 1 and probe in health[0] and "timeout=" in health[0]
    assert json.loads(stage.all("CMD")[-1]) == command


def test_the_build_context_leaves_out_local_data(stages: dict[str, Stage]) -> None:
    ignored = [line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
               if line.strip() and not line.startswith("#")]
    assert {".git", ".env", ".venv", "**/node_modules", "var", "frontend/dist"} <= set(ignored)
    for stage in stages.values():
        for copy in stage.all("COPY"):
            if copy.startswith("--from="):
                continue
            for source in copy.split()[:-1]:
                path = source.rstrip("/")
                assert (ROOT / path).exists(), f"COPY {source}: not in the repository"
                assert not any(fnmatch.fnmatch(path, pattern) for pattern in ignored), f"COPY {source}: ignored"
