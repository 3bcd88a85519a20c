"""GraphQL types of exchanges: the exchange as its reader may see it, its timeline, messages and files."""

from datetime import date, datetime
from enum import StrEnum
from typing import Any, Self, cast

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from imi import errors
from imi.authorities.schema import AuthorityNode
from imi.broadcasts import rules as broadcast_rules
from imi.catalogue import item as catalogue_item
from imi.catalogue.schema import CatalogueItem, display_answer, reader_language
from imi.clock import day_of
from imi.exchanges import models, rules
from imi.exchanges.visibility import BROADCAST_KINDS, Visible, get_visible
from imi.graphql.context import Info
from imi.graphql.ids import encode
from imi.privacy import audit
from imi.privacy import rules as privacy_rules
from imi.procedures import schema as procedure_schema
from imi.procedures.schema import AvailableAction, CaseParticipant, StateDeadline
from imi.reference import procedure
from imi.reference.schema import ExchangeKind, LegalArea, Procedure
from imi.translation.schema import MachineTranslation, translate


@strawberry.enum(description="Whether you may see the exchange's personal data, and if not, why.")
class PersonalDataStatus(StrEnum):
    VISIBLE = "VISIBLE"
    HIDDEN_UNTIL_ACCEPTED = "HIDDEN_UNTIL_ACCEPTED"
    LIMITED_VIEW = "LIMITED_VIEW"
    BLOCKED = "BLOCKED"
    NOT_ENTITLED = "NOT_ENTITLED"


ATTACHMENT_LIST = "attachments"  # the audit's name for the list of an exchange's files (names may be personal)


@strawberry.type
class Parameter:
    name: str
    value: str


@strawberry.type(description="A question chosen from the procedure's catalogue, by identifier.")
class ChosenQuestion:
    item: str
    parameters: list[Parameter]

    @strawberry.field(description="The question in your language, or in `language`.")
    def question(self, info: Info, language: str | None = None) -> CatalogueItem:
        params = {p.name: p.value for p in self.parameters}
        return CatalogueItem.of(catalogue_item(self.item), reader_language(info, language), params)


@strawberry.type
class Answer:
    item: str
    value: JSON

    @strawberry.field(description="The answer as text in your language, or in `language`.")
    def display(self, info: Info, language: str | None = None) -> str:
        return display_answer(self.item, self.value, reader_language(info, language))


@strawberry.type
class PersonalDataEntry:
    field: str
    value: str


async def _authority(info: Info, pk: int | None) -> AuthorityNode | None:
    if pk is None:
        return None
    found = await info.context.loaders.authority.load(pk)
    return AuthorityNode.of(found) if found else None


async def _user_name(info: Info, pk: int | None) -> str | None:
    if pk is None:
        return None
    user = await info.context.loaders.user.load(pk)
    return user.full_name if user else None


@strawberry.type(name="Message", description="Free text in its original language.")
class MessageNode:
    id: strawberry.ID
    text: str = strawberry.field(description="The original, always.")
    language: str = strawberry.field(description="The language recorded for the original.")
    declared_language: str | None = strawberry.field(description="The author's interface language.")
    language_flagged: bool = strawberry.field(
        description="The text confidently is not in the author's declared language (recorded as `language`).")
    created_at: datetime
    author_authority_pk: strawberry.Private[int]
    author_user_pk: strawberry.Private[int | None]
    withheld: strawberry.Private[bool] = False

    @strawberry.field(description="A machine translation into your language (or `language`); null when the "
                                  "original is already in it.")
    async def translation(self, info: Info, language: str | None = None) -> MachineTranslation | None:
        target = reader_language(info, language)
        if target == self.language or self.withheld:
            return None
        return await translate(info.context.translation, self.text, self.language, target)

    @strawberry.field
    async def author_authority(self, info: Info) -> AuthorityNode | None:
        return await _authority(info, self.author_authority_pk)

    @strawberry.field
    async def author_name(self, info: Info) -> str | None:
        return await _user_name(info, self.author_user_pk)

    @classmethod
    def of(cls, m: models.Message, notice: str | None = None) -> Self:
        """The message, or `notice` in place of its text while the exchange's personal data is blocked."""
        return cls(id=encode("Message", m.id), text=notice or m.text,
                   language=privacy_rules.NOTICE_LANGUAGE if notice else m.language,
                   declared_language=m.declared_language, language_flagged=m.language_flagged and not notice,
                   created_at=m.created_at, author_authority_pk=m.author_authority_id,
                   author_user_pk=m.author_user_id, withheld=notice is not None)


