"""Broadcast rules (pure): who takes part in an alert or notification, what each may see, which countries it
reaches, and the legal deadlines of professional-qualification alerts."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from imi.accounts.profiles import Profile
from imi.broadcasts.models import Role
from imi.errors import ValidationFailed
from imi.reference import countries
from imi.reference.procedures import Broadcasting

SENDER = "SENDER"
FULL_VIEW = frozenset({SENDER, Role.SENDER_COORDINATOR.value, Role.HANDLER.value})
READERS = frozenset(Profile) - {Profile.LOCAL_DATA_ADMINISTRATOR}
ALERT_DAYS = 3  # Directive 2005/36/EC, Art. 56a(3) and (4)


def parties(authority_id: int | None, sender_id: int, participants: Iterable[tuple[int, str]]) -> frozenset[str]:
    """The parts `authority_id` plays: the sender, and its roles among the participants. Recipients take no
    part before the broadcast goes out (their rows exist only from then on)."""
    if authority_id is None:
        return frozenset()
    found = {role for who, role in participants if who == authority_id}
    if authority_id == sender_id:
        found.add(SENDER)
    return frozenset(found)


def can_read(found: frozenset[str], profiles: Iterable[Profile]) -> bool:
    return bool(found) and bool(frozenset(profiles) & READERS)


def limited(found: frozenset[str], broadcasting: Broadcasting | None) -> bool:
    """Where the procedure has a limited view (alerts), a receiving country's coordinator that is not also a
    handler sees only that view until it allocates; a notification's coordinator sees it all."""
    return (broadcasting is not None and bool(broadcasting.limited_view)
            and Role.RECIPIENT_COORDINATOR.value in found and not found & FULL_VIEW)


def can_see_personal_data(found: frozenset[str], blocked: bool, broadcasting: Broadcasting | None) -> bool:
    return bool(found) and not blocked and not limited(found, broadcasting)


def target_countries(broadcasting: Broadcasting, sender_country: str, selected: Iterable[str]) -> list[str]:
    """All other EEA countries, or the selected ones (at least one, none of them the sender's)."""
    eea = [c.code for c in countries()]
    if broadcasting.to_all_countries:
        return [code for code in eea if code != sender_country]
    chosen = list(dict.fromkeys(selected))
    unknown = [code for code in chosen if code not in eea]
    if unknown:
        raise ValidationFailed.single("countries", f"not EEA country codes: {', '.join(unknown)}")
    if sender_country in chosen:
        raise ValidationFailed.single("countries", "your own country does not receive your broadcast")
    if not chosen:
        raise ValidationFailed.single("countries", "choose at least one country")
    return chosen


@dataclass(frozen=True, slots=True)
class AlertDeadlines:
    send_by: date | None  # the decision date + 3 days
    sent_late_days: int | None  # how late it went out (0 if in time); None while not sent
    close_by: date | None  # the end of the restriction + 3 days
    close_overdue_days: int | None  # how far past close_by an open alert is (0 if not yet)


def alert_deadlines(decision_date: date | None, sent_on: date | None, period_end: date | None,
                    closed_on: date | None, today: date) -> AlertDeadlines:
    """Send within 3 days of the decision; close (or modify) within 3 days of the restriction's end."""
    send_by = decision_date + timedelta(days=ALERT_DAYS) if decision_date else None
    sent_late = max(0, (sent_on - send_by).days) if send_by and sent_on else None
    close_by = period_end + timedelta(days=ALERT_DAYS) if period_end else None
    overdue = None if close_by is None else max(0, ((closed_on or today) - close_by).days)
    return AlertDeadlines(send_by, sent_late, close_by, overdue)


def check_dates(decision_date: date | None, period_end: date | None, today: date) -> None:
    if decision_date is not None and decision_date > today:
        raise ValidationFailed.single("decisionDate", "a decision cannot lie in the future")
    if decision_date and period_end and period_end < decision_date:
        raise ValidationFailed.single("periodEnd", "the restriction cannot end before the decision")


def participants_visible(found: frozenset[str], my_authority: int | None,
                         rows: Iterable[tuple[int, str, str]]) -> list[int]:
    """Which participant rows (authority, role, country) a party may see, by index: the sender and its
    coordinator see every recipient; a receiving coordinator the rows of its own country; a handler its own."""
    rows = list(rows)
    if found & {SENDER, Role.SENDER_COORDINATOR.value}:
        return list(range(len(rows)))
    my_countries = {country for who, role, country in rows
                    if who == my_authority and role == Role.RECIPIENT_COORDINATOR.value}
    return [i for i, (who, _, country) in enumerate(rows) if country in my_countries or who == my_authority]
