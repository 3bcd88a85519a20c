"""The information-request workflow as pure rules: who may do what, from which state, to which state.

No I/O here. The service asks `decide` before changing anything; the API asks `allowed_actions`.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from imi.accounts.profiles import Profile
from imi.errors import InvalidTransition, NotAllowed, ValidationFailed


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


S = State
OPEN_STATES = frozenset({S.DRAFT, S.SENT, S.ACCEPTED, S.ANSWERED, S.REFERRED})
TERMINAL_STATES = frozenset({S.CLOSED, S.WITHDRAWN})
HANDLER = frozenset({Profile.REQUEST_HANDLER})
FORWARDERS = frozenset({Profile.REQUEST_HANDLER, Profile.ALLOCATOR})
REFERRAL = frozenset({Profile.REFERRAL_HANDLER})
READERS = frozenset(Profile) - {Profile.LOCAL_DATA_ADMINISTRATOR, Profile.VALIDATOR}


@dataclass(frozen=True, slots=True)
class Rule:
    action: Action
    party: Party
    from_states: frozenset[State]
    to_state: State | None  # None: the state does not change
    profiles: frozenset[Profile]


def _rule(action: Action, party: Party, states: Iterable[State], to: State | None, profiles: frozenset) -> Rule:
    return Rule(action, party, frozenset(states), to, profiles)


R, P, C = Party.REQUESTER, Party.RESPONDER, Party.REFERRAL_COORDINATOR
A = Action
RULES: tuple[Rule, ...] = (
    _rule(A.SEND, R, {S.DRAFT}, S.SENT, HANDLER),
    _rule(A.MODIFY, R, {S.DRAFT, S.SENT, S.ACCEPTED}, None, HANDLER),
    _rule(A.ACCEPT, P, {S.SENT}, S.ACCEPTED, HANDLER),
    _rule(A.FORWARD, P, {S.SENT, S.ACCEPTED}, S.SENT, FORWARDERS),
    _rule(A.ANSWER, P, {S.ACCEPTED}, S.ANSWERED, HANDLER),
    _rule(A.REQUEST_FURTHER_INFORMATION, R, {S.ANSWERED}, S.ACCEPTED, HANDLER),
    _rule(A.REFER, R, {S.ANSWERED}, S.REFERRED, HANDLER),
    _rule(A.RETURN_FROM_REFERRAL, C, {S.REFERRED}, S.ACCEPTED, REFERRAL),
    _rule(A.CLOSE_REFERRAL, C, {S.REFERRED}, S.CLOSED, REFERRAL),
    _rule(A.CLOSE, R, {S.ANSWERED}, S.CLOSED, HANDLER),
    _rule(A.WITHDRAW, R, {S.DRAFT, S.SENT, S.ACCEPTED}, S.WITHDRAWN, HANDLER),
    _rule(A.ADD_MESSAGE, R, OPEN_STATES, None, HANDLER),
    _rule(A.ADD_MESSAGE, P, OPEN_STATES - {S.DRAFT}, None, HANDLER),
    _rule(A.ADD_MESSAGE, C, {S.REFERRED}, None, REFERRAL),
    _rule(A.ADD_ATTACHMENT, R, OPEN_STATES, None, HANDLER),
    _rule(A.ADD_ATTACHMENT, P, OPEN_STATES - {S.DRAFT}, None, HANDLER),
    _rule(A.ADD_ATTACHMENT, C, {S.REFERRED}, None, REFERRAL),
)


def decide(state: State, action: Action, parties: Iterable[Party], profiles: Iterable[Profile]) -> State:
    """The state after `action`, or a refusal: `NotAllowed` (no part or right) or `InvalidTransition`."""
    parties, profiles = frozenset(parties), frozenset(profiles)
    by_party = [rule for rule in RULES if rule.action is action and rule.party in parties]
    if not by_party:
        raise NotAllowed(f"your authority has no part in {action.value} on this exchange")
    permitted = [rule for rule in by_party if rule.profiles & profiles]
    if not permitted:
        needed = ", ".join(sorted({p.value for rule in by_party for p in rule.profiles}))
        raise NotAllowed(f"{action.value} needs one of these rights in the legal area: {needed}")
    for rule in permitted:
        if state in rule.from_states:
            return rule.to_state or state
    raise InvalidTransition(f"{action.value} is not possible while the exchange is {state.value}", state, action)


def allowed_actions(state: State, parties: Iterable[Party], profiles: Iterable[Profile]) -> list[Action]:
    """Every action the caller may take now, in the workflow's order."""
    parties, profiles = frozenset(parties), frozenset(profiles)
    return list(
        dict.fromkeys(
            rule.action
            for rule in RULES
            if rule.party in parties and rule.profiles & profiles and state in rule.from_states
        )
    )


def parties(
    authority_id: int | None, state: State, requesting_id: int, responding_id: int | None, referral_id: int | None
) -> frozenset[Party]:
    """The parts `authority_id` plays in an exchange; a chosen responder is no party to a draft."""
    found: set[Party] = set()
    if authority_id is None:
        return frozenset()
    if authority_id == requesting_id:
        found.add(Party.REQUESTER)
    if authority_id == responding_id and state is not State.DRAFT:
        found.add(Party.RESPONDER)
    if authority_id == referral_id:
        found.add(Party.REFERRAL_COORDINATOR)
    return frozenset(found)


def can_read(parties: Iterable[Party], profiles: Iterable[Profile]) -> bool:
    """An exchange is visible to users of an involved authority with a reading right in its area."""
    return bool(frozenset(parties)) and bool(frozenset(profiles) & READERS)


def can_see_personal_data(parties: Iterable[Party], accepted_by_responder: bool, blocked: bool) -> bool:
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
