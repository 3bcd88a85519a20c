"""The scoreboard's counts per receiving country, summed in the database from the request rollup.

A period is read from whole months where it can be, and from days at its edges and wherever indicator 1's
acceptance window is still open (those days are left out of indicator 1 only).
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from imi import db
from imi.statistics import rollup
from imi.statistics.indicators import COUNT_NAMES, Counts, Period
from imi.statistics.sql import Dialect, dialect_of, values


@dataclass(frozen=True, slots=True)
class Plan:
    """Which rollup rows make up a period: months `months` (first days), and days in `days` (inclusive ranges)."""

    months: tuple[date, date] | None
    days: tuple[tuple[date, date], ...]


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _previous_month(day: date) -> date:
    return date(day.year - (day.month == 1), (day.month - 2) % 12 + 1, 1)


def plan(period: Period, judged_until: date) -> Plan:
    """Whole months inside the period that end on or before `judged_until` come from month rows; the rest of
    the period from day rows."""
    first = period.start if period.start.day == 1 else _next_month(period.start)
    limit = min(period.end, judged_until)
    after = first  # the first day after the last whole month
    while _next_month(after) - timedelta(days=1) <= limit:
        after = _next_month(after)
    if after == first:
        return Plan(None, ((period.start, period.end),))
    days = []
    if period.start < first:
        days.append((period.start, first - timedelta(days=1)))
    if after <= period.end:
        days.append((after, period.end))
    return Plan((first, _previous_month(after)), tuple(days))


def _sums(judged: str) -> dict[str, str]:
    """The SQL that sums each of `Counts`' fields; indicator 1 reads only the days up to `judged`."""
    sums = {m: f"SUM({m})" for m in rollup.MEASURES}
    sums["acceptance_judged"] = f"SUM(CASE WHEN period_start <= {judged} THEN requests ELSE 0 END)"
    sums["accepted_in_time"] = f"SUM(CASE WHEN period_start <= {judged} THEN accepted_in_time ELSE 0 END)"
    return {name: sums[name] for name in COUNT_NAMES}


def _query(d: Dialect, steps: Plan, areas: list[str], judged_until: date) -> tuple[str, list[Any]]:
    """One GROUP BY over the rollup: every measure summed per receiving country."""
    params: list[Any] = [d.date_value(judged_until)] * 2
    ranges = []
    if steps.months:
        ranges.append(f"(grain = '{rollup.MONTH}' AND period_start BETWEEN ? AND ?)")
        params += [d.date_value(steps.months[0]), d.date_value(steps.months[1])]
    for start, end in steps.days:
        ranges.append(f"(grain = '{rollup.DAY}' AND period_start BETWEEN ? AND ?)")
        params += [d.date_value(start), d.date_value(end)]
    params += areas
    sql = (
        f"SELECT receiving_country, {', '.join(_sums('?').values())} FROM {rollup.TABLE} "
        f"WHERE ({' OR '.join(ranges)}) AND legal_area IN ({', '.join('?' for _ in areas)}) "
        "GROUP BY receiving_country"
    )
    return d.placeholders(sql), params


async def counts_by_country(period: Period, areas: list[str], judged_until: date) -> dict[str, Counts]:
    """Each receiving country's counts for requests sent in `period` in `areas` (countries without any: absent).

    `judged_until` is the last sending day whose acceptance window has ended (see `indicators`).
    """
    conn = db.connection()
    d = dialect_of(conn)
    sql, params = _query(d, plan(period, judged_until), areas, judged_until)
    _, rows = await conn.execute_query(sql, params)
    found = {}
    for row in rows:
        country, *numbers = values(row)
        found[country] = Counts(**{name: int(n or 0) for name, n in zip(COUNT_NAMES, numbers, strict=True)})
    return found
