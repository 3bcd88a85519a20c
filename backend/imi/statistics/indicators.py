"""The Single Market Scoreboard method as pure functions: who counts, the five indicators, bands and colours.

A request counts for country c when it was sent in the period by another country's authority to an authority of
c, in one of the chosen legal areas, unless it was withdrawn within 7 days of sending without having been
accepted. Days are UTC calendar days. Values are exact fractions until they are shown: rounded half up to
whole numbers before banding (the default), or banded as read.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from fractions import Fraction
from functools import partial
from operator import ge, gt, le, lt

SCOREBOARD_AREAS = ("PROFESSIONAL_QUALIFICATIONS", "SERVICES", "POSTING_OF_WORKERS", "PATIENTS_RIGHTS")
ACCEPTANCE_DAYS = 7
"""Indicator 1 counts a request as accepted in time when accepted at most this many days after sending."""
EARLY_WITHDRAWAL_DAYS = 7
"""A request withdrawn at most this many days after sending, never accepted, is left out of the population."""
NEGATIVE_RATINGS = frozenset({1, 2})
"""Survey ratings run 1 (very dissatisfied) to 5 (very satisfied); 1 and 2 are negative."""
RATINGS = range(1, 6)


def day_of(at: datetime) -> date:
    """The UTC calendar day of an instant."""
    return at.astimezone(UTC).date()


def days_between(start: datetime, end: datetime) -> int:
    """Calendar days from `start` to `end` (UTC): sent on Monday, answered on Tuesday is 1 day."""
    return (day_of(end) - day_of(start)).days


def last_day_with_known_acceptance(today: date) -> date:
    """The last sending day whose 7-day acceptance window has ended by `today`.

    A request sent on day d may still be accepted in time until the end of day d + 7, so indicator 1 can judge it
    from day d + 8 on. Requests sent later are left out of indicator 1 (not counted as late).
    """
    return today - timedelta(days=ACCEPTANCE_DAYS + 1)


@dataclass(frozen=True, slots=True)
class Period:
    """Sending days from `start` to `end`, both included (UTC)."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("the period ends before it starts")

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    @classmethod
    def year(cls, year: int) -> "Period":
        return cls(date(year, 1, 1), date(year, 12, 31))


@dataclass(frozen=True, slots=True)
class RequestFacts:
    """What the method reads from one sent information request."""

    receiving_country: str
    legal_area: str
    sent_at: datetime
    accepted_at: datetime | None = None
    answered_at: datetime | None = None  # the first answer
    withdrawn_at: datetime | None = None
    closed_at: datetime | None = None
    agreed_reply_date: date | None = None
    timeliness: int | None = None
    efforts: int | None = None


def withdrawn_early(request: RequestFacts) -> bool:
    """Withdrawn within 7 days of sending and never accepted: left out of every indicator."""
    return (request.withdrawn_at is not None and request.accepted_at is None
            and days_between(request.sent_at, request.withdrawn_at) <= EARLY_WITHDRAWAL_DAYS)


def in_scope(request: RequestFacts, period: Period, areas: Iterable[str]) -> bool:
    """Sent in the period, in one of the areas (before the early-withdrawal exclusion)."""
    return day_of(request.sent_at) in period and request.legal_area in set(areas)


@dataclass(frozen=True, slots=True)
class Counts:
    """The numerators and denominators of one country (or of the EEA): additive, so they can be summed."""

    requests: int = 0  # received requests that count (after the exclusion)
    withdrawn_early: int = 0  # left out: withdrawn within 7 days of sending, never accepted
    acceptance_judged: int = 0  # requests whose acceptance window has ended: indicator 1's denominator
    accepted_in_time: int = 0  # of those, accepted within 7 days of sending
    answered: int = 0  # requests with a first answer: indicator 2's denominator
    answer_days: int = 0  # calendar days from sending to first answer, summed
    answers_with_agreed_date: int = 0  # answered requests with an agreed date: indicator 3's denominator
    answered_by_agreed_date: int = 0  # of those, answered on or before the agreed date
    timeliness_ratings: int = 0
    timeliness_negative: int = 0
    efforts_ratings: int = 0
    efforts_negative: int = 0
    awaiting_answer: int = 0  # still open and not yet answered

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(Counts)))


