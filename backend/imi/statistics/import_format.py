"""The historical-request CSV format, read and checked without I/O: one information request per row.

UTF-8, a header row with exactly the columns of `COLUMNS` (in any order), ISO 8601 timestamps in UTC
(`2019-03-04T10:15:00Z`; no offset means UTC; another offset is converted), dates as `YYYY-MM-DD`, and an empty
cell for no value.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime

from imi import reference
from imi.reference import ExchangeKind
from imi.statistics.indicators import RATINGS

COLUMNS = (
    "reference", "legal_area", "procedure", "requesting_country", "requesting_authority", "responding_country",
    "responding_authority", "sent_at", "accepted_at", "requested_reply_date", "agreed_reply_date", "answered_at",
    "withdrawn_at", "closed_at", "timeliness_rating", "efforts_rating",
)
MAX_REFERENCE = 40
MAX_AUTHORITY_ID = 100


class HeaderError(Exception):
    """The file cannot be read as this format at all."""


def check_header(header: list[str] | None) -> None:
    if not header:
        raise HeaderError("the file is empty: a header row is required")
    names = [name.strip() for name in header]
    missing = [c for c in COLUMNS if c not in names]
    unknown = [n for n in names if n not in COLUMNS]
    repeated = sorted({n for n in names if names.count(n) > 1})
    problems = []
    if missing:
        problems.append(f"missing columns: {', '.join(missing)}")
    if unknown:
        problems.append(f"unknown columns: {', '.join(unknown)}")
    if repeated:
        problems.append(f"repeated columns: {', '.join(repeated)}")
    if problems:
        raise HeaderError("; ".join(problems) + f" (expected: {', '.join(COLUMNS)})")


@dataclass(frozen=True, slots=True)
class HistoricalRequest:
    """One valid row."""

    reference: str
    legal_area: str
    procedure: str
    requesting_country: str
    requesting_authority: str
    responding_country: str
    responding_authority: str
    sent_at: datetime
    accepted_at: datetime | None
    requested_reply_date: date | None
    agreed_reply_date: date | None
    answered_at: datetime | None
    withdrawn_at: datetime | None
    closed_at: datetime | None
    timeliness_rating: int | None
    efforts_rating: int | None

    @property
    def state(self) -> str:
        """Where the request's workflow ended (or stands)."""
        if self.withdrawn_at:
            return "WITHDRAWN"
        if self.closed_at:
            return "CLOSED"
        if self.answered_at:
            return "ANSWERED"
        return "ACCEPTED" if self.accepted_at else "SENT"

    @property
    def agreed_date(self) -> date | None:
        """The agreed reply date: as given, else, once accepted, the requested date (no other was proposed)."""
        if self.agreed_reply_date is not None or self.accepted_at is None:
            return self.agreed_reply_date
        return self.requested_reply_date

    @property
    def last_change(self) -> datetime:
        return max(t for t in (self.sent_at, self.accepted_at, self.answered_at, self.withdrawn_at, self.closed_at)
                   if t is not None)


class RowError(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


class _Reader:
    """Reads the cells of one row, collecting every problem instead of stopping at the first."""

    def __init__(self, row: dict[str, str]) -> None:
        self.row = {k.strip(): (v or "").strip() for k, v in row.items() if k is not None}
        self.problems: list[str] = []

    def text(self, name: str, limit: int) -> str:
        value = self.row.get(name, "")
        if not value:
            self.problems.append(f"{name} is required")
        elif len(value) > limit:
            self.problems.append(f"{name} is longer than {limit} characters")
        return value

    def country(self, name: str) -> str:
        value = self.row.get(name, "").upper()
        try:
            return reference.country(value).code
        except KeyError:
            hint = " (Greece is EL)" if value == "GR" else ""
            self.problems.append(f"{name}: unknown country {value!r}{hint}" if value else f"{name} is required")
            return value

    def instant(self, name: str, *, required: bool = False) -> datetime | None:
        value = self.row.get(name, "")
        if not value:
            if required:
                self.problems.append(f"{name} is required")
            return None
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            self.problems.append(f"{name}: {value!r} is not an ISO 8601 timestamp")
            return None
        return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)

    def day(self, name: str) -> date | None:
        value = self.row.get(name, "")
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.problems.append(f"{name}: {value!r} is not a date (YYYY-MM-DD)")
            return None

    def rating(self, name: str) -> int | None:
        value = self.row.get(name, "")
        if not value:
            return None
        if not value.isdigit() or int(value) not in RATINGS:
            self.problems.append(f"{name}: {value!r} is not a rating from 1 (very dissatisfied) to 5 (very satisfied)")
            return None
        return int(value)


