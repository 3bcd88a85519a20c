"""How a period of days is read from summary rows: whole months from month rows, the rest day by day."""

from dataclasses import dataclass
from datetime import date, timedelta

from imi.statistics.indicators import Period


@dataclass(frozen=True, slots=True)
class Plan:
    """Months from `months[0]` to `months[1]` (first days), and the inclusive day ranges in `days`."""

    months: tuple[date, date] | None
    days: tuple[tuple[date, date], ...]


def next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def previous_month(day: date) -> date:
    return date(day.year - (day.month == 1), (day.month - 2) % 12 + 1, 1)


def plan(period: Period, months_until: date | None = None) -> Plan:
    """Whole months inside the period (ending on or before `months_until`, if given) come from month rows; the
    rest of the period from days."""
    first = period.start if period.start.day == 1 else next_month(period.start)
    limit = period.end if months_until is None else min(period.end, months_until)
    after = first  # the first day after the last whole month
    while next_month(after) - timedelta(days=1) <= limit:
        after = next_month(after)
    if after == first:
        return Plan(None, ((period.start, period.end),))
    days = []
    if period.start < first:
        days.append((period.start, first - timedelta(days=1)))
    if after <= period.end:
        days.append((after, period.end))
    return Plan((first, previous_month(after)), tuple(days))
