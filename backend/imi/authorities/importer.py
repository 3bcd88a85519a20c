"""Importing authorities from a JSON Lines file (format: `imi.authorities.import_format`).

Each valid line creates the authority with its external id, or updates the one that has it. A new authority
is active and coordinated by its country's national coordinator; an existing one keeps its status and
coordinator. Its fields are replaced by the line's; the procedures it lists are granted (a legal area listed
without procedures grants all of that area's procedures); an import never revokes. A line whose record is
already stored as it is changes nothing, not even the version, so importing a file again changes nothing.
A faulty line is reported with its line number and nothing of it is stored; the other lines are.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from imi import db, errors
from imi.authorities import changes, rules
from imi.authorities.import_format import AuthorityRecord, ImportFile, RecordError, parse_file
from imi.authorities.models import Authority, AuthorityProcedure, AuthorityStatus, Level
from imi.reference import procedures

BATCH = 200
_FIELD_NAMES = {"officialName": "official_name", "officialLanguage": "official_language",
                "informalNames": "informal_names"}


@dataclass(frozen=True, slots=True)
class ImportReport:
    created: int
    updated: int
    unchanged: int
    errors: tuple[RecordError, ...]

    @property
    def refused_lines(self) -> int:
        return len({error.line for error in self.errors})

    def summary(self) -> str:
        return (f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
                f"{self.refused_lines} lines refused")


def columns(record: AuthorityRecord) -> dict[str, Any]:
    """The authority's stored fields as the record gives them."""
    address = record.address
    return {
        "country": record.country, "level": Level(record.level), "official_name": record.official_name,
        "official_language": record.official_language, "informal_names": dict(record.informal_names),
        "descriptions": dict(record.descriptions), "region": record.region, "city": record.city,
        "street": address.street if address else None, "postcode": address.postcode if address else None,
        "email": record.email, "phone": record.phone, "keyword_ids": list(record.keywords),
    }


def grants(record: AuthorityRecord) -> set[tuple[str, str]]:
    """(legal area, procedure) pairs the record grants: those listed, or all of an area listed without any."""
    listed = {(p.legal_area, p.code) for p in procedures() if p.code in record.procedures}
    bare = set(record.legal_areas) - {area for area, _ in listed}
    return listed | {(p.legal_area, p.code) for p in procedures() if p.legal_area in bare}


def _rule_errors(line: int, record: AuthorityRecord) -> list[RecordError]:
    try:
        rules.check_details(
            country=record.country, level=record.level, official_name=record.official_name,
            official_language=record.official_language, informal_names=record.informal_names,
            descriptions=record.descriptions, email=record.email,
        )
    except errors.ValidationFailed as failed:
        return [RecordError(line, _FIELD_NAMES.get(p.field, p.field), p.message) for p in failed.problems]
    return []


@dataclass
class _Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


class _Batch:
    """One batch of lines: read what exists, decide each line, then write it in one transaction."""

    def __init__(self, coordinators: dict[str, int], now: datetime, counts: _Counts,
                 problems: list[RecordError]) -> None:
        self.coordinators = coordinators
        self.now = now
        self.counts = counts
        self.problems = problems

    async def run(self, lines: Sequence[tuple[int, AuthorityRecord]]) -> None:
        ids = [record.external_id for _, record in lines]
        existing = {a.external_id: a for a in await Authority.filter(external_id__in=ids)}
        held: dict[int, set[str]] = {a.id: set() for a in existing.values()}
        rows = await AuthorityProcedure.filter(authority_id__in=list(held)).values_list("authority_id", "procedure")
        for authority_id, code in rows:
            held[int(authority_id)].add(str(code))
        async with db.transaction():
            for line, record in lines:
                found = existing.get(record.external_id)
                problems = self._check(line, record, found)
                if problems:
                    self.problems.extend(problems)
                elif found is None:
                    await self._create(record)
                else:
                    await self._update(line, record, found, held[found.id])

    def _check(self, line: int, record: AuthorityRecord, found: Authority | None) -> list[RecordError]:
        problems = _rule_errors(line, record)
        if found is not None and found.country != record.country:
            problems.append(RecordError(line, "country", f"{record.external_id} is an authority of "
                                        f"{found.country}; an import does not move it to another country"))
        needs_coordinator = found is None or (found.coordinator_id is None and found.national_coordinator_of is None)
        if needs_coordinator and record.country not in self.coordinators:
            problems.append(RecordError(line, "country", f"{record.country} has no national coordinator yet: "
                                        "create it first (imi coordinators create)"))
        return problems

    async def _create(self, record: AuthorityRecord) -> None:
        authority = await Authority.create(
            **columns(record), external_id=record.external_id, status=AuthorityStatus.ACTIVE,
            coordinator_id=self.coordinators[record.country], created_at=self.now, updated_at=self.now,
        )
        await self._grant(authority.id, grants(record))
        self.counts.created += 1

    async def _update(self, line: int, record: AuthorityRecord, found: Authority, held: set[str]) -> None:
        changed = {name: value for name, value in columns(record).items() if getattr(found, name) != value}
        if found.coordinator_id is None and found.national_coordinator_of is None:
            changed["coordinator_id"] = self.coordinators[record.country]
        new = {(area, code) for area, code in grants(record) if code not in held}
        if not changed and not new:
            self.counts.unchanged += 1
            return
        written = await Authority.filter(id=found.id, version=found.version).update(
            **changed, version=found.version + 1, updated_at=self.now, search_pending=True
        )
        if not written:
            self.problems.append(RecordError(line, None, "the authority was changed meanwhile: import again"))
            return
        await self._grant(found.id, new)
        self.counts.updated += 1

    async def _grant(self, authority_id: int, pairs: set[tuple[str, str]]) -> None:
        await AuthorityProcedure.bulk_create([
            AuthorityProcedure(authority_id=authority_id, legal_area=area, procedure=code, granted_at=self.now)
            for area, code in sorted(pairs)
        ])


async def import_records(
    lines: Sequence[tuple[int, AuthorityRecord]], now: datetime, progress: Callable[[int], None] | None = None
) -> ImportReport:
    """Store parsed records (line number, record); `progress` receives the number of lines done per batch."""
    rows = await Authority.filter(national_coordinator_of__not_isnull=True).values_list(
        "national_coordinator_of", "id"
    )
    coordinators = {str(country): int(authority_id) for country, authority_id in rows}
    counts = _Counts()
    problems: list[RecordError] = []
    batch = _Batch(coordinators, now, counts, problems)
    for start in range(0, len(lines), BATCH):
        chunk = lines[start:start + BATCH]
        await batch.run(chunk)
        if counts.created or counts.updated:
            changes.committed()
        if progress is not None:
            progress(len(chunk))
    return ImportReport(counts.created, counts.updated, counts.unchanged, tuple(problems))


async def import_parsed(
    parsed: ImportFile, now: datetime, progress: Callable[[int], None] | None = None
) -> ImportReport:
    """Store a parsed file; its faulty lines are reported with every error, in line order. `progress` receives
    the number of lines done (the faulty lines of the parse first)."""
    if progress is not None:
        progress(len({error.line for error in parsed.errors}))
    report = await import_records(parsed.records, now, progress)
    every = sorted((*parsed.errors, *report.errors), key=lambda error: error.line)
    return ImportReport(report.created, report.updated, report.unchanged, tuple(every))


async def import_file(path: Path, now: datetime, progress: Callable[[int], None] | None = None) -> ImportReport:
    """Parse and store a JSON Lines file in UTF-8."""
    return await import_parsed(parse_file(path), now, progress)
