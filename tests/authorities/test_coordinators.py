"""Coordinators register, invite, validate and grant legal areas; only for the authorities they coordinate."""

from datetime import timedelta

import pytest

from imi.accounts import service as accounts
from imi.accounts.profiles import Profile
from imi.authorities import service
from imi.authorities.models import Authority, AuthorityProcedure, AuthorityStatus, CoordinatorRole
from imi.errors import NotAllowed, StaleVersion, ValidationFailed
from tests import world

DETAILS = service.AuthorityDetails(country="AT", level="REGIONAL", official_name="Ärztekammer für Wien",
                                   official_language="de", city="Wien", email="post@aekwien.example.at")
VALIDATOR = [(None, Profile.VALIDATOR), (None, Profile.LOCAL_DATA_ADMINISTRATOR)]


async def _coordinator_principal(country: str, now):
    coordinator = await world.coordinator(country, now)
    person = await world.official(coordinator, now, rights=VALIDATOR)
    return coordinator, await world.principal_of(person)


async def test_register_validate_and_grant(clean_db, clock) -> None:
    now = clock.now()
    coordinator, principal = await _coordinator_principal("AT", now)
    registered = await service.register(principal, DETAILS, now)
    assert registered.status is AuthorityStatus.PENDING and registered.coordinator_id == coordinator.id
    with pytest.raises(StaleVersion):
        await service.validate(principal, registered.id, registered.version + 1, now)
    active = await service.validate(principal, registered.id, registered.version, now)
    assert active.status is AuthorityStatus.ACTIVE and active.version == registered.version + 1
    with pytest.raises(ValidationFailed):
        await service.validate(principal, registered.id, active.version, now)
    await service.grant(principal, registered.id, "PROFESSIONAL_QUALIFICATIONS", None, now)
    granted = await AuthorityProcedure.filter(authority_id=registered.id).values_list("procedure", flat=True)
    assert "PQ_REQUEST" in granted
    await service.grant(principal, registered.id, "PROFESSIONAL_QUALIFICATIONS", None, now)
    assert await AuthorityProcedure.filter(authority_id=registered.id).count() == len(granted), "idempotent"
    with pytest.raises(ValidationFailed):
        await service.grant(principal, registered.id, "PQ", None, now)
    with pytest.raises(ValidationFailed):
        await service.grant(principal, registered.id, "SERVICES", ["PQ_REQUEST"], now)
    await service.revoke(principal, registered.id, "PROFESSIONAL_QUALIFICATIONS", now)
    assert not await AuthorityProcedure.exists(authority_id=registered.id)


async def test_coordinators_act_only_in_their_own_country(clean_db, clock) -> None:
    now = clock.now()
    _, austrian = await _coordinator_principal("AT", now)
    _, german = await _coordinator_principal("DE", now)
    with pytest.raises(NotAllowed):
        await service.register(german, DETAILS, now)
    registered = await service.register(austrian, DETAILS, now)
    with pytest.raises(NotAllowed):
        await service.validate(german, registered.id, registered.version, now)
    assert (await Authority.get(id=registered.id)).status is AuthorityStatus.PENDING


async def test_officials_without_the_validator_right_cannot_register(clean_db, clock) -> None:
    now = clock.now()
    coordinator = await world.coordinator("AT", now)
    clerk = await world.official(coordinator, now, rights=[(None, Profile.VIEWER)])
    with pytest.raises(NotAllowed):
        await service.register(await world.principal_of(clerk), DETAILS, now)
    plain = await world.authority("AT", now, name="Magistrat der Stadt Wien")
    with pytest.raises(ValidationFailed):  # a validator right needs a coordinator authority
        await world.official(plain, now, rights=[(None, Profile.VALIDATOR)])


async def test_invitation_makes_the_first_administrator(clean_db, clock) -> None:
    now = clock.now()
    _, principal = await _coordinator_principal("AT", now)
    authority, token = await service.invite(principal, DETAILS, "admin@aekwien.example.at", now)
    user = await accounts.accept_invitation(token, "Maria Huber", "a long enough password", "de", now)
    assert user.authority_id == authority.id
    rights = await world.principal_of(world.Official(user.email, user.id, authority))
    assert rights.has_profile(Profile.LOCAL_DATA_ADMINISTRATOR)
    with pytest.raises(ValidationFailed):
        await accounts.accept_invitation(token, "Maria Huber", "a long enough password", "de", now)
    _, second = await service.invite(principal, DETAILS, "late@aekwien.example.at", now)
    with pytest.raises(ValidationFailed):
        await accounts.accept_invitation(second, "Late", "a long enough password", "de", now + timedelta(days=15))
    with pytest.raises(ValidationFailed):
        await accounts.accept_invitation("forged", "X", "a long enough password", "de", now)


async def test_one_national_coordinator_per_country(clean_db, clock) -> None:
    now = clock.now()
    await world.coordinator("IS", now)
    with pytest.raises(ValidationFailed):
        await service.create_national_coordinator(service.AuthorityDetails(
            country="IS", level="NATIONAL", official_name="Annar samræmingaraðili", official_language="is"), now)


async def test_delegated_coordinators_grant_only_their_areas_and_handle_their_referrals(clean_db, clock) -> None:
    now = clock.now()
    national, principal = await _coordinator_principal("DE", now)
    delegate = await service.register(principal, service.AuthorityDetails(
        country="DE", level="NATIONAL", official_name="Bundesamt für Justiz", official_language="de"), now)
    delegate = await service.grant(principal, delegate.id, "SERVICES", None, now)
    delegate = await service.validate(principal, delegate.id, delegate.version, now)
    delegate = await service.make_delegated_coordinator(principal, delegate.id, delegate.version, now)
    assert delegate.coordinator_role is CoordinatorRole.DELEGATED
    officer = await world.principal_of(await world.official(delegate, now, rights=VALIDATOR))
    child = await service.register(officer, service.AuthorityDetails(
        country="DE", level="LOCAL", official_name="Gewerbeamt Köln", official_language="de"), now)
    await service.grant(officer, child.id, "SERVICES", None, now)
    with pytest.raises(NotAllowed):
        await service.grant(officer, child.id, "PROFESSIONAL_QUALIFICATIONS", None, now)
    assert await service.coordinator_of(child, "SERVICES") == delegate.id
    assert await service.coordinator_of(child, "PROFESSIONAL_QUALIFICATIONS") == national.id
    other = await world.authority("DE", now, name="Apothekerkammer Nordrhein")
    with pytest.raises(NotAllowed):
        await service.grant(officer, other.id, "SERVICES", None, now)