COUNT_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Counts))


def total(counts: Iterable[Counts]) -> Counts:
    """Pooled counts: the EEA average is computed from the sum over all requests, not from country values."""
    result = Counts()
    for one in counts:
        result += one
    return result


def tally(request: RequestFacts, today: date) -> Counts:
    """What one request in the period adds to its receiving country's counts, as known on `today`."""
    if withdrawn_early(request):
        return Counts(withdrawn_early=1)
    answered = request.answered_at is not None
    with_agreed = answered and request.agreed_reply_date is not None
    judged = day_of(request.sent_at) <= last_day_with_known_acceptance(today)
    return Counts(
        requests=1,
        acceptance_judged=int(judged),
        accepted_in_time=int(judged and request.accepted_at is not None
                             and days_between(request.sent_at, request.accepted_at) <= ACCEPTANCE_DAYS),
        answered=int(answered),
        answer_days=days_between(request.sent_at, request.answered_at) if request.answered_at else 0,
        answers_with_agreed_date=int(with_agreed),
        answered_by_agreed_date=int(with_agreed and request.answered_at is not None
                                    and request.agreed_reply_date is not None
                                    and day_of(request.answered_at) <= request.agreed_reply_date),
        timeliness_ratings=int(request.timeliness is not None),
        timeliness_negative=int(request.timeliness in NEGATIVE_RATINGS),
        efforts_ratings=int(request.efforts is not None),
        efforts_negative=int(request.efforts in NEGATIVE_RATINGS),
        awaiting_answer=int(not answered and request.withdrawn_at is None and request.closed_at is None),
    )


class Indicator(StrEnum):
    SPEED_IN_ACCEPTING = "SPEED_IN_ACCEPTING"
    SPEED_IN_ANSWERING = "SPEED_IN_ANSWERING"
    ANSWERED_BY_AGREED_DATE = "ANSWERED_BY_AGREED_DATE"
    TIMELINESS_RATED = "TIMELINESS_RATED"
    EFFORTS_RATED = "EFFORTS_RATED"


class Unit(StrEnum):
    PERCENT = "PERCENT"
    DAYS = "DAYS"


class Colour(StrEnum):
    GREEN = "GREEN"
    YELLOW = "YELLOW"
    RED = "RED"


class Rounding(StrEnum):
    HALF_UP = "HALF_UP"  # to whole numbers before banding (the method's default)
    NONE = "NONE"  # band the value as read


SCORES = {Colour.GREEN: 1, Colour.YELLOW: 0, Colour.RED: -1}


COMPARISONS = {"<": lt, "<=": le, ">=": ge, ">": gt}
SYMBOLS = {"<": "<", "<=": "≤", ">=": "≥", ">": ">"}


@dataclass(frozen=True, slots=True)
class Limit:
    """One side of a band: `value <op> bound`."""

    op: str  # one of < <= >= >
    bound: int

    def holds(self, numerator: int, denominator: int = 1) -> bool:
        """Whether the value numerator / denominator (denominator > 0) lies on this side, compared exactly."""
        return bool(COMPARISONS[self.op](numerator, self.bound * denominator))

    def __str__(self) -> str:
        return f"{SYMBOLS[self.op]} {self.bound}"


@dataclass(frozen=True, slots=True)
class Definition:
    indicator: Indicator
    number: int
    title: str
    description: str
    unit: Unit
    green: Limit
    yellow: str  # what lies between, as the method states it
    red: Limit
    numerator: Callable[[Counts], int]
    denominator: Callable[[Counts], int]
    scale: int  # 100 for a percentage, 1 for a mean

    def colour(self, numerator: int, denominator: int = 1) -> Colour:
        """The band of the value numerator / denominator."""
        if self.green.holds(numerator, denominator):
            return Colour.GREEN
        if self.red.holds(numerator, denominator):
            return Colour.RED
        return Colour.YELLOW


