"""GraphQL for sign-in, the current user, user administration and API tokens."""

from datetime import datetime
from typing import Annotated, Any, Self

import strawberry
from strawberry import relay

from imi.accounts import models, service
from imi.accounts.authentication import CSRF_COOKIE, SESSION_COOKIE
from imi.accounts.principal import Principal
from imi.accounts.profiles import Profile as ProfileEnum
from imi.accounts.profiles import Scope as ScopeEnum
from imi.authorities.schema import AuthorityNode
from imi.errors import NotAllowed as NotAllowedError
from imi.graphql.connections import to_connection
from imi.graphql.context import Info
from imi.graphql.errors import NotAllowed, NotFound, ValidationFailed, attempt
from imi.graphql.ids import decode
from imi.http.signin import sign_in_throttle
from imi.pagination import Ordering, page

Profile = ProfileEnum
Scope = ScopeEnum
strawberry.enum(Profile, name="Profile")
strawberry.enum(Scope, name="Scope", description="What an API token may do.")


@strawberry.type(description="A right: a profile in a legal area (null: every area of the authority).")
class Right:
    legal_area: str | None
    profile: Profile


@strawberry.type(name="User", description="An official of an authority.")
class UserNode(relay.Node):
    id: relay.NodeID[int]
    email: str
    full_name: str
    language: str
    is_active: bool
    authority_pk: strawberry.Private[int]

    @strawberry.field
    async def authority(self, info: Info) -> AuthorityNode:
        found = await info.context.loaders.authority.load(self.authority_pk)
        assert found is not None, "a user's authority always exists"
        return AuthorityNode.of(found)

    @strawberry.field
    async def rights(self) -> list[Right]:
        rows = await models.UserRight.filter(user_id=self.id).order_by("legal_area", "profile")
        return [Right(legal_area=r.legal_area, profile=r.profile) for r in rows]

    @classmethod
    def of(cls, user: models.User) -> Self:
        return cls(id=user.id, email=user.email, full_name=user.full_name, language=user.language,
                   is_active=user.is_active, authority_pk=user.authority_id)

    @classmethod
    async def resolve_nodes(  # type: ignore[override]  # one implementation for all of Node's overloads
        cls, *, info: Info, node_ids: Any, required: bool = False
    ) -> list[Self | None]:
        principal = info.context.principal
        found: list[Self | None] = []
        for node_id in node_ids:
            user = await models.User.get_or_none(id=int(node_id)) if str(node_id).isdigit() else None
            visible = user is not None and principal.signed_in and user.authority_id == principal.authority_id
            found.append(cls.of(user) if visible and user else None)
        return found


@strawberry.type(description="The caller.")
class Me:
    user: UserNode | None
    scopes: list[Scope] | None = strawberry.field(description="Null for a signed-in user; a token's scopes.")
    language: str


@strawberry.type
class SignInSuccess:
    user: UserNode
    csrf_token: str = strawberry.field(description="Send it as the X-CSRF-Token header with every POST.")
    expires_at: datetime


@strawberry.type
class SignOutSuccess:
    signed_out: bool


@strawberry.type
class UserSuccess:
    user: UserNode


@strawberry.type
class AddUserSuccess:
    user: UserNode
    set_password_token: str = strawberry.field(description="Give it to the new user; it is shown only once.")


@strawberry.type(name="ApiToken")
class ApiTokenType:
    name: str
    prefix: str
    scopes: list[Scope]
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None

    @classmethod
    def of(cls, token: models.ApiToken) -> Self:
        return cls(name=token.name, prefix=token.prefix, scopes=[ScopeEnum(s) for s in token.scopes],
                   created_at=token.created_at, expires_at=token.expires_at, revoked_at=token.revoked_at)


@strawberry.type
class CreateApiTokenSuccess:
    api_token: ApiTokenType
    token: str = strawberry.field(description="The bearer token; it is shown only once.")


@strawberry.input
class RevokeApiTokenInput:
    prefix: str = strawberry.field(description="The token's public part (`imi_<prefix>_…`).")


