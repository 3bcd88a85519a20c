"""Tracking lists ("boxes"): what awaits an authority, what is overdue, near its deadline, drafted or sent."""

from datetime import date, timedelta
from enum import StrEnum

from tortoise.expressions import Q

from imi.exchanges.rules import State
from imi.pagination import Ordering

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
    ALL = "ALL"


RECENT = Ordering("updated_at", descending=True)
BY_DEADLINE = Ordering("agreed_reply_date", descending=False)


def box_filter(box: Box, authority_id: int, today: date) -> tuple[Q, Ordering]:
    """The filter and order of one box for one authority."""
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
    return (
        Q(requesting_authority_id=authority_id)
        | mine_to_handle
        | Q(referral_coordinator_id=authority_id)
    ), RECENT
