"""Repository definitions, read from `data/*.yaml` (and the extra procedure data folders' `repositories/`):
which notification procedure feeds a register, in which states its content is current or withdrawn, which form
items identify an entry within a country, and who may read it."""

from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

from imi.procedures import sources
from imi.workflows import WorkflowError
from imi.workflows.loader import KEY_LINES, LINE, load_yaml, strings

DATA_DIR = Path(__file__).parent / "data"


class Audience(StrEnum):
    ALL_USERS = "ALL_USERS"  # every official and statistics or partner token that reads exchanges
    LEGAL_AREA = "LEGAL_AREA"  # officials with a reading right in the repository's legal area


@dataclass(frozen=True, slots=True)
class Repository:
    code: str
    legal_area: str
    audience: Audience
    fed_by: str  # the notification procedure
    publish_in: frozenset[str]  # states in which the notification's content is the entry's
    withdraw_in: frozenset[str]  # states in which the entry is withdrawn
    key: tuple[str, ...]  # form items that identify an entry within a country
    source: str = ""


def _parse(path: Path) -> Repository:
    raw = load_yaml(path)
    try:
        found = Repository(
            code=str(raw["code"]), legal_area=str(raw["legal_area"]), audience=Audience(raw["audience"]),
            fed_by=str(raw["fed_by"]), publish_in=frozenset(strings(raw["publish_in"])),
            withdraw_in=frozenset(strings(raw.get("withdraw_in"))), key=strings(raw["key"]), source=path.name,
        )
    except (KeyError, TypeError, ValueError) as error:
        raise WorkflowError(path, raw.get(LINE) if isinstance(raw, dict) else None,
                            f"invalid repository: {error!r}") from error
    lines = raw.get(KEY_LINES, {})
    if path.stem != found.code:
        raise WorkflowError(path, lines.get("code"), f"file name must be {found.code}.yaml")
    return found


def check(found: Repository) -> None:
    """The feeding procedure exists, is a notification of the same legal area, has the key items and the states;
    the repository's name is translated."""
    from imi.catalogue import catalogue_set
    from imi.procedures.definitions import definitions

    path = found.source
    definition = definitions().get(found.fed_by)
    if definition is None or definition.procedure.kind.value != "NOTIFICATION":
        raise WorkflowError(path, None, f"fed_by: {found.fed_by} is not a notification procedure")
    if definition.procedure.legal_area != found.legal_area:
        raise WorkflowError(path, None, f"fed_by: {found.fed_by} is not of {found.legal_area}")
    missing = [k for k in found.key if k not in definition.items()]
    if missing or not found.key:
        raise WorkflowError(path, None, f"key: {missing or 'none'} not items of {found.fed_by}'s form")
    states = set(definition.workflow.states)
    if not (found.publish_in | found.withdraw_in) <= states:
        raise WorkflowError(path, None, f"unknown states {sorted((found.publish_in | found.withdraw_in) - states)}")
    if found.code not in catalogue_set().labels.kinds.get("repositories", {}):
        raise WorkflowError(path, None, f"missing translations: repositories ['{found.code}']")


@cache
def repositories() -> dict[str, Repository]:
    found: dict[str, Repository] = {}
    for path in sources.files("repositories", DATA_DIR):
        repository = _parse(path)
        check(repository)
        found[repository.code] = repository
    return found


sources.on_reload(repositories.cache_clear)


def repository(code: str) -> Repository:
    """The repository with this code; `KeyError` if unknown."""
    return repositories()[code]


def repository_codes() -> list[str]:
    """The codes of the repository files, without checking them (for the catalogue checks)."""
    return sorted(path.stem for path in sources.files("repositories", DATA_DIR))


def fed_by(procedure_code: str) -> list[Repository]:
    return [r for r in repositories().values() if r.fed_by == procedure_code]
