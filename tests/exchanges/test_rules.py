"""The request workflow, checked for every state × action × party × profile against the design's table."""

from datetime import date
from itertools import product

import pytest

from imi.accounts.profiles import Profile
from imi.errors import InvalidTransition, NotAllowed, ValidationFailed
from imi.exchanges import rules
from imi.exchanges.rules import Action, Party, State

S, A, P = State, Action, Party
OPEN = {S.DRAFT, S.SENT, S.ACCEPTED, S.ANSWERED, S.REFERRED}

# Written from the design's workflow table, independently of rules.RULES: (action, party) -> {from: to}.
# `None` as target: the state does not change.
EXPECTED: dict[tuple[Action, Party], dict[State, State | None]] = {
    (A.SEND, P.REQUESTER): {S.DRAFT: S.SENT},
    (A.MODIFY, P.REQUESTER): {S.DRAFT: None, S.SENT: None, S.ACCEPTED: None},
    (A.ACCEPT, P.RESPONDER): {S.SENT: S.ACCEPTED},
    (A.FORWARD, P.RESPONDER): {S.SENT: S.SENT, S.ACCEPTED: S.SENT},
    (A.ANSWER, P.RESPONDER): {S.ACCEPTED: S.ANSWERED},
    (A.REQUEST_FURTHER_INFORMATION, P.REQUESTER): {S.ANSWERED: S.ACCEPTED},
    (A.REFER, P.REQUESTER): {S.ANSWERED: S.REFERRED},
    (A.RETURN_FROM_REFERRAL, P.REFERRAL_COORDINATOR): {S.REFERRED: S.ACCEPTED},
    (A.CLOSE_REFERRAL, P.REFERRAL_COORDINATOR): {S.REFERRED: S.CLOSED},
    (A.CLOSE, P.REQUESTER): {S.ANSWERED: S.CLOSED},
    (A.WITHDRAW, P.REQUESTER): {S.DRAFT: S.WITHDRAWN, S.SENT: S.WITHDRAWN, S.ACCEPTED: S.WITHDRAWN},
    (A.ADD_MESSAGE, P.REQUESTER): dict.fromkeys(OPEN),
    (A.ADD_MESSAGE, P.RESPONDER): dict.fromkeys(OPEN - {S.DRAFT}),
    (A.ADD_MESSAGE, P.REFERRAL_COORDINATOR): {S.REFERRED: None},
    (A.ADD_ATTACHMENT, P.REQUESTER): dict.fromkeys(OPEN),
    (A.ADD_ATTACHMENT, P.RESPONDER): dict.fromkeys(OPEN - {S.DRAFT}),
    (A.ADD_ATTACHMENT, P.REFERRAL_COORDINATOR): {S.REFERRED: None},
}
# The profile each party needs for each action.
NEEDS = {P.REQUESTER: {Profile.REQUEST_HANDLER}, P.RESPONDER: {Profile.REQUEST_HANDLER},
         P.REFERRAL_COORDINATOR: {Profile.REFERRAL_HANDLER}}
PROFILE_SETS = [frozenset(), *[frozenset({p}) for p in Profile]]


def expected(state: State, action: Action, party: Party | None, profiles: frozenset[Profile]) -> object:
    """The outcome the design asks for: a state, or the refusal's class."""
    if party is None or (action, party) not in EXPECTED:
        return NotAllowed
    needed = set(NEEDS[party])
    if action is A.FORWARD:
        needed.add(Profile.ALLOCATOR)
    if not needed & profiles:
        return NotAllowed
    targets = EXPECTED[(action, party)]
    if state not in targets:
        return InvalidTransition
    return targets[state] or state


@pytest.mark.parametrize(("state", "action"), list(product(State, Action)))
def test_every_combination_follows_the_design(state: State, action: Action) -> None:
    for party, profiles in product([None, *Party], PROFILE_SETS):
        outcome = expected(state, action, party, profiles)
        parties = [party] if party else []
        if isinstance(outcome, State):
            assert rules.decide(state, action, parties, profiles) is outcome, (state, action, party, profiles)
            assert action in rules.allowed_actions(state, parties, profiles)
        else:
            with pytest.raises(outcome):  # type: ignore[call-overload]
                rules.decide(state, action, parties, profiles)
            assert action not in rules.allowed_actions(state, parties, profiles)


def test_terminal_states_allow_nothing() -> None:
    for state in (S.CLOSED, S.WITHDRAWN):
        assert rules.allowed_actions(state, set(Party), set(Profile)) == []


def test_parties_of_an_exchange() -> None:
    assert rules.parties(1, S.SENT, 1, 2, None) == {P.REQUESTER}
    assert rules.parties(2, S.SENT, 1, 2, None) == {P.RESPONDER}
    assert rules.parties(2, S.DRAFT, 1, 2, None) == frozenset(), "a chosen responder is no party to a draft"
    assert rules.parties(3, S.REFERRED, 1, 2, 3) == {P.REFERRAL_COORDINATOR}
    assert rules.parties(4, S.SENT, 1, 2, 3) == frozenset()
    assert rules.parties(None, S.SENT, 1, 2, 3) == frozenset()


def test_personal_data_is_hidden_from_a_responder_until_it_accepts() -> None:
    assert rules.can_see_personal_data({P.REQUESTER}, accepted_by_responder=False, blocked=False)
    assert not rules.can_see_personal_data({P.RESPONDER}, accepted_by_responder=False, blocked=False)
    assert rules.can_see_personal_data({P.RESPONDER}, accepted_by_responder=True, blocked=False)
    assert rules.can_see_personal_data({P.REFERRAL_COORDINATOR}, accepted_by_responder=False, blocked=False)
    assert not rules.can_see_personal_data({P.REQUESTER}, accepted_by_responder=True, blocked=True)
    assert not rules.can_see_personal_data(set(), accepted_by_responder=True, blocked=False)


def test_reading_needs_a_part_and_a_reading_right() -> None:
    assert rules.can_read({P.RESPONDER}, {Profile.VIEWER})
    assert not rules.can_read({P.RESPONDER}, {Profile.LOCAL_DATA_ADMINISTRATOR})
    assert not rules.can_read(set(), {Profile.REQUEST_HANDLER})


def test_reply_dates_must_lie_after_today() -> None:
    today = date(2026, 3, 2)
    rules.check_reply_date("d", date(2026, 3, 3), today)
    for bad in (today, date(2026, 3, 1)):
        with pytest.raises(ValidationFailed):
            rules.check_reply_date("d", bad, today)


@pytest.mark.parametrize(("timeliness", "efforts", "ok"), [
    (None, None, True), (1, 5, True), (3, None, True), (0, 3, False), (6, 3, False), (3, -1, False), (3, 7, False),
])
def test_survey_ratings_are_one_to_five(timeliness: int | None, efforts: int | None, ok: bool) -> None:
    if ok:
        rules.check_survey(timeliness, efforts)
    else:
        with pytest.raises(ValidationFailed):
            rules.check_survey(timeliness, efforts)
