"""GraphQL for the directory of authorities and the coordinators' mutations."""

from typing import Annotated, Any, Self

import strawberry
from strawberry import relay

from imi import errors
from imi.authorities import models, queries, service
from imi.graphql.connections import to_connection
from imi.graphql.context import Info
from imi.graphql.errors import NotAllowed, NotFound, StaleVersion, ValidationFailed, attempt
from imi.graphql.ids import decode
from imi.reference.schema import Country, LegalArea, Procedure

Level = models.Level
AuthorityStatus = models.AuthorityStatus
CoordinatorRole = models.CoordinatorRole
strawberry.enum(Level, name="AuthorityLevel")
strawberry.enum(AuthorityStatus, name="AuthorityStatus")
strawberry.enum(CoordinatorRole, name="CoordinatorRole")


@strawberry.type(description="A text in one language.")
class LocalizedText:
    language: str
    text: str


def _texts(texts: dict[str, str]) -> list[LocalizedText]:
    return [LocalizedText(language=k, text=v) for k, v in sorted(texts.items())]


@strawberry.type(name="Authority", description="A competent authority of an EEA country.")
class AuthorityNode(relay.Node):
    id: relay.NodeID[int]
    external_id: str | None
    country_code: str
    level: Level
    official_name: str = strawberry.field(description="In the authority's own language; never translated.")
    official_language: str
    informal_names: list[LocalizedText]
    descriptions: list[LocalizedText]
    region: str | None
    city: str | None
    street: str | None
    postcode: str | None
    email: str | None
    phone: str | None
    keyword_ids: list[str]
    status: AuthorityStatus
    coordinator_role: CoordinatorRole
    version: int
    coordinator_pk: strawberry.Private[int | None]

    @strawberry.field
    def country(self) -> Country:
        return Country.of(self.country_code)

    @strawberry.field(description="The coordinator that registered and validates this authority.")
    async def coordinator(self, info: Info) -> "AuthorityNode | None":
        if self.coordinator_pk is None:
            return None
        found = await info.context.loaders.authority.load(self.coordinator_pk)
        return AuthorityNode.of(found) if found else None

    @strawberry.field(description="The procedures this authority has access to.")
    async def procedures(self, info: Info) -> list[Procedure]:
        return [Procedure.of(row.procedure) for row in await info.context.loaders.procedures.load(self.id)]

    @strawberry.field(description="The legal areas granted to this authority.")
    async def legal_areas(self, info: Info) -> list[LegalArea]:
        rows = await info.context.loaders.procedures.load(self.id)
        return [LegalArea.of(code) for code in sorted({row.legal_area for row in rows})]

    @classmethod
    def of(cls, a: models.Authority) -> Self:
        return cls(
            id=a.id, external_id=a.external_id, country_code=a.country, level=a.level,
            official_name=a.official_name, official_language=a.official_language,
            informal_names=_texts(a.informal_names), descriptions=_texts(a.descriptions), region=a.region,
            city=a.city, street=a.street, postcode=a.postcode, email=a.email, phone=a.phone,
            keyword_ids=list(a.keyword_ids), status=a.status, coordinator_role=a.coordinator_role,
            version=a.version, coordinator_pk=a.coordinator_id,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]  # one implementation for all of Node's overloads
        cls, *, info: Info, node_ids: Any, required: bool = False
    ) -> list[Self | None]:
        found: list[Self | None] = []
        for node_id in node_ids:
            try:
                found.append(cls.of(await queries.get(info.context.principal, int(node_id))))
            except (ValueError, errors.NotFound):
                found.append(None)
        return found


AuthorityConnection = relay.Connection[AuthorityNode]


@strawberry.input
class LocalizedTextInput:
    language: str
    text: str


@strawberry.input(description="An authority's registration details.")
class AuthorityDetailsInput:
    country: str
    level: Level
    official_name: str
    official_language: str
    informal_names: list[LocalizedTextInput] = strawberry.field(default_factory=list)
    descriptions: list[LocalizedTextInput] = strawberry.field(default_factory=list)
    region: str | None = None
    city: str | None = None
    street: str | None = None
    postcode: str | None = None
    email: str | None = None
    phone: str | None = None
    keyword_ids: list[str] = strawberry.field(default_factory=list)

    def to_domain(self) -> service.AuthorityDetails:
        return service.AuthorityDetails(
            country=self.country, level=self.level.value, official_name=self.official_name,
            official_language=self.official_language,
            informal_names={t.language: t.text for t in self.informal_names},
            descriptions={t.language: t.text for t in self.descriptions}, region=self.region, city=self.city,
            street=self.street, postcode=self.postcode, email=self.email, phone=self.phone,
            keyword_ids=tuple(self.keyword_ids),
        )


@strawberry.input
class AuthoritiesInput:
    countries: list[str] = strawberry.field(default_factory=list)
    levels: list[Level] = strawberry.field(default_factory=list)
    legal_areas: list[str] = strawberry.field(default_factory=list)
    procedures: list[str] = strawberry.field(default_factory=list)
    statuses: list[AuthorityStatus] = strawberry.field(default_factory=list)
    name_contains: str | None = None
    first: int = 20
    after: str | None = None


@strawberry.type
class AuthoritySuccess:
    authority: AuthorityNode


