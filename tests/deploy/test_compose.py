"""docker-compose.yml, checked statically (no Docker engine needed): it follows the Compose Specification, its
images are pinned, every service is health-checked and keeps its data in volumes, the app runs scaled out
(PostgreSQL, Redis, Meilisearch, Apertium, several workers), and every setting the app reads is either set
there or documented with its default in .env.example."""

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.deploy import compose_spec

ROOT = Path(__file__).resolve().parents[2]
PINNED = re.compile(r"^[a-z0-9./-]+:v?\d+\.\d+\.\d+(-[a-z0-9.]+)?$")
POSTGRES = re.compile(r"^postgres:\d+\.\d+-[a-z]+$")  # PostgreSQL's exact versions have two parts
SECRETS = {"POSTGRES_PASSWORD", "MEILI_MASTER_KEY"}


@pytest.fixture(scope="module")
def text() -> str:
    return (ROOT / "docker-compose.yml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def compose(text: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


@pytest.fixture(scope="module")
def documented() -> dict[str, str]:
    """.env.example: NAME -> default (the value after `=`, for commented and uncommented lines alike)."""
    lines = (ROOT / ".env.example").read_text(encoding="utf-8").splitlines()
    return {m.group(1): m.group(2).split("  ")[0].strip() for line in lines
            if (m := re.match(r"^#? ?([A-Z][A-Z0-9_]*)=(.*)$", line))}


def _environment(service: dict[str, Any]) -> dict[str, str]:
    environment = service.get("environment") or {}
    if isinstance(environment, list):
        return dict(item.split("=", 1) for item in environment)
    return {name: str(value) for name, value in environment.items()}


def test_the_file_follows_the_compose_specification(compose: dict[str, Any]) -> None:
    assert compose_spec.problems(compose) == []


@pytest.mark.parametrize(("change", "expected"), [
    (lambda c: c["services"]["redis"].pop("image"), "neither image nor build"),
    (lambda c: c["services"]["app"]["depends_on"]["redis"].update(condition="healthy"), "condition"),
    (lambda c: c["services"]["app"]["volumes"].append("nowhere:/data"), "not declared"),
    (lambda c: c["services"]["redis"]["healthcheck"].update(test=["redis-cli", "ping"]), "CMD"),
    (lambda c: c["services"]["redis"]["healthcheck"].update(interval="5 seconds"), "duration"),
    (lambda c: c["services"]["redis"].update(depends_on={"app": {"condition": "service_started"}}), "cycle"),
    (lambda c: c["services"]["redis"].update(restart="sometimes"), "restart"),
    (lambda c: c["services"]["app"].update(enviroment={}), "unknown key"),
])
def test_the_rules_catch_a_broken_file(text: str, change: Any, expected: str) -> None:
    broken: dict[str, Any] = yaml.safe_load(text)
    change(broken)
    assert any(expected in problem for problem in compose_spec.problems(broken))


def test_every_image_is_pinned_to_an_exact_version(compose: dict[str, Any]) -> None:
    version = re.search(r'^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text(), re.MULTILINE)
    assert version
    for name, service in compose["services"].items():
        image = service["image"]
        assert ":latest" not in image and (PINNED.match(image) or POSTGRES.match(image)), f"{name}: {image}"
        if "build" in service:
            assert image.endswith(f":{version.group(1)}"), f"{name}: built images carry the project's version"


def test_every_service_is_health_checked_and_the_app_waits_for_all(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert set(services) == {"postgres", "redis", "meilisearch", "apertium", "app"}
    assert all("healthcheck" in service for service in services.values())
    assert services["app"]["depends_on"] == {name: {"condition": "service_healthy"}
                                             for name in ("postgres", "redis", "meilisearch", "apertium")}
    assert "/healthz" in " ".join(services["app"]["healthcheck"]["test"])


def test_the_app_runs_scaled_out(compose: dict[str, Any]) -> None:
    app = compose["services"]["app"]
    environment = _environment(app)
    assert re.fullmatch(r"postgres://\$\{POSTGRES_USER:-\w+\}:\$\{POSTGRES_PASSWORD:\?[^}]+\}@postgres:5432/"
                        r"\$\{POSTGRES_DB:-\w+\}", environment["IMI_DATABASE_URL"])
    workers = re.fullmatch(r"\$\{IMI_WORKERS:-(\d+)\}", environment["IMI_WORKERS"])
    assert workers and int(workers.group(1)) >= 2, "several workers by default"
    assert environment["IMI_REDIS_URL"] == "redis://redis:6379/0", "workers share events and rate limits"
    assert environment["IMI_MEILI_URL"] == "http://meilisearch:7700"
    assert environment["IMI_APERTIUM_URL"] == "http://apertium:2737" and environment["IMI_APERTIUM_APY"] == "false"
    assert environment["IMI_ENV"] == "production" and environment["IMI_HOST"] == "0.0.0.0"
    assert app["build"] == {"context": ".", "target": "app"}
    assert compose["services"]["apertium"]["build"] == {"context": ".", "target": "apertium"}
    published = {name for name, service in compose["services"].items() if service.get("ports")}
    assert published == {"app"} and all(p.startswith("127.0.0.1:") for p in app["ports"]), "only the app, locally"


def test_stateful_services_keep_their_data_in_named_volumes(compose: dict[str, Any]) -> None:
    mounts = {name: service.get("volumes", []) for name, service in compose["services"].items()}
    assert mounts["postgres"] == ["postgres_data:/var/lib/postgresql/data"]
    assert mounts["meilisearch"] == ["meili_data:/meili_data"]
    assert mounts["app"] == [f"imi_data:{_environment(compose['services']['app'])['IMI_VAR_DIR']}"]
    assert set(compose["volumes"]) == {"postgres_data", "meili_data", "imi_data"}


def _read_by_the_app() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "backend" / "imi").rglob("*.py"):
        names |= set(re.findall(r"\bIMI_[A-Z0-9_]*[A-Z0-9]\b", path.read_text(encoding="utf-8")))
    return names


def test_every_setting_the_app_reads_is_set_or_documented_with_its_default(
        compose: dict[str, Any], documented: dict[str, str]) -> None:
    read = _read_by_the_app()
    assert len(read) > 40, "the settings were found in the code"
    set_in_compose = set(_environment(compose["services"]["app"]))
    missing = sorted(name for name in read if name not in set_in_compose and name not in documented)
    assert not missing, f"neither set in docker-compose.yml nor documented in .env.example: {missing}"
    stale = sorted(name for name in (set_in_compose | set(documented)) if name.startswith("IMI_") and
                   name not in read)
    assert not stale, f"configured but read by nothing: {stale}"


def test_interpolated_variables_are_documented_and_secrets_required(text: str, documented: dict[str, str]) -> None:
    variables = compose_spec.variables(text)
    assert set(variables) <= set(documented), set(variables) - set(documented)
    for name, operator in variables.items():
        assert operator is not None, f"${{{name}}} has neither a default nor a required message"
        assert operator.startswith(":?") == (name in SECRETS), f"{name}: only the secrets are required"
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    for secret in SECRETS:
        assert re.search(rf"^{secret}=$", example, re.MULTILINE), f"{secret}: an empty line to fill in"
    for name, operator in variables.items():
        if operator and operator.startswith(":-") and name in documented and documented[name]:
            assert operator[2:] == documented[name], f"{name}: compose's default is the documented one"