DEFINITIONS: tuple[Definition, ...] = (
    Definition(Indicator.SPEED_IN_ACCEPTING, 1, "Speed in accepting",
               "% of received requests accepted within 7 days of sending", Unit.PERCENT,
               Limit(">=", 80), "60–79", Limit("<", 60), lambda c: c.accepted_in_time, lambda c: c.acceptance_judged,
               100),
    Definition(Indicator.SPEED_IN_ANSWERING, 2, "Speed in answering",
               "mean calendar days from sending to answer, over answered requests", Unit.DAYS,
               Limit("<", 16), "16–25", Limit(">", 25), lambda c: c.answer_days, lambda c: c.answered, 1),
    Definition(Indicator.ANSWERED_BY_AGREED_DATE, 3, "Answered by the agreed date",
               "% of answered requests answered on or before the agreed date", Unit.PERCENT,
               Limit(">=", 80), "60–79", Limit("<", 60), lambda c: c.answered_by_agreed_date,
               lambda c: c.answers_with_agreed_date, 100),
    Definition(Indicator.TIMELINESS_RATED, 4, "Timeliness, as rated",
               "% negative (dissatisfied or very dissatisfied) of survey answers on timeliness", Unit.PERCENT,
               Limit("<", 5), "5–14", Limit(">=", 15), lambda c: c.timeliness_negative, lambda c: c.timeliness_ratings,
               100),
    Definition(Indicator.EFFORTS_RATED, 5, "Efforts, as rated",
               "% negative (dissatisfied or very dissatisfied) of survey answers on efforts", Unit.PERCENT,
               Limit("<", 5), "5–14", Limit(">=", 15), lambda c: c.efforts_negative, lambda c: c.efforts_ratings, 100),
)
DEFINITION = {d.indicator: d for d in DEFINITIONS}


def round_half_up(numerator: int, denominator: int) -> int:
    """The nearest whole number to numerator / denominator (both ≥ 0, exactly), halves up: 79.5 → 80."""
    return (2 * numerator + denominator) // (2 * denominator)


@dataclass(frozen=True, slots=True)
class Reading:
    """One indicator of one country: its numbers, and its colour unless there is no data."""

    indicator: Indicator
    numerator: int
    denominator: int
    scale: int  # 100 for a percentage
    rounded: int | None  # None: no data (empty denominator)
    colour: Colour | None

    @property
    def has_data(self) -> bool:
        return self.denominator > 0

    @property
    def value(self) -> Fraction | None:
        """The exact reading (percent or mean days)."""
        return Fraction(self.numerator * self.scale, self.denominator) if self.denominator else None

    @property
    def approximate(self) -> float | None:
        return self.numerator * self.scale / self.denominator if self.denominator else None

    @property
    def score(self) -> int | None:
        return SCORES[self.colour] if self.colour else None


def read(definition: Definition, counts: Counts, rounding: Rounding = Rounding.HALF_UP) -> Reading:
    numerator, denominator = definition.numerator(counts), definition.denominator(counts)
    reading = partial(Reading, definition.indicator, numerator, denominator, definition.scale)
    if denominator == 0:
        return reading(None, None)
    scaled = numerator * definition.scale
    rounded = round_half_up(scaled, denominator)
    colour = definition.colour(rounded) if rounding is Rounding.HALF_UP else definition.colour(scaled, denominator)
    return reading(rounded, colour)


def overall_colour(total_score: int) -> Colour:
    """≥ 2 green (above average), −1…1 yellow (average), ≤ −2 red (below average)."""
    if total_score >= 2:
        return Colour.GREEN
    if total_score <= -2:
        return Colour.RED
    return Colour.YELLOW


@dataclass(frozen=True, slots=True)
class Assessment:
    """A country's (or the EEA's) five readings, total score and overall colour."""

    counts: Counts
    readings: tuple[Reading, ...]

    @property
    def missing(self) -> tuple[Indicator, ...]:
        """Indicators without data: no colour, left out of the total, and said so."""
        return tuple(r.indicator for r in self.readings if not r.has_data)

    @property
    def total_score(self) -> int | None:
        scores = [r.score for r in self.readings if r.score is not None]
        return sum(scores) if scores else None

    @property
    def overall(self) -> Colour | None:
        score = self.total_score
        return None if score is None else overall_colour(score)

    def reading(self, indicator: Indicator) -> Reading:
        return next(r for r in self.readings if r.indicator is indicator)


def assess(counts: Counts, rounding: Rounding = Rounding.HALF_UP) -> Assessment:
    return Assessment(counts, tuple(read(d, counts, rounding) for d in DEFINITIONS))