@strawberry.type
class RevokeApiTokenSuccess:
    api_token: ApiTokenType


SignInResult = Annotated[SignInSuccess | ValidationFailed, strawberry.union("SignInResult")]
SignOutResult = Annotated[SignOutSuccess | NotAllowed, strawberry.union("SignOutResult")]
UserResult = Annotated[UserSuccess | NotFound | NotAllowed | ValidationFailed, strawberry.union("UserResult")]
AddUserResult = Annotated[AddUserSuccess | NotAllowed | ValidationFailed, strawberry.union("AddUserResult")]
CreateApiTokenResult = Annotated[
    CreateApiTokenSuccess | NotAllowed | ValidationFailed, strawberry.union("CreateApiTokenResult")
]
RevokeApiTokenResult = Annotated[
    RevokeApiTokenSuccess | NotFound | NotAllowed, strawberry.union("RevokeApiTokenResult")
]


@strawberry.input
class SignInInput:
    email: str
    password: str


@strawberry.input
class RightInput:
    legal_area: str | None = None
    profile: Profile


@strawberry.input
class AddUserInput:
    email: str
    full_name: str
    language: str = "en"
    rights: list[RightInput]


@strawberry.input
class SetUserRightsInput:
    user_id: strawberry.ID
    rights: list[RightInput]


@strawberry.input
class SetUserActiveInput:
    user_id: strawberry.ID
    active: bool


@strawberry.input
class AcceptInvitationInput:
    token: str
    full_name: str
    password: str
    language: str = "en"


@strawberry.input
class CreateApiTokenInput:
    name: str
    scopes: list[Scope]
    days: int = 90


@strawberry.input
class UsersInput:
    first: int = 50
    after: str | None = None


def _rights(rights: list[RightInput]) -> list[tuple[str | None, ProfileEnum]]:
    return [(r.legal_area, ProfileEnum(r.profile.value)) for r in rights]


def _user_id(value: strawberry.ID) -> int:
    return decode(value, "User", "userId")


def _require_signed_in(principal: Principal) -> int:
    if not principal.signed_in or principal.user_id is None:
        raise NotAllowedError("sign in first")
    return principal.user_id


@strawberry.type
class AccountQueries:
    @strawberry.field(description="The caller: a signed-in user or an API token.")
    async def me(self, info: Info) -> Me | None:
        principal = info.context.principal
        if not principal.authenticated:
            return None
        user = await models.User.get_or_none(id=principal.user_id) if principal.user_id else None
        scopes = sorted(principal.scopes) if principal.scopes is not None else None
        return Me(user=UserNode.of(user) if user else None, scopes=scopes, language=principal.language)

    @strawberry.field(description="Your active API tokens, newest first (for a signed-in user; none for a token).")
    async def api_tokens(self, info: Info) -> list[ApiTokenType]:
        principal = info.context.principal
        if not principal.signed_in or principal.user_id is None:
            return []
        return [ApiTokenType.of(t) for t in await service.active_tokens(info.context.now, user_id=principal.user_id)]

    @strawberry.field(description="The users of your authority (for its local data administrators).")
    async def users(self, info: Info, input: UsersInput) -> relay.Connection[UserNode]:
        principal = info.context.principal
        if not principal.signed_in or not principal.has_profile(ProfileEnum.LOCAL_DATA_ADMINISTRATOR):
            return to_connection(await page(models.User.filter(id=-1), Ordering("email", False), 1, None), UserNode.of)
        query = models.User.filter(authority_id=principal.authority_id)
        first = max(1, min(input.first, info.context.settings.max_page_size))
        return to_connection(await page(query, Ordering("email", False), first, input.after), UserNode.of)


