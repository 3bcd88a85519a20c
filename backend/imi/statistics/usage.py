"""Usage statistics: sent exchanges counted in the database, grouped and filtered as the statistician asks."""

from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum
from typing import Any

from imi import db
from imi.reference import ExchangeKind
from imi.statistics import periods, usage_rollup
from imi.statistics.indicators import Period
from imi.statistics.sql import Dialect, dialect_of, values

MAX_ROWS = 50_000
ALL_KINDS = ", ".join(f"'{kind.value}'" for kind in ExchangeKind)


class GroupBy(StrEnum):
    YEAR = "YEAR"
    QUARTER = "QUARTER"  # a quarter of a year: grouping by it also groups by year
    MONTH = "MONTH"  # a month of a year: grouping by it also groups by year
    EXCHANGE_KIND = "EXCHANGE_KIND"
    LEGAL_AREA = "LEGAL_AREA"
    PROCEDURE = "PROCEDURE"
    SENDING_COUNTRY = "SENDING_COUNTRY"
    RECEIVING_COUNTRY = "RECEIVING_COUNTRY"


@dataclass(frozen=True, slots=True)
class Filters:
    """Keep only exchanges matching every non-empty list."""

    kinds: tuple[str, ...] = ()
    legal_areas: tuple[str, ...] = ()
    procedures: tuple[str, ...] = ()
    sending_countries: tuple[str, ...] = ()
    receiving_countries: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class UsageQuery:
    period: Period
    group_by: tuple[GroupBy, ...]
    filters: Filters = field(default_factory=Filters)


@dataclass(frozen=True, slots=True)
class UsageRow:
    """One group and its count; the keys not grouped by are None."""

    count: int
    year: int | None = None
    quarter: int | None = None
    month: int | None = None
    exchange_kind: str | None = None
    legal_area: str | None = None
    procedure: str | None = None
    sending_country: str | None = None
    receiving_country: str | None = None

    @property
    def period(self) -> str | None:
        """The time key as one label: 2019, 2019-Q1 or 2019-03."""
        if self.year is None:
            return None
        if self.month is not None:
            return f"{self.year}-{self.month:02d}"
        if self.quarter is not None:
            return f"{self.year}-Q{self.quarter}"
        return str(self.year)


def key_columns(group_by: tuple[GroupBy, ...]) -> list[str]:
    """The row fields a grouping fills, in a stable order (time first)."""
    wanted = set(group_by)
    if wanted & {GroupBy.QUARTER, GroupBy.MONTH}:
        wanted.add(GroupBy.YEAR)
    order = [
        (GroupBy.YEAR, "year"), (GroupBy.QUARTER, "quarter"), (GroupBy.MONTH, "month"),
        (GroupBy.EXCHANGE_KIND, "exchange_kind"), (GroupBy.LEGAL_AREA, "legal_area"),
        (GroupBy.PROCEDURE, "procedure"), (GroupBy.SENDING_COUNTRY, "sending_country"),
        (GroupBy.RECEIVING_COUNTRY, "receiving_country"),
    ]
    return [name for key, name in order if key in wanted]


def _from_exchanges(d: Dialect) -> dict[str, str]:
    """Key and filter columns read from exchange rows."""
    return {
        "year": d.year("sent_at"), "quarter": d.quarter("sent_at"), "month": d.month_number("sent_at"),
        "exchange_kind": "kind", "legal_area": "legal_area", "procedure": "procedure",
        "sending_country": "requesting_country", "receiving_country": "responding_country",
    }


def _from_rollup(d: Dialect) -> dict[str, str]:
    """Key and filter columns read from usage-rollup rows."""
    month = d.month_number_of_date("month")
    return {
        "year": d.year_of_date("month"), "quarter": f"(({month} + 2) / 3)", "month": month,
        "exchange_kind": "kind", "legal_area": "legal_area", "procedure": "procedure",
        "sending_country": "sending_country",
        "receiving_country": f"NULLIF(receiving_country, '{usage_rollup.NO_COUNTRY}')",
    }


def _filters(columns: dict[str, str], f: Filters) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    for key, chosen in (("exchange_kind", f.kinds), ("legal_area", f.legal_areas), ("procedure", f.procedures),
                        ("sending_country", f.sending_countries), ("receiving_country", f.receiving_countries)):
        if chosen:
            where.append(f"{columns[key]} IN ({', '.join('?' for _ in chosen)})")
            params += list(chosen)
    return where, params


def build(d: Dialect, query: UsageQuery) -> tuple[str, list[Any], list[str]]:
    """The SQL, its parameters and the names of the key columns it returns before the count.

    Whole months are read from the usage rollup, the days at the period's edges from the exchanges.
    """
    keys = key_columns(query.group_by)
    steps = periods.plan(query.period)
    parts, params = [], []
    if steps.months:
        columns = _from_rollup(d)
        where, values_ = _filters(columns, query.filters)
        parts.append(f"SELECT {', '.join([*(f'{columns[k]} AS {k}' for k in keys), 'exchanges AS n'])} "
                     f"FROM {usage_rollup.TABLE} WHERE {' AND '.join(['month BETWEEN ? AND ?', *where])}")
        params += [d.date_value(steps.months[0]), d.date_value(steps.months[1]), *values_]
    columns = _from_exchanges(d)
    for start, end in steps.days:
        where, values_ = _filters(columns, query.filters)
        if not query.filters.kinds:  # lets the (kind, sent_at) index serve the day range
            where.append(f"kind IN ({ALL_KINDS})")
        parts.append(f"SELECT {', '.join([*(f'{columns[k]} AS {k}' for k in keys), '1 AS n'])} FROM exchange "
                     f"WHERE {' AND '.join(['sent_at >= ?', 'sent_at < ?', *where])}")
        params += [d.instant_value(start), d.instant_value(end + timedelta(days=1)), *values_]
    sql = f"SELECT {', '.join([*keys, 'COALESCE(SUM(n), 0)'])} FROM ({' UNION ALL '.join(parts)}) AS u"
    if keys:
        positions = range(1, len(keys) + 1)
        sql += (f" GROUP BY {', '.join(str(i) for i in positions)}"
                f" ORDER BY {', '.join(f'{i} NULLS LAST' for i in positions)}")
    return d.placeholders(sql + f" LIMIT {MAX_ROWS + 1}"), params, keys


async def count(query: UsageQuery) -> tuple[list[UsageRow], bool]:
    """The rows (at most `MAX_ROWS`) and whether more were cut off."""
    conn = db.connection()
    sql, params, keys = build(dialect_of(conn), query)
    _, rows = await conn.execute_query(sql, params)
    found = []
    for row in rows[:MAX_ROWS]:
        *key_values, n = values(row)
        found.append(UsageRow(count=int(n), **dict(zip(keys, key_values, strict=True))))
    return found, len(rows) > MAX_ROWS
