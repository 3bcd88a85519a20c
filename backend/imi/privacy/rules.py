"""Retention of personal data as pure rules (IMI Regulation (EU) No 1024/2012, Art. 13 and 14): when an
exchange's personal data is blocked and when it is deleted. No I/O here.

- Formal closure is the closure or the withdrawal of an exchange (the earlier, should both be recorded). Its
  personal data is blocked `block_after_months` after it (6, or up to 18 where the procedure says so) and
  deleted `delete_after_years` after it (3).
- An alert's personal data is kept only while the alert is valid: it is blocked and deleted as soon as the
  alert is closed or withdrawn, or its restriction has ended (from the day after `period_end`, in UTC).
- An exchange that never left its authority (never sent: an abandoned draft, a case never submitted) counts as
  formally closed at its last activity: an untouched draft is blocked after the same months and deleted after
  the same years. Any activity starts the count again.
- A sent exchange that is still open is not blocked while the cooperation goes on; once it has had no activity
  for `delete_after_years`, it counts as abandoned and its personal data is blocked and deleted then. A valid
  alert is never treated so: it is kept while it is valid.

Months are calendar months in UTC; a day that the target month lacks becomes its last day (31 August + 6 months
is 28 or 29 February; 29 February + 3 years is 28 February).
"""

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from imi.reference.procedures import Retention

MAX_BLOCK_MONTHS = 18  # Art. 13(1): at most 18 months after formal closure where a Union act provides for it
DELETE_AFTER_YEARS = 3  # Art. 13(4): blocked data is deleted three years after formal closure
ALERT = "ALERT"

DELETED_TEXT = "[Deleted: the retention period of this exchange's personal data has ended.]"
"""What remains of free text (messages, text answers) once an exchange's personal data is deleted."""
DELETED_FILENAME = "deleted"
"""The name an attachment keeps once deleted (file names may carry personal data)."""
NOTICE_LANGUAGE = "en"
BLOCKED_TEXT = "[Blocked: this exchange's personal data is kept only as proof that the exchange took place.]"
"""What readers see of free text while an exchange's personal data is blocked."""


class Basis(StrEnum):
    """Why an exchange's personal data is blocked and deleted when it is."""

    FORMAL_CLOSURE = "FORMAL_CLOSURE"  # closed or withdrawn
    ALERT_NO_LONGER_VALID = "ALERT_NO_LONGER_VALID"  # an alert closed, withdrawn or past its period
    NEVER_SENT = "NEVER_SENT"  # an abandoned draft: from its last activity
    ABANDONED = "ABANDONED"  # sent, never closed, and no activity for the deletion period


class Step(StrEnum):
    BLOCK = "BLOCK"
    DELETE = "DELETE"


@dataclass(frozen=True, slots=True)
class Facts:
    """What the rules need to know of one exchange (instants are aware datetimes)."""

    kind: str
    last_activity: datetime  # `updated_at`
    sent_at: datetime | None = None
    closed_at: datetime | None = None
    withdrawn_at: datetime | None = None
    period_end: date | None = None  # alerts: the last day of the restriction


@dataclass(frozen=True, slots=True)
class Schedule:
    """When an exchange's personal data is due to be blocked and deleted (None: not while it stays as it is)."""

    basis: Basis | None
    block_at: datetime | None
    delete_at: datetime | None


NEVER = Schedule(None, None, None)


def check_retention(retention: Retention) -> None:
    """`ValueError` unless a procedure's retention is within the Regulation's limits."""
    if not 0 < retention.block_after_months <= MAX_BLOCK_MONTHS:
        raise ValueError(f"personal data is blocked 1 to {MAX_BLOCK_MONTHS} months after formal closure, "
                         f"not {retention.block_after_months}")
    if not 0 < retention.delete_after_years <= DELETE_AFTER_YEARS:
        raise ValueError(f"personal data is deleted at most {DELETE_AFTER_YEARS} years after formal closure, "
                         f"not {retention.delete_after_years}")
    if retention.delete_after_years * 12 < retention.block_after_months:
        raise ValueError("personal data cannot be deleted before it is blocked")


