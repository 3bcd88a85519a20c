"""Tracking lists ("boxes"): what awaits an authority, what is overdue, near its deadline, drafted or sent."""

from datetime import date, timedelta
from enum import StrEnum

from tortoise.expressions import Q, Subquery

from imi.broadcasts.models import Participant, Role
from imi.exchanges.rules import State
from imi.pagination import Ordering
from imi.procedures import boxes as cases

NEAR_DEADLINE_DAYS = 3


class Box(StrEnum):
    TO_ACCEPT = "TO_ACCEPT"
    TO_ANSWER = "TO_ANSWER"
    OVERDUE = "OVERDUE"
    NEAR_DEADLINE = "NEAR_DEADLINE"
    TO_REVIEW = "TO_REVIEW"
    REFERRED = "REFERRED"
    DRAFTS = "DRAFTS"
    SENT = "SENT"
    INCOMING = "INCOMING"  # broadcasts received for my country, not yet acknowledged
    TO_ACKNOWLEDGE = "TO_ACKNOWLEDGE"  # broadcasts allocated to me, not yet acknowledged
    TO_VALIDATE = "TO_VALIDATE"  # alerts of my country's authorities awaiting my validation
    TO_ACT = "TO_ACT"  # exchanges of data-only procedures (cases) awaiting my step
    TO_ACT_OVERDUE = "TO_ACT_OVERDUE"  # of those, a deadline of their current state has passed
    TO_ACT_NEAR_DEADLINE = "TO_ACT_NEAR_DEADLINE"  # of those, the next deadline passes within 3 days
    ESCALATED = "ESCALATED"  # exchanges whose deadline passed, escalated to me as the late party's coordinator
    ALL = "ALL"


RECENT = Ordering("updated_at", descending=True)
BY_DEADLINE = Ordering("agreed_reply_date", descending=False)


def _taking_part(authority_id: int, roles: list[Role], unacknowledged: bool = False) -> Q:
    rows = Participant.filter(authority_id=authority_id, role__in=roles)
    if unacknowledged:
        rows = rows.filter(acknowledged_at=None)
    return Q(id__in=Subquery(rows.values("exchange_id")))


def everything(authority_id: int) -> list[Q]:
    """Every exchange an authority takes part in, as separate branches: each can use its own index, where one
    condition joining them with OR would make the database read the whole table."""
    return [
        Q(requesting_authority_id=authority_id),
        Q(responding_authority_id=authority_id) & ~Q(state=State.DRAFT),
        Q(referral_coordinator_id=authority_id),
        _taking_part(authority_id, list(Role)),
        cases.taking_part(authority_id),
    ]


def box_filter(box: Box, authority_id: int, today: date) -> tuple[Q, Ordering]:
    """The filter and order of one box (other than ALL: `everything`) for one authority."""
    mine_to_handle = Q(responding_authority_id=authority_id) & ~Q(state=State.DRAFT)
    if box is Box.TO_ACCEPT:
        return mine_to_handle & Q(state=State.SENT), RECENT
    if box is Box.TO_ANSWER:
        return mine_to_handle & Q(state=State.ACCEPTED), BY_DEADLINE
    if box is Box.OVERDUE:
        return mine_to_handle & Q(state=State.ACCEPTED, agreed_reply_date__lt=today), BY_DEADLINE
    if box is Box.NEAR_DEADLINE:
        soon = today + timedelta(days=NEAR_DEADLINE_DAYS)
        return mine_to_handle & Q(state=State.ACCEPTED, agreed_reply_date__gte=today,
                                  agreed_reply_date__lte=soon), BY_DEADLINE
    if box is Box.TO_REVIEW:
        return Q(requesting_authority_id=authority_id, state=State.ANSWERED), RECENT
    if box is Box.REFERRED:
        return Q(referral_coordinator_id=authority_id, state=State.REFERRED), RECENT
    if box is Box.DRAFTS:
        return Q(requesting_authority_id=authority_id, state=State.DRAFT), RECENT
    if box is Box.SENT:
        return Q(requesting_authority_id=authority_id) & ~Q(state=State.DRAFT), RECENT
    if box is Box.INCOMING:
        return _taking_part(authority_id, [Role.RECIPIENT_COORDINATOR], unacknowledged=True), RECENT
    if box is Box.TO_ACKNOWLEDGE:
        return _taking_part(authority_id, [Role.HANDLER], unacknowledged=True), RECENT
    if box is Box.TO_ACT:
        return cases.awaiting(authority_id), RECENT
    if box is Box.TO_ACT_OVERDUE:
        return cases.overdue(authority_id), RECENT
    if box is Box.TO_ACT_NEAR_DEADLINE:
        return cases.near_deadline(authority_id, today, NEAR_DEADLINE_DAYS), RECENT
    if box is Box.ESCALATED:
        return cases.escalated(authority_id), RECENT
    if box is Box.TO_VALIDATE:
        return _taking_part(authority_id, [Role.SENDER_COORDINATOR]) & Q(state="AWAITING_VALIDATION"), RECENT
    raise ValueError(f"{box} has branches: use everything()")
