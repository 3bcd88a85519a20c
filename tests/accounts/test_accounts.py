"""Sign-in with lockout, sessions, API tokens with scopes and expiry, and user administration."""

from datetime import timedelta

import pytest

from imi.accounts import service
from imi.accounts.models import ApiToken, User
from imi.accounts.profiles import Profile, Scope
from imi.accounts.rules import MAX_FAILED_SIGN_INS
from imi.errors import NotAllowed, NotFound, ValidationFailed
from tests import world


async def test_sign_in_locks_out_after_repeated_failures(clean_db, clock) -> None:
    person = await world.official(await world.authority("DE", clock.now()), clock.now())
    for _ in range(MAX_FAILED_SIGN_INS):
        with pytest.raises(service.SignInFailed):
            await service.sign_in(person.email, "wrong password!", clock.now(), 8)
    with pytest.raises(service.SignInFailed):  # locked: even the right password is refused
        await service.sign_in(person.email, world.PASSWORD, clock.advance(minutes=5), 8)
    done = await service.sign_in(person.email.upper(), world.PASSWORD, clock.advance(minutes=11), 8)
    assert done.user.id == person.user_id
    with pytest.raises(service.SignInFailed):
        await service.sign_in("nobody@example.eu", world.PASSWORD, clock.now(), 8)


async def test_sessions_expire_and_end_at_sign_out(clean_db, clock) -> None:
    person = await world.official(await world.authority("DE", clock.now()), clock.now())
    done = await service.sign_in(person.email, world.PASSWORD, clock.now(), 8)
    found = await service.principal_for_session(done.session_token, clock.now())
    assert found is not None and found[0].user_id == person.user_id and found[1] == done.csrf_token
    assert await service.principal_for_session(done.session_token, clock.now() + timedelta(hours=9)) is None
    await service.sign_out(found[0])
    assert await service.principal_for_session(done.session_token, clock.now()) is None
    assert await service.principal_for_session("forged", clock.now()) is None


async def test_api_tokens_are_hashed_scoped_and_expire(clean_db, clock) -> None:
    now = clock.now()
    person = await world.official(await world.authority("DE", now), now)
    made = await service.create_token(name="back office", scopes=["exchanges:read"], days=30, now=now,
                                      user_id=person.user_id)
    stored = await ApiToken.get(id=made.token.id)
    assert made.plaintext.split("_")[2] not in stored.secret_hash
    principal = await service.principal_for_token(made.plaintext, now)
    assert principal is not None and principal.scopes == {Scope.EXCHANGES_READ} and not principal.signed_in
    assert await service.principal_for_token(made.plaintext, now + timedelta(days=31)) is None
    assert await service.principal_for_token(made.plaintext[:-2] + "xx", now) is None
    assert await service.principal_for_token("imi_nothing_here", now) is None
    await service.revoke_token(made.token.prefix, now, user_id=person.user_id)
    assert await service.principal_for_token(made.plaintext, now) is None
    with pytest.raises(ValidationFailed):
        await service.create_token(name="x", scopes=["root"], days=30, now=now, user_id=person.user_id)
    with pytest.raises(ValidationFailed):
        await service.create_token(name="x", scopes=["statistics:read"], days=999, now=now, user_id=person.user_id)


async def test_statistics_service_account_has_no_authority(clean_db, clock) -> None:
    account = await service.service_account("statistics office", clock.now())
    made = await service.create_token(name="s", scopes=["statistics:read"], days=7, now=clock.now(),
                                      service_account_id=account.id)
    principal = await service.principal_for_token(made.plaintext, clock.now())
    assert principal is not None and principal.authority_id is None and principal.grants == frozenset()


async def test_local_data_administrators_manage_their_own_users(clean_db, clock) -> None:
    now = clock.now()
    de, pl = await world.authority("DE", now), await world.authority("PL", now)
    admin = await world.principal_of(await world.official(de, now, rights=[(None, Profile.LOCAL_DATA_ADMINISTRATOR)]))
    handler = await world.principal_of(await world.official(de, now))
    user, token = await service.add_user(admin, email="Neu@DE.example.eu", full_name="Neue Kollegin",
                                         language="de", rights=[("PROFESSIONAL_QUALIFICATIONS",
                                                                 Profile.REQUEST_HANDLER)], now=now)
    assert user.email == "neu@de.example.eu" and user.password_hash is None
    activated = await service.accept_invitation(token, "Neue Kollegin", "another long password", "de", now)
    assert activated.id == user.id and activated.password_hash
    with pytest.raises(ValidationFailed):
        await service.set_rights(admin, user.id, [("SERVICES", Profile.REQUEST_HANDLER)])  # area not granted
    with pytest.raises(ValidationFailed):
        await service.set_rights(admin, user.id, [(None, Profile.VALIDATOR)])  # not a coordinator
    with pytest.raises(NotAllowed):
        await service.add_user(handler, email="x@de.example.eu", full_name="X", language="de", rights=[], now=now)
    stranger = await world.official(pl, now, rights=[(None, Profile.LOCAL_DATA_ADMINISTRATOR)])
    with pytest.raises(NotFound):
        await service.set_active(await world.principal_of(stranger), user.id, False)
    await service.set_active(admin, user.id, False)
    assert not (await User.get(id=user.id)).is_active
    with pytest.raises(ValidationFailed):
        await service.add_user(admin, email="neu@de.example.eu", full_name="Dup", language="de", rights=[], now=now)
    with pytest.raises(ValidationFailed):
        await service.add_user(admin, email="not an address", full_name="X", language="de", rights=[], now=now)
    with pytest.raises(ValidationFailed):
        await service.add_user(admin, email="k@de.example.eu", full_name="X", language="xx", rights=[], now=now)
