"""The scoreboard's counts per receiving country, summed in the database from the request rollup.

A period is read from whole months where it can be, and from days at its edges and wherever indicator 1's
acceptance window is still open (those days are left out of indicator 1 only).
"""

from datetime import date
from typing import Any

from imi import db
from imi.statistics import periods, rollup
from imi.statistics.indicators import COUNT_NAMES, Counts, Period
from imi.statistics.sql import Dialect, dialect_of, values


def _sums(judged: str) -> dict[str, str]:
    """The SQL that sums each of `Counts`' fields; indicator 1 reads only the days up to `judged`."""
    sums = {m: f"SUM({m})" for m in rollup.MEASURES}
    sums["acceptance_judged"] = f"SUM(CASE WHEN period_start <= {judged} THEN requests ELSE 0 END)"
    sums["accepted_in_time"] = f"SUM(CASE WHEN period_start <= {judged} THEN accepted_in_time ELSE 0 END)"
    return {name: sums[name] for name in COUNT_NAMES}


def _query(d: Dialect, steps: periods.Plan, areas: list[str], judged_until: date) -> tuple[str, list[Any]]:
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
    sql, params = _query(d, periods.plan(period, judged_until), areas, judged_until)
    _, rows = await conn.execute_query(sql, params)
    found = {}
    for row in rows:
        country, *numbers = values(row)
        found[country] = Counts(**{name: int(n or 0) for name, n in zip(COUNT_NAMES, numbers, strict=True)})
    return found
