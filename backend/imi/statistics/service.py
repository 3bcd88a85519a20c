"""Statistics services: who may read them, input checks, and the scoreboard, trend and usage results.

Anyone authenticated whose access includes `statistics:read` may read them: an API token with that scope, or a
signed-in official (the web app draws the scoreboard for officials). Results are aggregates only: no personal
data, no exchange or authority identifiers.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from imi import reference
from imi.accounts.principal import Principal
from imi.accounts.profiles import Scope
from imi.errors import FieldProblem, NotAllowed, ValidationFailed
from imi.statistics import aggregation, usage
from imi.statistics.indicators import (
    SCOREBOARD_AREAS,
    Assessment,
    Counts,
    Period,
    Rounding,
    assess,
    last_day_with_known_acceptance,
    total,
)

MAX_TREND_YEARS = 50


def authorise(principal: Principal) -> None:
    """Refuse callers who are not authenticated, or whose token lacks `statistics:read`."""
    if not principal.authenticated:
        raise NotAllowed("statistics need a signed-in user or an API token with statistics:read")
    if not principal.has_scope(Scope.STATISTICS_READ):
        raise NotAllowed("this token lacks the statistics:read scope")


def check_period(start: date, end: date, field: str = "to") -> Period:
    if end < start:
        raise ValidationFailed.single(field, "the period ends before it starts")
    return Period(start, end)


def check_countries(codes: Iterable[str] | None, field: str = "countries") -> tuple[str, ...]:
    """EU country codes (Greece is EL), in the order given; all 30 when none are given."""
    if not codes:
        return tuple(c.code for c in reference.countries())
    chosen = tuple(dict.fromkeys(code.strip().upper() for code in codes))
    known = {c.code for c in reference.countries()}
    unknown = [code for code in chosen if code not in known]
    if unknown:
        raise ValidationFailed.single(field, f"not EEA country codes: {', '.join(unknown)} (Greece is EL)")
    return chosen


def check_codes(codes: Iterable[str] | None, known: Iterable[str], field: str, what: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(code.strip() for code in codes or ()))
    unknown = [code for code in chosen if code not in set(known)]
    if unknown:
        raise ValidationFailed.single(field, f"unknown {what}: {', '.join(unknown)}")
    return chosen


def check_areas(areas: Iterable[str] | None) -> tuple[str, ...]:
    """Legal-area codes; the four scoreboard areas when none are given."""
    chosen = check_codes((a.upper() for a in areas or ()), (a.code for a in reference.legal_areas()), "areas",
                         "legal areas")
    return chosen or SCOREBOARD_AREAS


@dataclass(frozen=True, slots=True)
class CountryAssessment:
    country: str
    assessment: Assessment


@dataclass(frozen=True, slots=True)
class Scoreboard:
    period: Period
    areas: tuple[str, ...]
    rounding: Rounding
    acceptance_judged_until: date | None  # indicator 1 reads requests sent up to this day (None: none yet)
    countries: tuple[CountryAssessment, ...]
    eea_average: Assessment


def _judged_until(period: Period, today: date) -> date | None:
    last = min(period.end, last_day_with_known_acceptance(today))
    return last if last >= period.start else None


async def _scoreboard(period: Period, countries: tuple[str, ...], areas: tuple[str, ...], rounding: Rounding,
                      today: date) -> Scoreboard:
    judged = last_day_with_known_acceptance(today)
    found = await aggregation.counts_by_country(period, list(areas), judged)
    return Scoreboard(
        period=period, areas=areas, rounding=rounding, acceptance_judged_until=_judged_until(period, today),
        countries=tuple(CountryAssessment(c, assess(found.get(c, Counts()), rounding)) for c in countries),
        eea_average=assess(total(found.values()), rounding),
    )


async def scoreboard(principal: Principal, start: date, end: date, today: date, *,
                     countries: Iterable[str] | None = None, areas: Iterable[str] | None = None,
                     rounding: Rounding = Rounding.HALF_UP) -> Scoreboard:
    """Each chosen country's five indicators for requests sent from `start` to `end`, and the EEA average
    (pooled over all requests, whatever countries were chosen)."""
    authorise(principal)
    return await _scoreboard(check_period(start, end), check_countries(countries), check_areas(areas), rounding,
                             today)


@dataclass(frozen=True, slots=True)
class TrendYear:
    year: int
    country: Assessment
    eea_average: Assessment
    acceptance_judged_until: date | None


@dataclass(frozen=True, slots=True)
class Trend:
    country: str
    areas: tuple[str, ...]
    rounding: Rounding
    years: tuple[TrendYear, ...]


async def trend(principal: Principal, country: str, first_year: int, last_year: int, today: date, *,
                areas: Iterable[str] | None = None, rounding: Rounding = Rounding.HALF_UP) -> Trend:
    """One country's scoreboard year by year, beside the EEA average of each year."""
    authorise(principal)
    (code,) = check_countries([country], "country")
    problems = []
    if last_year < first_year:
        problems.append(FieldProblem("lastYear", "comes before firstYear"))
    if last_year - first_year >= MAX_TREND_YEARS:
        problems.append(FieldProblem("lastYear", f"at most {MAX_TREND_YEARS} years at once"))
    if first_year < 1 or last_year > 9999:
        problems.append(FieldProblem("firstYear", "is not a calendar year"))
    if problems:
        raise ValidationFailed(problems)
    chosen = check_areas(areas)
    years = []
    for year in range(first_year, last_year + 1):
        board = await _scoreboard(Period.year(year), (code,), chosen, rounding, today)
        years.append(TrendYear(year, board.countries[0].assessment, board.eea_average,
                               board.acceptance_judged_until))
    return Trend(code, chosen, rounding, tuple(years))


@dataclass(frozen=True, slots=True)
class Usage:
    query: usage.UsageQuery
    rows: tuple[usage.UsageRow, ...]
    total: int
    truncated: bool


async def usage_statistics(principal: Principal, start: date, end: date, group_by: Iterable[usage.GroupBy],
                           filters: usage.Filters | None = None) -> Usage:
    """Sent exchanges counted per group, for exchanges sent from `start` to `end`."""
    authorise(principal)
    period = check_period(start, end)
    f = filters or usage.Filters()
    checked = usage.Filters(
        kinds=check_codes(f.kinds, (k.value for k in reference.ExchangeKind), "filters.kinds", "exchange kinds"),
        legal_areas=check_codes(f.legal_areas, (a.code for a in reference.legal_areas()), "filters.legalAreas",
                                "legal areas"),
        procedures=check_codes(f.procedures, (p.code for p in reference.procedures()), "filters.procedures",
                               "procedures"),
        sending_countries=check_countries(f.sending_countries, "filters.sendingCountries")
        if f.sending_countries else (),
        receiving_countries=check_countries(f.receiving_countries, "filters.receivingCountries")
        if f.receiving_countries else (),
    )
    query = usage.UsageQuery(period, tuple(dict.fromkeys(group_by)), checked)
    rows, truncated = await usage.count(query)
    return Usage(query, tuple(rows), sum(r.count for r in rows), truncated)
