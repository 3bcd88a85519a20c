"""Account services: sign-in and sessions, users and rights, API tokens, invitations."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from tortoise.queryset import QuerySet

from imi import db
from imi.accounts import rules
from imi.accounts.models import ApiToken, Invitation, ServiceAccount, Session, User, UserRight
from imi.accounts.principal import Grant, Principal
from imi.accounts.profiles import Profile, Scope
from imi.accounts.secrets import digest, hash_password, new_secret, same, verify_password
from imi.authorities.models import Authority, AuthorityProcedure, AuthorityStatus, CoordinatorRole
from imi.errors import NotAllowed, NotFound, ValidationFailed

TOKEN_PREFIX = "imi"


@dataclass(frozen=True)
class SignedIn:
    user: User
    session_token: str
    csrf_token: str
    expires_at: datetime


class SignInFailed(ValidationFailed):
    """Wrong e-mail or password, or the account is locked (the message does not say which)."""


async def sign_in(email: str, password: str, now: datetime, session_hours: int) -> SignedIn:
    """Check the password (argon2), throttle failures, and open a session."""
    failure = SignInFailed.single("password", "wrong e-mail or password, or too many attempts: try later")
    user = await User.get_or_none(email=email.strip().lower(), is_active=True)
    if user is None:
        verify_password(None, password)
        raise failure
    if rules.locked(user.locked_until, now):
        raise failure
    if not verify_password(user.password_hash, password):
        user.failed_sign_ins, user.locked_until = rules.after_failed_sign_in(user.failed_sign_ins, now)
        await user.save(update_fields=["failed_sign_ins", "locked_until"])
        raise failure
    token, csrf = new_secret(), new_secret()
    expires = now + timedelta(hours=session_hours)
    async with db.transaction():
        await User.filter(id=user.id).update(failed_sign_ins=0, locked_until=None)
        await Session.create(token_hash=digest(token), csrf_token=csrf, user=user, created_at=now, expires_at=expires)
    return SignedIn(user, token, csrf, expires)


async def sign_out(principal: Principal) -> None:
    if principal.session_id is not None:
        await Session.filter(id=principal.session_id).delete()


async def _grants(user_id: int) -> frozenset[Grant]:
    rows = await UserRight.filter(user_id=user_id).values_list("legal_area", "profile")
    return frozenset(Grant(area, Profile(profile)) for area, profile in rows)


async def _user_principal(user: User, **extra: object) -> Principal:
    country = await Authority.filter(id=user.authority_id).first().values_list("country", flat=True)
    return Principal(
        user_id=user.id,
        authority_id=user.authority_id,
        country=str(country) if country else None,
        language=user.language,
        grants=await _grants(user.id),
        **extra,  # type: ignore[arg-type]
    )


async def principal_for_session(token: str, now: datetime) -> tuple[Principal, str] | None:
    """The signed-in user of a session cookie and the session's CSRF token, if the session is valid."""
    session = await Session.get_or_none(token_hash=digest(token)).select_related("user")
    if session is None or session.expires_at <= now or not session.user.is_active:
        return None
    return await _user_principal(session.user, session_id=session.id), session.csrf_token


async def principal_for_token(bearer: str, now: datetime) -> Principal | None:
    """The principal of an API token `imi_<prefix>_<secret>`, if valid, unexpired and unrevoked."""
    parts = bearer.split("_", 2)
    if len(parts) != 3 or parts[0] != TOKEN_PREFIX:
        return None
    token = await ApiToken.get_or_none(prefix=parts[1])
    if token is None or not same(token.secret_hash, digest(parts[2])):
        return None
    if token.revoked_at is not None or token.expires_at <= now:
        return None
    scopes = frozenset(Scope(s) for s in token.scopes)
    if token.user_id is not None:
        user = await User.get(id=token.user_id)
        return await _user_principal(user, scopes=scopes) if user.is_active else None
    account = await ServiceAccount.get(id=token.service_account_id)
    country = None
    grants: frozenset[Grant] = frozenset()
    if account.authority_id is not None:
        country = await Authority.filter(id=account.authority_id).first().values_list("country", flat=True)
        grants = frozenset({Grant(None, Profile.VIEWER)})
    return Principal(
        authority_id=account.authority_id,
        country=str(country) if country else None,
        grants=grants,
        scopes=scopes,
        service_account_id=account.id,
    )


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    plaintext: str