def _procedure_problem(legal_area: str, code: str) -> str | None:
    try:
        reference.legal_area(legal_area)
    except KeyError:
        return f"legal_area: unknown legal area {legal_area!r}"
    try:
        proc = reference.procedure(code)
    except KeyError:
        return f"procedure: unknown procedure {code!r}"
    if proc.kind is not ExchangeKind.REQUEST:
        return f"procedure: {code} is not an information-request procedure"
    if proc.legal_area != legal_area:
        return f"procedure: {code} belongs to {proc.legal_area}, not {legal_area}"
    return None


def _chronology(r: HistoricalRequest, now: datetime) -> list[str]:
    """The order the workflow imposes: sent ≤ accepted ≤ answered ≤ closed; withdrawn after sending, never with
    closing; dates not before the sending day; ratings only with closing; nothing in the future."""
    problems = []

    def before(later: str, earlier: str) -> None:
        a, b = getattr(r, later), getattr(r, earlier)
        if a is not None and b is not None and a < b:
            problems.append(f"{later} is before {earlier}")

    before("accepted_at", "sent_at")
    before("answered_at", "sent_at")
    before("answered_at", "accepted_at")
    before("closed_at", "answered_at")
    before("withdrawn_at", "sent_at")
    before("withdrawn_at", "accepted_at")
    before("withdrawn_at", "answered_at")
    if r.answered_at and not r.accepted_at:
        problems.append("answered_at needs accepted_at: a request is accepted before it is answered")
    if r.closed_at and not r.answered_at:
        problems.append("closed_at needs answered_at: a request is closed after its answer")
    if r.closed_at and r.withdrawn_at:
        problems.append("a request is either withdrawn or closed, not both")
    if (r.timeliness_rating or r.efforts_rating) and not r.closed_at:
        problems.append("ratings need closed_at: the survey is answered on closing")
    if r.agreed_reply_date and not r.accepted_at:
        problems.append("agreed_reply_date needs accepted_at")
    sent_day = r.sent_at.date()
    for name in ("requested_reply_date", "agreed_reply_date"):
        day = getattr(r, name)
        if day is not None and day < sent_day:
            problems.append(f"{name} is before the sending day")
    if r.last_change > now:
        problems.append("a timestamp lies in the future")
    return problems


def parse_row(row: dict[str, str], now: datetime) -> HistoricalRequest:
    """A valid request from one row's cells, or `RowError` with every problem found."""
    cells = _Reader(row)
    legal_area, procedure = cells.text("legal_area", 40), cells.text("procedure", 60)
    values = dict(
        reference=cells.text("reference", MAX_REFERENCE), legal_area=legal_area, procedure=procedure,
        requesting_country=cells.country("requesting_country"),
        requesting_authority=cells.text("requesting_authority", MAX_AUTHORITY_ID),
        responding_country=cells.country("responding_country"),
        responding_authority=cells.text("responding_authority", MAX_AUTHORITY_ID),
        sent_at=cells.instant("sent_at", required=True), accepted_at=cells.instant("accepted_at"),
        requested_reply_date=cells.day("requested_reply_date"), agreed_reply_date=cells.day("agreed_reply_date"),
        answered_at=cells.instant("answered_at"), withdrawn_at=cells.instant("withdrawn_at"),
        closed_at=cells.instant("closed_at"), timeliness_rating=cells.rating("timeliness_rating"),
        efforts_rating=cells.rating("efforts_rating"),
    )
    problems = cells.problems
    if legal_area and procedure and (problem := _procedure_problem(legal_area, procedure)):
        problems.append(problem)
    if values["requesting_country"] and values["requesting_country"] == values["responding_country"]:
        problems.append("responding_country: a request goes to an authority in another country")
    if problems:
        raise RowError(problems)
    request = HistoricalRequest(**values)  # type: ignore[arg-type]
    problems = _chronology(request, now)
    if problems:
        raise RowError(problems)
    return request
