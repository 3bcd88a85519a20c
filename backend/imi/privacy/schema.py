"""GraphQL for data protection: the audit log for coordinators and local data administrators, and the export
of everything held about a data subject for an access request."""

from datetime import datetime
from typing import Any, Self, cast

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from imi.authorities.schema import AuthorityNode
from imi.graphql.connections import to_connection
from imi.graphql.context import Info
from imi.graphql.ids import decode, encode
from imi.privacy import audit, export, log
from imi.privacy.models import ActorKind, AuditAction, AuditEntry

strawberry.enum(AuditAction, name="AuditAction", description="What an audit entry records.")
strawberry.enum(ActorKind, name="AuditActor", description="Who acted: an official, a token, the retention job or "
                                                          "the operator's command line.")


@strawberry.type(name="AuditEntry", description="A read of personal data or a change, as the audit log keeps it "
                                               "(it can be neither changed nor deleted).")
class AuditEntryNode(relay.Node):
    id: relay.NodeID[int]
    at: datetime
    action: AuditAction
    actor: ActorKind
    personal_fields: list[str] = strawberry.field(description="The personal-data fields or form items read or "
                                                              "exported (names only, never values).")
    exchange_reference: str | None
    token_prefix: str | None = strawberry.field(description="The public part of the API token used, if any.")
    client_address: str | None
    user_agent: str | None
    request_id: str | None = strawberry.field(description="Also sent back as the X-Request-Id response header.")
    detail: JSON
    row: strawberry.Private[AuditEntry]

    @strawberry.field(description="The exchange concerned.")
    def exchange_id(self) -> strawberry.ID | None:
        return encode("Exchange", self.row.exchange_id) if self.row.exchange_id else None

    @strawberry.field(description="The timeline event of a change.")
    def event_id(self) -> strawberry.ID | None:
        return encode("ExchangeEvent", self.row.event_id) if self.row.event_id else None

    @strawberry.field(description="The acting authority (for the retention job: the exchange's owner).")
    async def authority(self, info: Info) -> AuthorityNode | None:
        if self.row.authority_id is None:
            return None
        found = await info.context.loaders.authority.load(self.row.authority_id)
        return AuthorityNode.of(found) if found else None

    @strawberry.field(description="The acting official.")
    async def user_name(self, info: Info) -> str | None:
        if self.row.user_id is None:
            return None
        user = await info.context.loaders.user.load(self.row.user_id)
        return user.full_name if user else None

    @classmethod
    def of(cls, row: AuditEntry) -> Self:
        return cls(id=row.id, at=row.at, action=row.action, actor=row.actor, personal_fields=list(row.personal_fields),
                   exchange_reference=row.exchange_reference, token_prefix=row.token_prefix,
                   client_address=row.client_address, user_agent=row.user_agent, request_id=row.request_id,
                   detail=cast(JSON, dict(row.detail)), row=row)

    @classmethod
    async def resolve_nodes(  # type: ignore[override]  # one implementation for all of Node's overloads
        cls, *, info: Info, node_ids: Any, required: bool = False
    ) -> list[Self | None]:
        wanted = []
        for node_id in node_ids:
            try:
                wanted.append(int(node_id))
            except ValueError:
                wanted.append(0)
        found = await log.readable(info.context.principal, [pk for pk in wanted if pk > 0])
        return [cls.of(found[pk]) if pk in found else None for pk in wanted]


@strawberry.input(description="Which audit entries: of one authority you answer for (default: all of them), of "
                              "one exchange, in a period; newest first.")
class AuditLogInput:
    authority_id: strawberry.ID | None = None
    exchange_id: strawberry.ID | None = None
    since: datetime | None = strawberry.field(default=None, name="from", description="Inclusive.")
    until: datetime | None = strawberry.field(default=None, name="to", description="Exclusive.")
    first: int = 50
    after: str | None = None


@strawberry.input
class SubjectExportInput:
    subject: str = strawberry.field(description="The data subject's name (first names and surname) or an "
                                                "identifier (e.g. a registration number).")


@strawberry.type(description="Everything held about a data subject in the exchanges of the authorities you answer "
                             "for, for an access request: review it before it goes out.")
class SubjectExport:
    subject: str
    generated_at: datetime
    exchange_count: int
    document: JSON = strawberry.field(description="The exchanges, each with its personal data (unless blocked), "
                                                  "answers, messages, attachment list and timeline.")


@strawberry.type
class PrivacyQueries:
    @strawberry.field(description="The audit log of the authorities you coordinate (coordinators' validators) or "
                                  "of your own authority (local data administrators).")
    async def audit_log(self, info: Info, input: AuditLogInput) -> relay.Connection[AuditEntryNode]:
        ctx = info.context
        wanted = log.AuditFilter(
            authority_id=decode(input.authority_id, "Authority", "authorityId") if input.authority_id else None,
            exchange_id=decode(input.exchange_id, "Exchange", "exchangeId") if input.exchange_id else None,
            since=input.since, until=input.until)
        found = await log.entries(ctx.principal, wanted, input.first, input.after, ctx.settings.max_page_size)
        return to_connection(found, AuditEntryNode.of)

    @strawberry.field(description="Everything held about a data subject (an access request); audited.")
    async def subject_access_export(self, info: Info, input: SubjectExportInput) -> SubjectExport:
        ctx = info.context
        scope = await log.supervision_of(ctx.principal)
        document = await export.export_subject(input.subject, audit.Who.of(ctx.principal), ctx.now, scope)
        return SubjectExport(subject=input.subject, generated_at=ctx.now,
                             exchange_count=len(document["exchanges"]), document=cast(JSON, document))
