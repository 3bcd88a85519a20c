"""Who may read the audit log and export a subject's data, for which authorities (pure)."""

import pytest

from imi.accounts.principal import Grant, Principal
from imi.accounts.profiles import Profile, Scope
from imi.authorities.models import CoordinatorRole
from imi.errors import NotAllowed
from imi.privacy.access import Supervision, supervision


def person(*profiles: Profile, authority: int = 10, token: bool = False) -> Principal:
    return Principal(user_id=1, authority_id=authority, country="DE",
                     grants=frozenset(Grant(None, p) for p in profiles),
                     scopes=frozenset({Scope.EXCHANGES_READ}) if token else None)


def test_a_national_coordinator_answers_for_its_whole_country() -> None:
    found = supervision(person(Profile.VALIDATOR), CoordinatorRole.NATIONAL, "DE")
    assert found == Supervision(10, country="DE")
    assert found.covers(99, "DE", 57) and found.covers(10, "DE", None)
    assert not found.covers(98, "AT", 10)


def test_a_delegated_coordinator_answers_for_the_authorities_it_registered() -> None:
    found = supervision(person(Profile.VALIDATOR), CoordinatorRole.DELEGATED, "DE")
    assert found.covers(20, "DE", 10) and found.covers(10, "DE", 1)
    assert not found.covers(21, "DE", 1), "another coordinator's authority of the same country"


def test_a_local_data_administrator_answers_for_its_own_authority() -> None:
    found = supervision(person(Profile.LOCAL_DATA_ADMINISTRATOR), CoordinatorRole.NONE, "DE")
    assert found.covers(10, "DE", 1) and not found.covers(11, "DE", 1)
    as_coordinator = supervision(person(Profile.LOCAL_DATA_ADMINISTRATOR), CoordinatorRole.NATIONAL, "DE")
    assert as_coordinator == found, "without VALIDATOR, a coordinator's administrator answers for itself only"


@pytest.mark.parametrize(("caller", "role"), [
    (person(Profile.REQUEST_HANDLER, Profile.VIEWER), CoordinatorRole.NONE),
    (person(Profile.VALIDATOR), CoordinatorRole.NONE),  # a right without the coordinator role
    (person(Profile.VALIDATOR, token=True), CoordinatorRole.NATIONAL),  # tokens never do
    (Principal(), CoordinatorRole.NATIONAL),
])
def test_anyone_else_is_refused(caller: Principal, role: CoordinatorRole) -> None:
    with pytest.raises(NotAllowed):
        supervision(caller, role, "DE")