@strawberry.type(name="Attachment")
class AttachmentNode:
    id: strawberry.ID
    filename: str
    content_type: str
    size: int
    created_at: datetime
    download_url: str

    @classmethod
    def of(cls, a: models.Attachment) -> Self:
        gid = encode("Attachment", a.id)
        return cls(id=gid, filename=a.filename, content_type=a.content_type, size=a.size,
                   created_at=a.created_at, download_url=f"/attachments/{gid}")


@strawberry.type(description="One step on an exchange's timeline.")
class TimelineEvent:
    id: strawberry.ID
    action: str
    at: datetime
    from_state: str | None
    to_state: str
    data: strawberry.Private[dict[str, Any]]
    actor_authority_pk: strawberry.Private[int | None]
    actor_user_pk: strawberry.Private[int | None]
    message_by_id: strawberry.Private[dict[int, models.Message]]
    notice: strawberry.Private[str | None] = None

    @strawberry.field
    async def actor_authority(self, info: Info) -> AuthorityNode | None:
        return await _authority(info, self.actor_authority_pk)

    @strawberry.field
    async def actor_name(self, info: Info) -> str | None:
        return await _user_name(info, self.actor_user_pk)

    @strawberry.field(description="The action in your language, or in `language`.")
    def action_label(self, info: Info, language: str | None = None) -> str:
        return procedure_schema.label("workflow_actions", self.action, reader_language(info, language))

    @strawberry.field(description="The authority the exchange was sent, forwarded or referred to.")
    async def to_authority(self, info: Info) -> AuthorityNode | None:
        target = self.data.get("to")
        return await _authority(info, target if isinstance(target, int) else None)

    @strawberry.field
    def proposed_reply_date(self) -> date | None:
        value = self.data.get("proposedReplyDate")
        return date.fromisoformat(value) if isinstance(value, str) else None

    @strawberry.field(description="The message written with this step, if any.")
    def message(self) -> MessageNode | None:
        message_id = self.data.get("messageId")
        found = self.message_by_id.get(message_id) if isinstance(message_id, int) else None
        return MessageNode.of(found, self.notice) if found else None

    @classmethod
    def of(cls, e: models.ExchangeEvent, messages: dict[int, models.Message], notice: str | None = None) -> Self:
        return cls(id=encode("ExchangeEvent", e.id), action=e.action, at=e.at,
                   from_state=e.from_state, to_state=e.to_state, data=dict(e.data),
                   actor_authority_pk=e.actor_authority_id, actor_user_pk=e.actor_user_id, message_by_id=messages,
                   notice=notice)


@strawberry.type(description="The reply deadline as it stands.")
class Deadline:
    date: date
    days_left: int
    overdue: bool


@strawberry.type(description="An authority an alert or notification reached, and what it did with it.")
class BroadcastParticipant:
    country: str
    role: str = strawberry.field(description="SENDER_COORDINATOR, RECIPIENT_COORDINATOR or HANDLER.")
    added_at: datetime
    acknowledged_at: datetime | None
    authority_pk: strawberry.Private[int]

    @strawberry.field
    async def authority(self, info: Info) -> AuthorityNode | None:
        return await _authority(info, self.authority_pk)


@strawberry.type(description="The legal deadlines of an alert (Directive 2005/36/EC, Art. 56a).")
class AlertDeadlines:
    send_by: date | None = strawberry.field(description="Three days after the decision.")
    sent_late_days: int | None
    close_by: date | None = strawberry.field(description="Three days after the end of the restriction.")
    close_overdue_days: int | None


@strawberry.type
class Survey:
    timeliness: int | None
    efforts: int | None


