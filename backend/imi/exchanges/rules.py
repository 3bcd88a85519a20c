"""The information-request workflow as pure rules: who may do what, from which state, to which state; who
reads what. No I/O here. The service asks `decide` before changing anything; the API asks `allowed_actions`.
"""

from collections.abc import Iterable
from datetime import date
from enum import StrEnum

from imi.accounts.profiles import Profile
from imi.errors import ValidationFailed
from imi.workflows import engine, workflow


class State(StrEnum):
    DRAFT = "DRAFT"
    SENT = "SENT"
    ACCEPTED = "ACCEPTED"
    ANSWERED = "ANSWERED"
    REFERRED = "REFERRED"
    CLOSED = "CLOSED"
    WITHDRAWN = "WITHDRAWN"


class Action(StrEnum):
    SEND = "SEND"
    MODIFY = "MODIFY"
    ACCEPT = "ACCEPT"
    FORWARD = "FORWARD"
    ANSWER = "ANSWER"
    REQUEST_FURTHER_INFORMATION = "REQUEST_FURTHER_INFORMATION"
    REFER = "REFER"
    RETURN_FROM_REFERRAL = "RETURN_FROM_REFERRAL"
    CLOSE_REFERRAL = "CLOSE_REFERRAL"
    CLOSE = "CLOSE"
    WITHDRAW = "WITHDRAW"
    ADD_MESSAGE = "ADD_MESSAGE"
    ADD_ATTACHMENT = "ADD_ATTACHMENT"


class Party(StrEnum):
    """The part an authority plays in one exchange."""

    REQUESTER = "REQUESTER"
    RESPONDER = "RESPONDER"
    REFERRAL_COORDINATOR = "REFERRAL_COORDINATOR"


READERS = frozenset(Profile) - {Profile.LOCAL_DATA_ADMINISTRATOR, Profile.VALIDATOR}


WORKFLOW = "information_request"


def decide(state: str, action: Action, parties: Iterable[str], profiles: Iterable[Profile]) -> State:
    """The state after `action`, or a refusal: `NotAllowed` (no part or right) or `InvalidTransition`.

    The rules themselves are data: `workflows/data/information_request.yaml`.
    """
    return State(engine.decide(workflow(WORKFLOW), state, action, parties, profiles))


def allowed_actions(state: str, parties: Iterable[str], profiles: Iterable[Profile]) -> list[Action]:
    """Every action the caller may take now, in the workflow's order."""
    return [Action(a) for a in engine.allowed_actions(workflow(WORKFLOW), state, parties, profiles)]


def parties(
    authority_id: int | None, state: str, requesting_id: int, responding_id: int | None, referral_id: int | None
) -> frozenset[Party]:
    """The parts `authority_id` plays in an exchange; a chosen responder is no party to a draft."""
    found: set[Party] = set()
    if authority_id is None:
        return frozenset()
    if authority_id == requesting_id:
        found.add(Party.REQUESTER)
    if authority_id == responding_id and state != State.DRAFT:
        found.add(Party.RESPONDER)
    if authority_id == referral_id:
        found.add(Party.REFERRAL_COORDINATOR)
    return frozenset(found)


def can_read(parties: Iterable[str], profiles: Iterable[Profile]) -> bool:
    """An exchange is visible to users of an involved authority with a reading right in its area."""
    return bool(frozenset(parties)) and bool(frozenset(profiles) & READERS)


def can_see_personal_data(parties: Iterable[str], accepted_by_responder: bool, blocked: bool) -> bool:
    """Personal data: the requester and a referral coordinator always; a responder once it has accepted.

    Blocked personal data is hidden from everyone.
    """
    if blocked:
        return False
    parties = frozenset(parties)
    return bool(parties & {Party.REQUESTER, Party.REFERRAL_COORDINATOR}) or (
        Party.RESPONDER in parties and accepted_by_responder
    )


def check_reply_date(field_name: str, reply_date: date, today: date) -> None:
    """A requested or proposed reply date must lie after today."""
    if reply_date <= today:
        raise ValidationFailed.single(field_name, f"must be after today ({today.isoformat()})")


SURVEY_SCALE = range(1, 6)


def check_survey(timeliness: int | None, efforts: int | None) -> None:
    """The optional closure survey: each rating 1 (very dissatisfied) to 5 (very satisfied)."""
    for name, value in (("timeliness", timeliness), ("efforts", efforts)):
        if value is not None and value not in SURVEY_SCALE:
            raise ValidationFailed.single(name, "must be a rating from 1 (very dissatisfied) to 5 (very satisfied)")