async def create_token(
    *, name: str, scopes: list[str], days: int, now: datetime, user_id: int | None = None,
    service_account_id: int | None = None,
) -> NewToken:
    """A new API token; its plaintext is returned once and never stored."""
    parsed = rules.check_scopes(scopes)
    rules.check_token_days(days)
    if (user_id is None) == (service_account_id is None):
        raise ValidationFailed.single("owner", "a token belongs to exactly one user or service account")
    owner = {"user_id": user_id} if user_id is not None else {"service_account_id": service_account_id}
    if await active_tokens(now, **owner).count() >= rules.MAX_ACTIVE_TOKENS:
        raise ValidationFailed.single("owner", f"holds {rules.MAX_ACTIVE_TOKENS} active tokens: revoke one first")
    prefix, secret = new_secret(6).replace("_", "x").replace("-", "x")[:8], new_secret()
    token = await ApiToken.create(
        prefix=prefix, secret_hash=digest(secret), name=name[:200], user_id=user_id,
        service_account_id=service_account_id, scopes=sorted(s.value for s in parsed),
        created_at=now, expires_at=now + timedelta(days=days),
    )
    return NewToken(token, f"{TOKEN_PREFIX}_{prefix}_{secret}")


def active_tokens(now: datetime, **owner: int | None) -> QuerySet[ApiToken]:
    """The unrevoked, unexpired tokens of an owner (`user_id=` or `service_account_id=`; none: all), newest first."""
    return ApiToken.filter(revoked_at=None, expires_at__gt=now, **owner).order_by("-created_at", "-id")


async def revoke_token(prefix: str, now: datetime, *, user_id: int | None = None) -> ApiToken:
    """Revoke the token with this public prefix (with `user_id`: only one of that user's); revoking twice keeps the
    first moment."""
    query = ApiToken.filter(prefix=prefix) if user_id is None else ApiToken.filter(prefix=prefix, user_id=user_id)
    token = await query.first()
    if token is None:
        raise NotFound("no such token")
    if token.revoked_at is None:
        token.revoked_at = now
        await token.save(update_fields=["revoked_at"])
    return token


async def service_account(name: str, now: datetime, authority_id: int | None = None) -> ServiceAccount:
    account, _ = await ServiceAccount.get_or_create(
        name=name, defaults={"authority_id": authority_id, "created_at": now}
    )
    return account


async def _authority_facts(authority_id: int) -> tuple[Authority, set[str]]:
    authority = await Authority.get_or_none(id=authority_id)
    if authority is None:
        raise NotFound("no such authority")
    areas = set(await AuthorityProcedure.filter(authority_id=authority_id).values_list("legal_area", flat=True))
    return authority, {str(a) for a in areas}


async def create_user(
    *, email: str, full_name: str, authority_id: int, language: str, rights: list[tuple[str | None, Profile]],
    now: datetime, password: str | None = None,
) -> User:
    """Create a user with rights (no caller check: the CLI and the checked `add_user` use it)."""
    address = rules.normalise_email(email)
    rules.check_language(language)
    if password is not None:
        rules.check_password(password)
    if not full_name.strip():
        raise ValidationFailed.single("fullName", "is required")
    authority, areas = await _authority_facts(authority_id)
    rules.check_rights(rights, areas, authority.coordinator_role is not CoordinatorRole.NONE)
    if await User.exists(email=address):
        raise ValidationFailed.single("email", "is already registered")
    async with db.transaction():
        user = await User.create(
            email=address, full_name=full_name.strip()[:200], authority_id=authority_id, language=language,
            password_hash=hash_password(password) if password else None, created_at=now,
        )
        await _replace_rights(user, rights)
    return user


async def _replace_rights(user: User, rights: list[tuple[str | None, Profile]]) -> None:
    await UserRight.filter(user_id=user.id).delete()
    await UserRight.bulk_create(
        [UserRight(user_id=user.id, authority_id=user.authority_id, legal_area=a, profile=p) for a, p in set(rights)]
    )