@strawberry.type(name="Exchange", description="An exchange between authorities, as you may see it.")
class ExchangeNode(relay.Node):
    id: relay.NodeID[int]
    reference: str
    kind: ExchangeKind
    state: str = strawberry.field(description="A state of the procedure's workflow (e.g. SENT, ACCEPTED).")
    version: int = strawberry.field(description="Send it back with every action (optimistic check).")
    subject: str
    subject_language: str
    requested_reply_date: date | None
    proposed_reply_date: date | None
    agreed_reply_date: date | None
    round: int = strawberry.field(description="Further-information rounds so far.")
    created_at: datetime
    updated_at: datetime
    sent_at: datetime | None
    accepted_at: datetime | None
    answered_at: datetime | None
    closed_at: datetime | None
    withdrawn_at: datetime | None
    my_parties: list[str] = strawberry.field(description="The parts your authority plays (e.g. REQUESTER).")
    allowed_actions: list[str] = strawberry.field(description="Exactly the actions you may take now.")
    questions: list[ChosenQuestion]
    personal_data_status: PersonalDataStatus
    limited_view: bool = strawberry.field(description="You see only what the law allows before allocation.")
    decision_date: date | None
    period_end: date | None
    countries: list[str] = strawberry.field(description="Broadcasts: the countries the sender selected.")
    row: strawberry.Private[models.Exchange]
    seen: strawberry.Private[Visible]

    @strawberry.field
    def procedure(self) -> Procedure:
        return Procedure.of(self.row.procedure)

    @strawberry.field(description="The state in your language, or in `language`.")
    def state_label(self, info: Info, language: str | None = None) -> str:
        return procedure_schema.label("workflow_states", self.state, reader_language(info, language))

    @strawberry.field(description="The actions you may take now, labelled, each with the form it needs "
                                  "(take one with performAction).")
    def actions(self, info: Info, language: str | None = None) -> list[AvailableAction]:
        return procedure_schema.available_actions(self.row, self.seen.allowed_transitions,
                                                  reader_language(info, language))

    @strawberry.field(description="The deadlines of the current state, from the procedure's definition: due "
                                  "dates, effects, and whether each passed and was applied.")
    async def state_deadlines(self, info: Info, language: str | None = None) -> list[StateDeadline]:
        return await procedure_schema.state_deadlines(info, self.row, reader_language(info, language))

    @strawberry.field(description="The authorities playing a party of many (e.g. the supervisory authorities "
                                  "concerned), with their answers.")
    def case_participants(self, info: Info, language: str | None = None) -> list[CaseParticipant]:
        return procedure_schema.case_participants(self.seen.case_parties, reader_language(info, language))

    @strawberry.field
    def legal_area(self) -> LegalArea:
        return LegalArea.of(self.row.legal_area)

    @strawberry.field
    async def requesting_authority(self, info: Info) -> AuthorityNode:
        found = await _authority(info, self.row.requesting_authority_id)
        assert found is not None
        return found

    @strawberry.field
    async def responding_authority(self, info: Info) -> AuthorityNode | None:
        return await _authority(info, self.row.responding_authority_id)

    @strawberry.field
    async def referral_coordinator(self, info: Info) -> AuthorityNode | None:
        return await _authority(info, self.row.referral_coordinator_id)

    @strawberry.field
    async def answers(self, info: Info) -> list[Answer]:
        shown = {k: v for k, v in _answers(self.seen).items() if _shown(self.seen, k)}
        personal = sorted(set(shown) - set(self.row.answers))  # a broadcast's personal-data items
        if personal:
            await _audit_read(info, self.row, personal)
        return [Answer(item=k, value=cast(JSON, v)) for k, v in shown.items()]

    @strawberry.field(description="Null unless personalDataStatus is VISIBLE.")
    async def personal_data(self, info: Info) -> list[PersonalDataEntry] | None:
        if not self.seen.personal_data_visible:
            return None
        found = self.row.personal_data or {}
        if found:
            await _audit_read(info, self.row, sorted(found))
        return [PersonalDataEntry(field=k, value=v) for k, v in found.items()]

    @property
    def _notice(self) -> str | None:
        """What replaces free text while the personal data is blocked (deleted text holds its own notice)."""
        if self.row.personal_data_deleted_at is not None:
            return privacy_rules.DELETED_TEXT
        return privacy_rules.BLOCKED_TEXT if self.row.personal_data_blocked_at is not None else None

    @strawberry.field
    async def messages(self, info: Info) -> list[MessageNode]:
        return [MessageNode.of(m, self._notice) for m in await info.context.loaders.messages.load(self.id)]

    @strawberry.field(description="Null unless you may see personal data (files may carry it).")
    async def attachments(self, info: Info) -> list[AttachmentNode] | None:
        if not self.seen.personal_data_visible:
            return None
        rows = [a for a in await info.context.loaders.attachments.load(self.id) if a.deleted_at is None]
        if rows:
            await _audit_read(info, self.row, [ATTACHMENT_LIST])
        return [AttachmentNode.of(a) for a in rows]

    @strawberry.field
    async def timeline(self, info: Info) -> list[TimelineEvent]:
        events = await info.context.loaders.events.load(self.id)
        messages = {m.id: m for m in await info.context.loaders.messages.load(self.id)}
        return [TimelineEvent.of(e, messages, self._notice) for e in events]

    @strawberry.field(description="The reply deadline while the request awaits its answer.")
    def deadline(self, info: Info) -> Deadline | None:
        due = self.row.agreed_reply_date or self.row.requested_reply_date
        if due is None or self.row.state not in (rules.State.SENT, rules.State.ACCEPTED):
            return None
        left = (due - day_of(info.context.now)).days
        return Deadline(date=due, days_left=left, overdue=left < 0)

    @strawberry.field(description="Broadcasts: the authorities it reached, as far as you may see them.")
    def participants(self) -> list[BroadcastParticipant] | None:
        if self.row.kind not in BROADCAST_KINDS:
            return None
        rows = self.seen.participants
        shown = broadcast_rules.participants_visible(
            self.seen.parties, self.seen.viewer, [(p.authority_id, p.role.value, p.country) for p in rows])
        return [BroadcastParticipant(country=rows[i].country, role=rows[i].role.value, added_at=rows[i].added_at,
                                     acknowledged_at=rows[i].acknowledged_at, authority_pk=rows[i].authority_id)
                for i in shown]

    @strawberry.field(description="Alerts: the deadlines to send and to close, and any lateness.")
    def alert_deadlines(self, info: Info) -> AlertDeadlines | None:
        row = self.row
        if row.kind != "ALERT":
            return None
        ended = row.closed_at or row.withdrawn_at
        found = broadcast_rules.alert_deadlines(
            row.decision_date, day_of(row.sent_at) if row.sent_at else None, row.period_end,
            day_of(ended) if ended else None, day_of(info.context.now))
        return AlertDeadlines(send_by=found.send_by, sent_late_days=found.sent_late_days,
                              close_by=found.close_by, close_overdue_days=found.close_overdue_days)

    @strawberry.field(description="The exchange this one is about (e.g. the alert a request asks about).")
    async def related_exchange(self, info: Info) -> "ExchangeNode | None":
        if self.row.related_exchange_id is None:
            return None
        try:
            return ExchangeNode.of(await get_visible(info.context.principal, self.row.related_exchange_id))
        except errors.NotFound:
            return None

    @strawberry.field(description="The requester's closure survey (seen by the requester only).")
    def survey(self) -> Survey | None:
        row = self.row
        if rules.Party.REQUESTER not in self.seen.parties or row.state != rules.State.CLOSED:
            return None
        return Survey(timeliness=row.survey_timeliness, efforts=row.survey_efforts)

    @classmethod
    def of(cls, seen: Visible) -> Self:
        e = seen.exchange
        return cls(
            id=e.id, reference=e.reference, kind=ExchangeKind(e.kind), state=e.state, version=e.version,
            subject=e.subject, subject_language=e.subject_language, requested_reply_date=e.requested_reply_date,
            proposed_reply_date=e.proposed_reply_date, agreed_reply_date=e.agreed_reply_date, round=e.round,
            created_at=e.created_at, updated_at=e.updated_at, sent_at=e.sent_at, accepted_at=e.accepted_at,
            answered_at=e.answered_at, closed_at=e.closed_at, withdrawn_at=e.withdrawn_at,
            my_parties=sorted(seen.parties), allowed_actions=seen.allowed_actions,
            questions=[ChosenQuestion(item=q["item"], parameters=[Parameter(name=k, value=v)
                                                                   for k, v in q.get("params", {}).items()])
                       for q in e.questions],
            personal_data_status=_personal_status(seen), limited_view=seen.limited, decision_date=e.decision_date,
            period_end=e.period_end, countries=list(e.countries), row=e, seen=seen,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]  # one implementation for all of Node's overloads
        cls, *, info: Info, node_ids: Any, required: bool = False
    ) -> list[Self | None]:
        found: list[Self | None] = []
        for node_id in node_ids:
            try:
                found.append(cls.of(await get_visible(info.context.principal, int(node_id))))
            except (ValueError, errors.NotFound):
                found.append(None)
        return found


