"""The relevance fixture: authorities in the import format, read into search documents."""

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from imi.authorities.import_format import AuthorityRecord, ImportFile, parse_file
from imi.search import AuthorityDocument

DATA = Path(__file__).parent / "data"
AUTHORITIES = DATA / "authorities.jsonl"
CASES = DATA / "cases.yaml"


@cache
def import_file() -> ImportFile:
    return parse_file(AUTHORITIES)


@cache
def suite() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    return loaded


def document(record: AuthorityRecord, status: str = "ACTIVE") -> AuthorityDocument:
    """The search document of an imported record; its external id stands for the database id."""
    return AuthorityDocument(
        id=record.external_id,
        country=record.country,
        level=record.level,
        status=status,
        official_name=record.official_name,
        official_language=record.official_language,
        informal_names=record.informal_names,
        descriptions=record.descriptions,
        region=record.region,
        city=record.city,
        legal_areas=record.legal_areas,
        procedures=record.procedures,
        keyword_ids=record.keywords,
    )


@cache
def documents() -> tuple[AuthorityDocument, ...]:
    """Every valid record of the fixture, with the statuses the suite gives some of them (else ACTIVE)."""
    statuses: dict[str, str] = suite().get("statuses", {})
    return tuple(document(record, statuses.get(record.external_id, "ACTIVE")) for _, record in import_file().records)
