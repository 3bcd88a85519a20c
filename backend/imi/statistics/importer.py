"""Loading historical information requests from CSV (see `import_format`), so a deployment can keep its past.

Valid rows are loaded in batches, each in one transaction; invalid rows are reported with their line numbers and
skipped. A reference already in the database is left as it is, so importing the same file again changes nothing.
Unknown authorities (by external id) are created as minimal, inactive records of their country. Each imported
request gets one IMPORT event on its timeline.
"""

import codecs
import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from imi import db, reference
from imi.authorities.models import Authority, AuthorityStatus, Level
from imi.exchanges.models import Exchange, ExchangeEvent
from imi.reference import ExchangeKind
from imi.statistics.import_format import HeaderError, HistoricalRequest, RowError, check_header, parse_row

BATCH = 1000
IMPORT_ACTION = "IMPORT"


@dataclass(frozen=True, slots=True)
class LineProblem:
    line: int
    message: str


@dataclass
class ImportReport:
    rows: int = 0
    imported: int = 0
    already_present: int = 0
    authorities_created: int = 0
    problems: list[LineProblem] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.rows} rows: {self.imported} imported, {self.already_present} already present, "
                f"{len(self.problems)} refused; {self.authorities_created} authorities created")


class ImportFileError(Exception):
    """The file as a whole cannot be imported (nothing was loaded)."""


def count_lines(path: Path) -> int:
    """The number of lines, checking on the way that the file is UTF-8."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    lines, last = 0, b""
    with path.open("rb") as raw:
        while chunk := raw.read(1 << 20):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                raise ImportFileError(f"the file is not UTF-8 (after line {lines + 1})") from None
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise ImportFileError("the file is not UTF-8 (at its end)") from None
    return lines + (1 if last not in (b"", b"\n") else 0)


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str] | str]]:
    """(line number, cells) per row, or (line number, problem) for a row of the wrong width."""
    with path.open(encoding="utf-8-sig", newline="") as text:
        reader = csv.DictReader(text, restkey="\0extra")
        try:
            check_header(list(reader.fieldnames or []))
        except HeaderError as error:
            raise ImportFileError(str(error)) from None
        line = reader.line_num + 1
        for row in reader:
            if "\0extra" in row:
                yield line, "more cells than the header has columns"
            elif any(value is None for value in row.values()):
                yield line, "fewer cells than the header has columns"
            else:
                yield line, row
            line = reader.line_num + 1


class _Authorities:
    """External ids resolved to (id, country) once, creating the unknown ones."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        self.known: dict[str, tuple[int, str]] = {}
        self.created = 0

    async def resolve(self, wanted: dict[str, str]) -> None:
        """Look up (or create) every external id in `wanted` (external id → the country the file gives)."""
        missing = [ext for ext in wanted if ext not in self.known]
        if not missing:
            return
        for row in await Authority.filter(external_id__in=missing).values("id", "external_id", "country"):
            self.known[row["external_id"]] = (row["id"], row["country"])
        new = [ext for ext in missing if ext not in self.known]
        if not new:
            return
        coordinators = dict(await Authority.filter(
            national_coordinator_of__in={wanted[e] for e in new}).values_list("national_coordinator_of", "id"))
        await Authority.bulk_create([Authority(
            external_id=ext, country=wanted[ext], level=Level.NATIONAL, official_name=ext,
            official_language=reference.country(wanted[ext]).default_language, status=AuthorityStatus.INACTIVE,
            coordinator_id=coordinators.get(wanted[ext]), created_at=self.now, updated_at=self.now,
        ) for ext in new])
        for row in await Authority.filter(external_id__in=new).values("id", "external_id", "country"):
            self.known[row["external_id"]] = (row["id"], row["country"])
        self.created += len(new)

    def check(self, external_id: str, country: str, column: str) -> str | None:
        found_country = self.known[external_id][1]
        if found_country != country:
            return f"{column}: {external_id} is an authority of {found_country}, not {country}"
        return None