async def _audit_read(info: Info, exchange: models.Exchange, fields: list[str]) -> None:
    """Record a read of an exchange's personal data before it is returned."""
    await audit.read_exchange(info.context.principal, info.context.now, exchange.id, exchange.reference, fields)


def _answers(seen: Visible) -> dict[str, Any]:
    """A broadcast's form: its answers, and its personal-data fields for those who may see them."""
    exchange = seen.exchange
    if exchange.kind in BROADCAST_KINDS and seen.personal_data_visible:
        return {**exchange.answers, **(exchange.personal_data or {})}
    return exchange.answers


def _shown(seen: Visible, item_id: str) -> bool:
    """In the limited view only the items the procedure allows are shown."""
    if not seen.limited:
        return True
    broadcasting = procedure(seen.exchange.procedure).broadcasting
    return broadcasting is not None and item_id in broadcasting.limited_view


def _personal_status(seen: Visible) -> PersonalDataStatus:
    if seen.personal_data_visible:
        return PersonalDataStatus.VISIBLE
    if seen.limited:
        return PersonalDataStatus.LIMITED_VIEW
    if seen.exchange.personal_data_blocked_at is not None:
        return PersonalDataStatus.BLOCKED
    if rules.Party.RESPONDER in seen.parties and seen.exchange.accepted_at is None:
        return PersonalDataStatus.HIDDEN_UNTIL_ACCEPTED
    return PersonalDataStatus.NOT_ENTITLED