def add_months(at: datetime, months: int) -> datetime:
    """`at` plus calendar months, in UTC; a day the target month lacks becomes its last day."""
    at = at.astimezone(UTC)
    index = at.year * 12 + at.month - 1 + months
    year, month = divmod(index, 12)
    day = min(at.day, calendar.monthrange(year, month + 1)[1])
    return at.replace(year=year, month=month + 1, day=day)


def formal_closure(facts: Facts) -> datetime | None:
    """The closure or the withdrawal, whichever came first; None while the exchange is open."""
    ends = [moment for moment in (facts.closed_at, facts.withdrawn_at) if moment is not None]
    return min(ends) if ends else None


def alert_validity_end(facts: Facts) -> datetime | None:
    """When an alert stopped (or will stop) being valid: closure, withdrawal, or the start of the day after its
    restriction ends, whichever comes first; None while it is valid with no end date."""
    ends = [moment for moment in (facts.closed_at, facts.withdrawn_at) if moment is not None]
    if facts.period_end is not None:
        ends.append(datetime.combine(facts.period_end + timedelta(days=1), time(0), tzinfo=UTC))
    return min(ends) if ends else None


def schedule(facts: Facts, retention: Retention) -> Schedule:
    """When the exchange's personal data is blocked and deleted, and why."""
    check_retention(retention)
    block, years = retention.block_after_months, retention.delete_after_years
    if facts.kind == ALERT:
        ends = alert_validity_end(facts)
        if ends is not None:
            if facts.sent_at is None:  # a draft whose period already ended: no later than as a draft
                ends = min(ends, add_months(facts.last_activity, block))
            return Schedule(Basis.ALERT_NO_LONGER_VALID, ends, ends)
    closed = formal_closure(facts)
    if closed is not None:
        return Schedule(Basis.FORMAL_CLOSURE, add_months(closed, block), add_months(closed, years * 12))
    if facts.sent_at is None:
        return Schedule(Basis.NEVER_SENT, add_months(facts.last_activity, block),
                        add_months(facts.last_activity, years * 12))
    if facts.kind == ALERT:
        return NEVER  # a valid alert is kept while it is valid
    abandoned = add_months(facts.last_activity, years * 12)
    return Schedule(Basis.ABANDONED, abandoned, abandoned)


def due(plan: Schedule, *, blocked: bool, deleted: bool, now: datetime) -> Step | None:
    """The step the job takes now: deletion (which also blocks) once due, else blocking once due."""
    if deleted:
        return None
    if plan.delete_at is not None and plan.delete_at <= now:
        return Step.DELETE
    if not blocked and plan.block_at is not None and plan.block_at <= now:
        return Step.BLOCK
    return None


def earliest_candidates(now: datetime, retentions: Iterable[Retention]) -> tuple[datetime, datetime]:
    """Cut-offs for finding candidates cheaply: an exchange closed, withdrawn or last active after the first
    instant cannot be due for blocking, nor one after the second for deletion (other than an alert)."""
    found = list(retentions)
    shortest_block = min(r.block_after_months for r in found)
    shortest_delete = min(r.delete_after_years for r in found)
    return add_months(now, -shortest_block), add_months(now, -shortest_delete * 12)


def scrub_answers(answers: Mapping[str, Any], free_text_items: Iterable[str],
                  personal_items: Iterable[str] = ()) -> dict[str, Any]:
    """Answers without their personal-data items, and with every free-text answer replaced by the deletion
    notice (free text may carry personal data; identifiers, choices, dates and numbers stay as the proof of the
    exchange)."""
    free, personal = set(free_text_items), set(personal_items)
    return {item: DELETED_TEXT if item in free and isinstance(value, str) else value
            for item, value in answers.items() if item not in personal}
