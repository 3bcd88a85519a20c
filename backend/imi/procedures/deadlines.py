"""Deadlines of the current state (pure): when each passes, which have passed and not yet been applied, and
when the next one passes. Periods are calendar days (or months) counted from a moment of the exchange (or a date
of its form): a
deadline of N days from a moment on day D is met on day D + N and passes at the start of the next day (UTC).
A period in months ends on the same date of the month, or on the month's last day if it has no such date."""

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from imi.clock import day_of
from imi.workflows.definition import MOMENTS, Deadline, Workflow


@dataclass(frozen=True, slots=True)
class Moments:
    """The moments of an exchange a deadline may count from."""

    state_entered: datetime
    created_at: datetime
    sent_at: datetime | None = None
    accepted_at: datetime | None = None
    answered_at: datetime | None = None
    decision_date: date | None = None
    period_end: date | None = None

    def day(self, name: str) -> date | None:
        value = getattr(self, name)
        if value is None:
            return None
        return day_of(value) if isinstance(value, datetime) else value


@dataclass(frozen=True, slots=True)
class DeadlineStatus:
    deadline: Deadline
    due_date: date | None  # the last day to act; None while its moment is not set
    passes_at: datetime | None  # the start of the day after
    applied: bool

    def passed(self, now: datetime) -> bool:
        return self.passes_at is not None and self.passes_at <= now


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_date(start: date, deadline: Deadline) -> date:
    return add_months(start, deadline.months) + timedelta(days=deadline.days)


def passing(due: date) -> datetime:
    return datetime.combine(due + timedelta(days=1), time(0), tzinfo=UTC)


def statuses(flow: Workflow, state: str, moments: Moments, answers: Mapping[str, object],
             done: Iterable[str]) -> list[DeadlineStatus]:
    """The deadlines of `state` that apply to this exchange (their conditions hold), in the definition's order."""
    applied = set(done)
    found = []
    for deadline in flow.deadlines_in(state):
        if not deadline.applies(answers):
            continue
        start = moments.day(deadline.from_field) if deadline.from_field in MOMENTS else _date(answers, deadline)
        due = due_date(start, deadline) if start else None
        found.append(DeadlineStatus(deadline, due, passing(due) if due else None, deadline.key in applied))
    return found


def _date(answers: Mapping[str, object], deadline: Deadline) -> date | None:
    """A deadline counted from a DATE item of the form: its ISO value, once filled in."""
    value = answers.get(deadline.from_field)
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def pending(found: Iterable[DeadlineStatus], now: datetime) -> list[DeadlineStatus]:
    """The passed deadlines not yet applied, the earliest first (a legal effect after reminders of that day)."""
    passed = [s for s in found if not s.applied and s.passed(now)]
    return sorted(passed, key=lambda s: (s.passes_at, s.deadline.effect == "LEGAL_EFFECT"))


def next_due(found: Iterable[DeadlineStatus]) -> datetime | None:
    """When the next deadline not yet applied passes."""
    waiting = [s.passes_at for s in found if not s.applied and s.passes_at is not None]
    return min(waiting) if waiting else None
