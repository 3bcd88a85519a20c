"""GraphQL of repositories: the registers you may read, their entries (by country and text) and each entry's
history, labelled in your language."""

from datetime import datetime
from typing import Self, cast

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from imi.authorities.schema import AuthorityNode
from imi.catalogue.schema import reader_language, shared_label
from imi.errors import NotFound
from imi.exchanges.models import Exchange
from imi.graphql.connections import to_connection
from imi.graphql.context import Info
from imi.procedures.schema import FormValue
from imi.reference.schema import LegalArea
from imi.repositories import service
from imi.repositories.definition import Repository as RepositoryDefinition
from imi.repositories.models import RepositoryEntry


@strawberry.type(description="A shared register fed by notifications.")
class Repository:
    code: str
    audience: str = strawberry.field(description="ALL_USERS, or LEGAL_AREA: users with a right in its area.")
    fed_by: str = strawberry.field(description="The notification procedure that feeds it.")
    key: list[str] = strawberry.field(description="The form items that identify an entry within a country.")
    legal_area_code: strawberry.Private[str]

    @strawberry.field(description="The register's name in your language, or in `language`.")
    def name(self, info: Info, language: str | None = None) -> str:
        return shared_label("repositories", self.code, reader_language(info, language), self.code)

    @strawberry.field
    def legal_area(self) -> LegalArea:
        return LegalArea.of(self.legal_area_code)

    @classmethod
    def of(cls, found: RepositoryDefinition) -> Self:
        return cls(code=found.code, audience=found.audience.value, fed_by=found.fed_by, key=list(found.key),
                   legal_area_code=found.legal_area)


@strawberry.type(description="One version of an entry, and the notification that made it.")
class RepositoryEntryVersionNode:
    version: int
    status: str
    at: datetime
    values: list[FormValue]
    exchange_reference: str | None
    authority_pk: strawberry.Private[int]

    @strawberry.field
    async def authority(self, info: Info) -> AuthorityNode | None:
        found = await info.context.loaders.authority.load(self.authority_pk)
        return AuthorityNode.of(found) if found else None


@strawberry.type(name="RepositoryEntry", description="A register entry of one country, with its history.")
class RepositoryEntryNode(relay.Node):
    id: relay.NodeID[int]
    repository: str
    country: str
    status: str = strawberry.field(description="CURRENT or WITHDRAWN.")
    version: int
    updated_at: datetime
    values: list[FormValue]
    row: strawberry.Private[RepositoryEntry]

    @strawberry.field(description="The authority that notified the current content.")
    async def authority(self, info: Info) -> AuthorityNode | None:
        found = await info.context.loaders.authority.load(self.row.authority_id)
        return AuthorityNode.of(found) if found else None

    @strawberry.field(description="Every version, the first first.")
    async def history(self, info: Info) -> list[RepositoryEntryVersionNode]:
        rows = await service.history(info.context.principal, self.row)
        references = await _references([v.exchange_id for v in rows if v.exchange_id])
        return [RepositoryEntryVersionNode(
            version=v.version, status=v.status.value, at=v.at,
            values=[FormValue(item=k, value=cast(JSON, x)) for k, x in v.values.items()],
            exchange_reference=references.get(v.exchange_id) if v.exchange_id else None, authority_pk=v.authority_id)
            for v in rows]

    @classmethod
    def of(cls, row: RepositoryEntry) -> Self:
        return cls(id=row.id, repository=row.repository, country=row.country, status=row.status.value,
                   version=row.version, updated_at=row.updated_at,
                   values=[FormValue(item=k, value=cast(JSON, v)) for k, v in row.values.items()], row=row)

    @classmethod
    async def resolve_nodes(  # type: ignore[override]  # one implementation for all of Node's overloads
        cls, *, info: Info, node_ids: list[str], required: bool = False
    ) -> list[Self | None]:
        found: list[Self | None] = []
        for node_id in node_ids:
            try:
                found.append(cls.of(await service.entry(info.context.principal, int(node_id))))
            except (ValueError, NotFound):
                found.append(None)
        return found


async def _references(ids: list[int]) -> dict[int, str]:
    return {e["id"]: e["reference"] for e in await Exchange.filter(id__in=ids).values("id", "reference")}


@strawberry.input
class RepositoryEntriesInput:
    repository: str
    countries: list[str] = strawberry.field(default_factory=list)
    text: str | None = strawberry.field(default=None, description="Words that must all appear (any language).")
    include_withdrawn: bool = False
    first: int = 20
    after: str | None = None


@strawberry.type
class RepositoryQueries:
    @strawberry.field(description="The registers you may read.")
    def repositories(self, info: Info) -> list[Repository]:
        return [Repository.of(r) for r in service.readable(info.context.principal)]

    @strawberry.field(description="Entries of a register, the latest changed first.")
    async def repository_entries(self, info: Info, input: RepositoryEntriesInput) -> relay.Connection[
            RepositoryEntryNode]:
        ctx = info.context
        found = await service.entries(ctx.principal, input.repository, countries=input.countries, text=input.text,
                                      withdrawn=input.include_withdrawn, first=input.first, after=input.after,
                                      max_first=ctx.settings.max_page_size)
        return to_connection(found, RepositoryEntryNode.of)