def _exchange(r: HistoricalRequest, requester: int, responder: int) -> Exchange:
    return Exchange(
        reference=r.reference, kind=ExchangeKind.REQUEST.value, procedure=r.procedure, legal_area=r.legal_area,
        state=r.state, requesting_authority_id=requester, responding_authority_id=responder,
        requesting_country=r.requesting_country, responding_country=r.responding_country,
        subject=reference.procedure(r.procedure).name, subject_language="en", questions=[], answers={},
        personal_data=None, requested_reply_date=r.requested_reply_date, agreed_reply_date=r.agreed_date,
        created_at=r.sent_at, updated_at=r.last_change, sent_at=r.sent_at, accepted_at=r.accepted_at,
        answered_at=r.answered_at, withdrawn_at=r.withdrawn_at, closed_at=r.closed_at,
        survey_timeliness=r.timeliness_rating, survey_efforts=r.efforts_rating,
    )


class _Batch:
    def __init__(self, report: ImportReport, authorities: _Authorities, now: datetime) -> None:
        self.report, self.authorities, self.now = report, authorities, now
        self.rows: list[tuple[int, HistoricalRequest]] = []
        self.first_line: dict[str, int] = {}  # reference → the line it was first read on, in this file

    def add(self, line: int, request: HistoricalRequest) -> None:
        first = self.first_line.setdefault(request.reference, line)
        if first != line:
            self.report.problems.append(LineProblem(line, f"reference {request.reference} is also on line {first}"))
        else:
            self.rows.append((line, request))

    async def load(self) -> None:
        rows, self.rows = self.rows, []
        if not rows:
            return
        present = set(await Exchange.filter(reference__in=[r.reference for _, r in rows])
                      .values_list("reference", flat=True))
        self.report.already_present += len(present)
        rows = [(line, r) for line, r in rows if r.reference not in present]
        async with db.transaction():
            wanted: dict[str, str] = {}  # a new authority gets the country of the first row naming it
            for _, r in rows:
                wanted.setdefault(r.requesting_authority, r.requesting_country)
                wanted.setdefault(r.responding_authority, r.responding_country)
            await self.authorities.resolve(wanted)
            loaded = []
            for line, r in rows:
                problems = [p for p in (
                    self.authorities.check(r.requesting_authority, r.requesting_country, "requesting_authority"),
                    self.authorities.check(r.responding_authority, r.responding_country, "responding_authority"),
                ) if p]
                if problems:
                    self.report.problems.append(LineProblem(line, "; ".join(problems)))
                else:
                    loaded.append(r)
            await Exchange.bulk_create([
                _exchange(r, self.authorities.known[r.requesting_authority][0],
                          self.authorities.known[r.responding_authority][0]) for r in loaded])
            ids = dict(await Exchange.filter(reference__in=[r.reference for r in loaded])
                       .values_list("reference", "id"))
            await ExchangeEvent.bulk_create([ExchangeEvent(
                exchange_id=ids[r.reference], action=IMPORT_ACTION, from_state=None, to_state=r.state, at=self.now,
                data={}) for r in loaded])
        self.report.imported += len(loaded)


async def import_requests(path: Path, now: datetime, progress: Callable[[int], None] | None = None,
                          batch_size: int = BATCH) -> ImportReport:
    """Import the file's valid rows; `progress` is told how many lines were read since it was last told."""
    count_lines(path)  # refuses a file that is not UTF-8 before anything is loaded
    report = ImportReport()
    authorities = _Authorities(now)
    batch = _Batch(report, authorities, now)
    read_until = 1
    for line, row in _rows(path):
        report.rows += 1
        if isinstance(row, str):
            report.problems.append(LineProblem(line, row))
        else:
            try:
                batch.add(line, parse_row(row, now))
            except RowError as error:
                report.problems.append(LineProblem(line, str(error)))
        if len(batch.rows) >= batch_size:
            await batch.load()
        if progress:
            progress(line - read_until)
            read_until = line
    await batch.load()
    report.authorities_created = authorities.created
    report.problems.sort(key=lambda p: p.line)
    return report
