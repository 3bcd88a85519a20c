"""An injectable clock: the system clock in production, a controlled one in tests."""

from datetime import UTC, date, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    """Wall-clock time in UTC."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that only moves when told to."""

    def __init__(self, at: datetime) -> None:
        self._at = at

    def now(self) -> datetime:
        return self._at

    def set(self, at: datetime) -> None:
        self._at = at

    def advance(self, **delta: float) -> datetime:
        self._at += timedelta(**delta)
        return self._at


def day_of(at: datetime) -> date:
    """The calendar day of an instant: deadlines are counted in UTC calendar days."""
    return at.astimezone(UTC).date()


def today(clock: Clock) -> date:
    return day_of(clock.now())