def _require_administrator(principal: Principal, authority_id: int) -> None:
    if not principal.signed_in or principal.authority_id != authority_id:
        raise NotAllowed("only a local data administrator of the authority manages its users")
    if not principal.has_profile(Profile.LOCAL_DATA_ADMINISTRATOR):
        raise NotAllowed("only a local data administrator of the authority manages its users")


async def add_user(
    principal: Principal, *, email: str, full_name: str, language: str,
    rights: list[tuple[str | None, Profile]], now: datetime,
) -> tuple[User, str]:
    """A local data administrator adds a user to its own authority; returns the user and a set-password link token."""
    if principal.authority_id is None:
        raise NotAllowed("only a local data administrator of the authority manages its users")
    _require_administrator(principal, principal.authority_id)
    user = await create_user(
        email=email, full_name=full_name, authority_id=principal.authority_id, language=language,
        rights=rights, now=now,
    )
    token = await _invitation(user.email, user.authority_id, principal.user_id, now)
    return user, token


async def set_rights(
    principal: Principal, user_id: int, rights: list[tuple[str | None, Profile]]
) -> User:
    user = await User.get_or_none(id=user_id)
    if user is None or user.authority_id != principal.authority_id:
        raise NotFound("no such user")
    _require_administrator(principal, user.authority_id)
    authority, areas = await _authority_facts(user.authority_id)
    rules.check_rights(rights, areas, authority.coordinator_role is not CoordinatorRole.NONE)
    async with db.transaction():
        await _replace_rights(user, rights)
    return user


async def set_active(principal: Principal, user_id: int, active: bool) -> User:
    user = await User.get_or_none(id=user_id)
    if user is None or user.authority_id != principal.authority_id:
        raise NotFound("no such user")
    _require_administrator(principal, user.authority_id)
    if user.id == principal.user_id and not active:
        raise ValidationFailed.single("userId", "you cannot deactivate yourself")
    user.is_active = active
    async with db.transaction():
        await user.save(update_fields=["is_active"])
        if not active:
            await Session.filter(user_id=user.id).delete()
    return user


INVITATION_DAYS = 14


async def _invitation(email: str, authority_id: int, invited_by: int | None, now: datetime) -> str:
    secret = new_secret()
    await Invitation.create(
        token_hash=digest(secret), email=email, authority_id=authority_id, invited_by_id=invited_by,
        created_at=now, expires_at=now + timedelta(days=INVITATION_DAYS),
    )
    return secret


async def invite(email: str, authority_id: int, invited_by: int | None, now: datetime) -> str:
    """An invitation token for the first administrator of an authority."""
    return await _invitation(rules.normalise_email(email), authority_id, invited_by, now)


async def accept_invitation(token: str, full_name: str, password: str, language: str, now: datetime) -> User:
    """The invitee sets a password; a first administrator of a new authority becomes its local data administrator."""
    invitation = await Invitation.get_or_none(token_hash=digest(token))
    if invitation is None or invitation.accepted_at is not None or invitation.expires_at <= now:
        raise ValidationFailed.single("token", "the invitation is unknown, used or expired")
    rules.check_password(password)
    rules.check_language(language)
    authority = await Authority.get(id=invitation.authority_id)
    if authority.status is AuthorityStatus.INACTIVE:
        raise ValidationFailed.single("token", "the authority is inactive")
    async with db.transaction():
        accepted = await Invitation.filter(id=invitation.id, accepted_at=None).update(accepted_at=now)
        if not accepted:
            raise ValidationFailed.single("token", "the invitation is unknown, used or expired")
        user = await User.get_or_none(email=invitation.email)
        if user is None:
            user = await User.create(
                email=invitation.email, full_name=full_name.strip()[:200] or invitation.email,
                authority_id=authority.id, language=language, created_at=now,
            )
            await _replace_rights(user, [(None, Profile.LOCAL_DATA_ADMINISTRATOR)])
        user.password_hash = hash_password(password)
        user.language = language
        if full_name.strip():
            user.full_name = full_name.strip()[:200]
        await user.save(update_fields=["password_hash", "language", "full_name"])
    return user
