"""Procedures: what kind of exchange, in which legal area, carrying which personal data, kept how long."""

from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

from imi.procedures import sources
from imi.reference.legal_areas import legal_area
from imi.reference.loader import DATA_DIR, DataFileError, read_yaml


class ExchangeKind(StrEnum):
    REQUEST = "REQUEST"
    ALERT = "ALERT"
    NOTIFICATION = "NOTIFICATION"
    CASE = "CASE"


@dataclass(frozen=True, slots=True)
class Retention:
    block_after_months: int
    delete_after_years: int


@dataclass(frozen=True, slots=True)
class Broadcasting:
    """How a one-to-many procedure reaches other countries."""

    to_all_countries: bool  # True: every other EEA country; False: the countries the sender selects
    validation: bool  # the sender's coordinator validates before it goes out
    limited_view: tuple[str, ...]  # form items a receiving country's coordinator sees before allocation


@dataclass(frozen=True, slots=True)
class Procedure:
    code: str
    legal_area: str
    kind: ExchangeKind
    name: str
    workflow: str
    default_reply_days: int
    personal_data: tuple[str, ...]
    retention: Retention
    broadcasting: Broadcasting | None = None


MAX_BLOCK_MONTHS = 18


def _broadcasting(raw: dict | None) -> Broadcasting | None:
    if raw is None:
        return None
    return Broadcasting(to_all_countries=raw["recipients"] == "ALL", validation=bool(raw.get("validation", False)),
                        limited_view=tuple(raw.get("limited_view", ())))


def _parse(path: Path, row: dict) -> Procedure:
    path_name = path.name
    try:
        legal_area(row["legal_area"])
        retention = Retention(**row["retention"])
        proc = Procedure(
            code=row["code"],
            legal_area=row["legal_area"],
            kind=ExchangeKind(row["kind"]),
            name=row["name"],
            workflow=row["workflow"],
            default_reply_days=int(row.get("default_reply_days", 14)),
            personal_data=tuple(row.get("personal_data", ())),
            retention=retention,
            broadcasting=_broadcasting(row.get("broadcasting")),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise DataFileError(path, f"invalid procedure: {error!r}") from error
    if not 0 < retention.block_after_months <= MAX_BLOCK_MONTHS:
        raise DataFileError(path, f"retention.block_after_months must be 1..{MAX_BLOCK_MONTHS}")
    if (proc.kind in (ExchangeKind.ALERT, ExchangeKind.NOTIFICATION)) != (proc.broadcasting is not None):
        raise DataFileError(path, "alerts and notifications, and only they, have a `broadcasting` block")
    if f"{proc.code}.yaml" != path_name:
        raise DataFileError(path, f"file name must be {proc.code}.yaml")
    return proc


def procedure_files() -> list[Path]:
    """The procedure files of the package and of any extra data folder (`imi.procedures.sources`)."""
    return sources.files("procedures", DATA_DIR / "procedures")


@cache
def procedures() -> tuple[Procedure, ...]:
    found = tuple(_parse(path, read_yaml(path)) for path in procedure_files())
    if len({p.code for p in found}) != len(found):
        raise DataFileError(DATA_DIR / "procedures", "a procedure code is defined twice")
    return found


@cache
def _by_code() -> dict[str, Procedure]:
    return {p.code: p for p in procedures()}


sources.on_reload(procedures.cache_clear)
sources.on_reload(_by_code.cache_clear)


def procedure(code: str) -> Procedure:
    """The procedure with this code; `KeyError` if unknown."""
    return _by_code()[code]