@strawberry.type
class AccountMutations:
    @strawberry.mutation(description="Sign in with e-mail and password; sets the session and CSRF cookies.")
    async def sign_in(self, info: Info, input: SignInInput) -> SignInResult:
        ctx = info.context

        async def run() -> SignInSuccess:
            async with sign_in_throttle(ctx):
                done = await service.sign_in(input.email, input.password, ctx.now, ctx.settings.session_hours)
            max_age = ctx.settings.session_hours * 3600
            secure = ctx.settings.cookie_secure
            ctx.response.set_cookie(SESSION_COOKIE, done.session_token, max_age=max_age, httponly=True,
                                    secure=secure, samesite="strict", path="/")
            ctx.response.set_cookie(CSRF_COOKIE, done.csrf_token, max_age=max_age, httponly=False,
                                    secure=secure, samesite="strict", path="/")
            return SignInSuccess(user=UserNode.of(done.user), csrf_token=done.csrf_token,
                                 expires_at=done.expires_at)

        return await attempt(run)

    @strawberry.mutation(description="End the session.")
    async def sign_out(self, info: Info) -> SignOutResult:
        ctx = info.context

        async def run() -> SignOutSuccess:
            _require_signed_in(ctx.principal)
            await service.sign_out(ctx.principal)
            ctx.response.delete_cookie(SESSION_COOKIE, path="/")
            ctx.response.delete_cookie(CSRF_COOKIE, path="/")
            return SignOutSuccess(signed_out=True)

        return await attempt(run)

    @strawberry.mutation(description="A local data administrator adds a user to its authority.")
    async def add_user(self, info: Info, input: AddUserInput) -> AddUserResult:
        ctx = info.context

        async def run() -> AddUserSuccess:
            user, token = await service.add_user(
                ctx.principal, email=input.email, full_name=input.full_name, language=input.language,
                rights=_rights(input.rights), now=ctx.now,
            )
            return AddUserSuccess(user=UserNode.of(user), set_password_token=token)

        return await attempt(run)

    @strawberry.mutation(description="A local data administrator replaces a user's rights.")
    async def set_user_rights(self, info: Info, input: SetUserRightsInput) -> UserResult:
        ctx = info.context

        async def run() -> UserSuccess:
            user = await service.set_rights(ctx.principal, _user_id(input.user_id), _rights(input.rights))
            return UserSuccess(user=UserNode.of(user))

        return await attempt(run)

    @strawberry.mutation(description="A local data administrator deactivates or reactivates a user.")
    async def set_user_active(self, info: Info, input: SetUserActiveInput) -> UserResult:
        ctx = info.context

        async def run() -> UserSuccess:
            return UserSuccess(user=UserNode.of(
                await service.set_active(ctx.principal, _user_id(input.user_id), input.active)
            ))

        return await attempt(run)

    @strawberry.mutation(description="Set your password from an invitation and become a user.")
    async def accept_invitation(self, info: Info, input: AcceptInvitationInput) -> UserResult:
        ctx = info.context

        async def run() -> UserSuccess:
            user = await service.accept_invitation(input.token, input.full_name, input.password, input.language,
                                                   ctx.now)
            return UserSuccess(user=UserNode.of(user))

        return await attempt(run)

    @strawberry.mutation(description="Create an API token for yourself (for scripts and partner tools).")
    async def create_api_token(self, info: Info, input: CreateApiTokenInput) -> CreateApiTokenResult:
        ctx = info.context

        async def run() -> CreateApiTokenSuccess:
            user_id = _require_signed_in(ctx.principal)
            made = await service.create_token(name=input.name, scopes=[s.value for s in input.scopes],
                                              days=input.days, now=ctx.now, user_id=user_id)
            return CreateApiTokenSuccess(api_token=ApiTokenType.of(made.token), token=made.plaintext)

        return await attempt(run)

    @strawberry.mutation(description="Revoke one of your API tokens: it stops working at once, live subscriptions too.")
    async def revoke_api_token(self, info: Info, input: RevokeApiTokenInput) -> RevokeApiTokenResult:
        ctx = info.context

        async def run() -> RevokeApiTokenSuccess:
            token = await service.revoke_token(input.prefix, ctx.now, user_id=_require_signed_in(ctx.principal))
            return RevokeApiTokenSuccess(api_token=ApiTokenType.of(token))

        return await attempt(run)
