"""docker-compose.yml, checked statically: Meilisearch pinned, keyed from the environment, kept in a volume and
health-checked; the app pointed at it."""

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

# PostgreSQL's exact versions have two parts (major.minor)
PINNED = re.compile(r"^[a-z0-9./-]+:v?\d+\.\d+\.\d+[a-z0-9.-]*$|^postgres:\d+\.\d+-[a-z]+$")
MASTER_KEY = re.compile(r"^\$\{MEILI_MASTER_KEY(:\?[^}]+)?\}$")


@pytest.fixture(scope="module")
def compose(repo_root: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((repo_root / "docker-compose.yml").read_text(encoding="utf-8"))
    return loaded


def _environment(service: dict[str, Any]) -> dict[str, str]:
    environment = service.get("environment", {})
    if isinstance(environment, list):
        return dict(item.split("=", 1) for item in environment)
    return {name: str(value) for name, value in environment.items()}


def test_every_image_is_pinned_to_an_exact_version(compose: dict[str, Any]) -> None:
    images = {name: service["image"] for name, service in compose["services"].items()}
    assert set(images) >= {"meilisearch", "app"}
    for name, image in images.items():
        assert PINNED.match(image), f"{name}: {image} is not pinned to an exact version"
    assert re.fullmatch(r"getmeili/meilisearch:v1\.\d+\.\d+", images["meilisearch"])


def test_meilisearch_takes_its_key_from_the_environment_and_keeps_its_data(compose: dict[str, Any]) -> None:
    meilisearch = compose["services"]["meilisearch"]
    environment = _environment(meilisearch)
    assert MASTER_KEY.match(environment["MEILI_MASTER_KEY"])
    assert environment["MEILI_ENV"] == "production", "production mode refuses to start without a master key"
    volume, _, target = meilisearch["volumes"][0].partition(":")
    assert volume in compose["volumes"] and target == "/meili_data"
    assert environment["MEILI_DB_PATH"].startswith(target)
    check = meilisearch["healthcheck"]["test"]
    assert check[0] == "CMD" and "http://localhost:7700/health" in check
    assert "ports" not in meilisearch, "only the app reaches Meilisearch"


def test_the_app_points_at_meilisearch_once_it_is_healthy(compose: dict[str, Any]) -> None:
    app = compose["services"]["app"]
    environment = _environment(app)
    assert environment["IMI_MEILI_URL"] == "http://meilisearch:7700"
    assert MASTER_KEY.match(environment["IMI_MEILI_KEY"])
    assert app["depends_on"]["meilisearch"]["condition"] == "service_healthy"
    assert all(volume.partition(":")[0] in compose["volumes"] or volume.startswith("./")
               for volume in app["volumes"])
    assert all(port.startswith("127.0.0.1:") for port in app["ports"]), "published on the loopback only"


def test_no_placeholders_and_no_other_variables(repo_root: Path) -> None:
    text = (repo_root / "docker-compose.yml").read_text(encoding="utf-8")
    assert not re.search(r"\b(TODO|FIXME|changeme|change-me|xxx+|your[-_ ]?key)\b", text, re.IGNORECASE)
    variables = set(re.findall(r"\$\{(\w+)", text))
    documented = set(re.findall(r"^#? ?(\w+)=", (repo_root / ".env.example").read_text(encoding="utf-8"), re.MULTILINE))
    assert "MEILI_MASTER_KEY" in variables and variables <= documented, variables - documented