@strawberry.type
class InviteAuthoritySuccess:
    authority: AuthorityNode
    invitation_token: str = strawberry.field(description="Give it to the invitee; it is shown only once.")


AuthorityResult = Annotated[
    AuthoritySuccess | NotFound | NotAllowed | StaleVersion | ValidationFailed,
    strawberry.union("AuthorityResult"),
]
InviteAuthorityResult = Annotated[
    InviteAuthoritySuccess | NotAllowed | ValidationFailed, strawberry.union("InviteAuthorityResult")
]


@strawberry.input
class RegisterAuthorityInput:
    details: AuthorityDetailsInput


@strawberry.input
class InviteAuthorityInput:
    details: AuthorityDetailsInput
    administrator_email: str


@strawberry.input
class AuthorityVersionInput:
    authority_id: strawberry.ID
    version: int


@strawberry.input
class SetAuthorityStatusInput:
    authority_id: strawberry.ID
    version: int
    active: bool


@strawberry.input
class GrantLegalAreaInput:
    authority_id: strawberry.ID
    legal_area: str
    procedures: list[str] | None = strawberry.field(default=None, description="Default: all of the area's.")


@strawberry.input
class RevokeLegalAreaInput:
    authority_id: strawberry.ID
    legal_area: str


def _authority_id(value: strawberry.ID) -> int:
    return decode(value, "Authority", "authorityId")


async def _success(operation: Any) -> Any:
    async def run() -> AuthoritySuccess:
        return AuthoritySuccess(authority=AuthorityNode.of(await operation()))

    return await attempt(run)


@strawberry.type
class AuthorityQueries:
    @strawberry.field(description="One authority of the directory.")
    async def authority(self, info: Info, id: strawberry.ID) -> AuthorityNode | None:
        try:
            return AuthorityNode.of(await queries.get(info.context.principal, decode(id, "Authority")))
        except errors.NotFound:
            return None

    @strawberry.field(description="The directory, filtered; ordered by official name.")
    async def authorities(self, info: Info, input: AuthoritiesInput) -> AuthorityConnection:
        ctx = info.context
        where = queries.AuthorityFilter(
            countries=input.countries, levels=[lv.value for lv in input.levels], legal_areas=input.legal_areas,
            procedures=input.procedures, statuses=[s.value for s in input.statuses],
            name_contains=input.name_contains,
        )
        found = await queries.list_authorities(
            ctx.principal, where, input.first, input.after, ctx.settings.max_page_size
        )
        ctx.loaders.prime_authorities(found.items)
        return to_connection(found, AuthorityNode.of)


@strawberry.type
class AuthorityMutations:
    @strawberry.mutation(description="A coordinator registers an authority of its country (pending validation).")
    async def register_authority(self, info: Info, input: RegisterAuthorityInput) -> AuthorityResult:
        ctx = info.context
        return await _success(lambda: service.register(ctx.principal, input.details.to_domain(), ctx.now))

    @strawberry.mutation(description="A coordinator registers an authority and invites its first administrator.")
    async def invite_authority(self, info: Info, input: InviteAuthorityInput) -> InviteAuthorityResult:
        ctx = info.context

        async def run() -> InviteAuthoritySuccess:
            authority, token = await service.invite(
                ctx.principal, input.details.to_domain(), input.administrator_email, ctx.now
            )
            return InviteAuthoritySuccess(authority=AuthorityNode.of(authority), invitation_token=token)

        return await attempt(run)

    @strawberry.mutation(description="A coordinator validates a pending authority, making it active.")
    async def validate_authority(self, info: Info, input: AuthorityVersionInput) -> AuthorityResult:
        ctx = info.context
        return await _success(
            lambda: service.validate(ctx.principal, _authority_id(input.authority_id), input.version, ctx.now)
        )

    @strawberry.mutation(description="A coordinator deactivates or reactivates an authority.")
    async def set_authority_status(self, info: Info, input: SetAuthorityStatusInput) -> AuthorityResult:
        ctx = info.context
        return await _success(lambda: service.set_status(
            ctx.principal, _authority_id(input.authority_id), input.version, input.active, ctx.now
        ))

    @strawberry.mutation(description="A coordinator grants an authority a legal area and its procedures.")
    async def grant_legal_area(self, info: Info, input: GrantLegalAreaInput) -> AuthorityResult:
        ctx = info.context
        return await _success(lambda: service.grant(
            ctx.principal, _authority_id(input.authority_id), input.legal_area, input.procedures, ctx.now
        ))

    @strawberry.mutation(description="A coordinator withdraws a legal area from an authority.")
    async def revoke_legal_area(self, info: Info, input: RevokeLegalAreaInput) -> AuthorityResult:
        ctx = info.context
        return await _success(
            lambda: service.revoke(ctx.principal, _authority_id(input.authority_id), input.legal_area, ctx.now)
        )

    @strawberry.mutation(description="The national coordinator makes an authority a delegated coordinator.")
    async def make_delegated_coordinator(self, info: Info, input: AuthorityVersionInput) -> AuthorityResult:
        ctx = info.context
        return await _success(lambda: service.make_delegated_coordinator(
            ctx.principal, _authority_id(input.authority_id), input.version, ctx.now
        ))
