"""GraphQL queries and mutations of information requests: thin, each authorises through the service."""

import datetime as dt
from collections.abc import Awaitable, Callable
from enum import StrEnum
from typing import Annotated, Any, cast

import strawberry
from starlette.datastructures import UploadFile
from strawberry import relay
from strawberry.file_uploads import Upload

from imi import errors
from imi.authorities.schema import AuthorityNode
from imi.clock import day_of
from imi.exchanges import boxes, models, service
from imi.exchanges import queries as exchange_queries
from imi.exchanges.free_text import translate_latest
from imi.exchanges.schema import AttachmentNode, ExchangeNode, MessageNode
from imi.exchanges.visibility import get_visible, participants_of, view
from imi.graphql.connections import to_connection
from imi.graphql.context import Info
from imi.graphql.errors import (
    InvalidTransition,
    NotAllowed,
    NotFound,
    StaleVersion,
    ValidationFailed,
    attempt,
)
from imi.graphql.ids import decode
from imi.reference.schema import ExchangeKind

Box = boxes.Box
strawberry.enum(Box, name="Box", description="A tracking list of your authority.")
UPLOAD_CHUNK = 64 * 1024


@strawberry.type
class ExchangeSuccess:
    exchange: ExchangeNode


@strawberry.type
class MessageSuccess:
    exchange_message: MessageNode


@strawberry.type
class AttachmentSuccess:
    attachment: AttachmentNode


@strawberry.type(description="Forwarded: the exchange now belongs to the other authority.")
class ForwardSuccess:
    reference: str
    to_authority: AuthorityNode


ForwardResult = Annotated[
    ForwardSuccess | NotFound | NotAllowed | InvalidTransition | StaleVersion | ValidationFailed,
    strawberry.union("ForwardResult"),
]
ExchangeResult = Annotated[
    ExchangeSuccess | NotFound | NotAllowed | InvalidTransition | StaleVersion | ValidationFailed,
    strawberry.union("ExchangeResult"),
]
MessageResult = Annotated[
    MessageSuccess | NotFound | NotAllowed | InvalidTransition | ValidationFailed, strawberry.union("MessageResult")
]
AttachmentResult = Annotated[
    AttachmentSuccess | NotFound | NotAllowed | InvalidTransition | ValidationFailed,
    strawberry.union("AttachmentResult"),
]


@strawberry.input
class ParameterInput:
    name: str
    value: str


@strawberry.input
class QuestionInput:
    item: str
    parameters: list[ParameterInput] = strawberry.field(default_factory=list)


@strawberry.input
class PersonalDataInput:
    field: str
    value: str


@strawberry.enum
class YesNoDontKnow(StrEnum):
    YES = "YES"
    NO = "NO"
    DONT_KNOW = "DONT_KNOW"


@strawberry.input(description="An answer to one chosen question: set exactly one value field.")
class AnswerInput:
    item: str
    yes_no: YesNoDontKnow | None = None
    choice: str | None = None
    choices: list[str] | None = None
    date: dt.date | None = None
    number: float | None = None
    text: str | None = None
    attachment_id: strawberry.ID | None = None

    def raw(self) -> Any:
        values = [v for v in (self.yes_no, self.choice, self.choices, self.date, self.number, self.text,
                              self.attachment_id) if v is not None]
        if len(values) != 1:
            raise errors.ValidationFailed.single("answers", f"{self.item}: give exactly one value")
        value = values[0]
        if isinstance(value, YesNoDontKnow):
            return value.value
        return value.isoformat() if isinstance(value, dt.date) else value


@strawberry.input
class CreateRequestInput:
    procedure: str
    subject: str = strawberry.field(description="A short title without personal data.")
    responding_authority_id: strawberry.ID | None = None
    requested_reply_date: dt.date | None = None
    questions: list[QuestionInput] = strawberry.field(default_factory=list)
    personal_data: list[PersonalDataInput] = strawberry.field(default_factory=list)
    related_exchange_id: strawberry.ID | None = strawberry.field(
        default=None, description="An exchange this request is about, e.g. an alert you received.")


@strawberry.input
class ModifyRequestInput:
    exchange_id: strawberry.ID
    version: int
    subject: str | None = None
    responding_authority_id: strawberry.ID | None = None
    requested_reply_date: dt.date | None = None
    questions: list[QuestionInput] | None = None
    personal_data: list[PersonalDataInput] | None = None


@strawberry.input
class SendRequestInput:
    exchange_id: strawberry.ID
    version: int
    requested_reply_date: dt.date | None = None


@strawberry.input(description="Accept, agreeing the requested reply date, or propose another date.")
class AcceptRequestInput:
    exchange_id: strawberry.ID
    version: int
    proposed_reply_date: dt.date | None = None


@strawberry.input
class ForwardRequestInput:
    exchange_id: strawberry.ID
    version: int
    to_authority_id: strawberry.ID
    message: str | None = None


@strawberry.input
class AnswerRequestInput:
    exchange_id: strawberry.ID
    version: int
    answers: list[AnswerInput] = strawberry.field(default_factory=list)
    message: str | None = None


@strawberry.input
class MessageActionInput:
    exchange_id: strawberry.ID
    version: int
    message: str


@strawberry.input
class OptionalMessageActionInput:
    exchange_id: strawberry.ID
    version: int
    message: str | None = None


@strawberry.input(description="Close, with the optional survey: ratings 1 (very dissatisfied) to 5 (very satisfied).")
class CloseRequestInput:
    exchange_id: strawberry.ID
    version: int
    timeliness: int | None = None
    efforts: int | None = None


@strawberry.input
class AddMessageInput:
    exchange_id: strawberry.ID
    text: str


@strawberry.input
class AddAttachmentInput:
    exchange_id: strawberry.ID
    file: Upload


@strawberry.input
class ExchangesInput:
    box: Box = boxes.Box.ALL
    kinds: list[ExchangeKind] = strawberry.field(default_factory=list, description="Default: every kind.")
    first: int = 20
    after: str | None = None


def _exchange_id(value: strawberry.ID) -> int:
    return decode(value, "Exchange", "exchangeId")


def _authority_id(value: strawberry.ID | None, field: str) -> int | None:
    return decode(value, "Authority", field) if value is not None else None


def _questions(questions: list[QuestionInput]) -> list[dict[str, Any]]:
    return [{"item": q.item, "params": {p.name: p.value for p in q.parameters}} for q in questions]


async def exchange_result(info: Info, act: Callable[[], Awaitable[models.Exchange]], wrote: str | None = None) -> Any:
    """Run an action; its result is the exchange as the caller now sees it, or the typed refusal. When the
    caller wrote a message with it, its translations for the other readers start at once."""

    async def run() -> ExchangeSuccess:
        changed = await act()
        if wrote:
            await translate_latest(info.context.translation, changed.id)
        return ExchangeSuccess(exchange=ExchangeNode.of(await get_visible(info.context.principal, changed.id)))

    return await attempt(run)


@strawberry.type
class ExchangeQueries:
    @strawberry.field(description="One exchange you may see.")
    async def exchange(self, info: Info, id: strawberry.ID) -> ExchangeNode | None:
        try:
            return ExchangeNode.of(await get_visible(info.context.principal, decode(id, "Exchange")))
        except errors.NotFound:
            return None

    @strawberry.field(description="A tracking list of your authority: what awaits it, what is late, drafts, sent.")
    async def exchanges(self, info: Info, input: ExchangesInput) -> relay.Connection[ExchangeNode]:
        ctx = info.context
        found = await exchange_queries.list_box(ctx.principal, boxes.Box(input.box.value), input.first, input.after,
                                                day_of(ctx.now), ctx.settings.max_page_size,
                                                kinds=[k.value for k in input.kinds])
        participants = await participants_of(found.items)

        def node(row: models.Exchange) -> ExchangeNode:
            seen = view(ctx.principal, row, participants.get(row.id, []))
            assert seen is not None
            return ExchangeNode.of(seen)

        return to_connection(found, node)


@strawberry.type
class ExchangeMutations:
    @strawberry.mutation(description="Start a draft information request.")
    async def create_request(self, info: Info, input: CreateRequestInput) -> ExchangeResult:
        ctx = info.context
        return await exchange_result(info, lambda: service.create_request(ctx.principal, service.RequestDraft(
            procedure=input.procedure, subject=input.subject,
            responding_authority_id=_authority_id(input.responding_authority_id, "respondingAuthorityId"),
            requested_reply_date=input.requested_reply_date, questions=_questions(input.questions),
            personal_data={p.field: p.value for p in input.personal_data},
            related_exchange_id=decode(input.related_exchange_id, "Exchange", "relatedExchangeId")
            if input.related_exchange_id else None,
        ), ctx.now))

    @strawberry.mutation(description="The requester modifies its open request.")
    async def modify_request(self, info: Info, input: ModifyRequestInput) -> ExchangeResult:
        ctx = info.context
        return await exchange_result(info, lambda: service.modify(
            ctx.principal, _exchange_id(input.exchange_id), input.version, ctx.now, subject=input.subject,
            questions=_questions(input.questions) if input.questions is not None else None,
            personal_data={p.field: p.value for p in input.personal_data} if input.personal_data is not None else None,
            requested_reply_date=input.requested_reply_date,
            responding_authority_id=_authority_id(input.responding_authority_id, "respondingAuthorityId"),
        ))

    @strawberry.mutation(description="Send a draft request (a requested reply date is required).")
    async def send_request(self, info: Info, input: SendRequestInput) -> ExchangeResult:
        ctx = info.context
        return await exchange_result(info, lambda: service.send(
            ctx.principal, _exchange_id(input.exchange_id), input.version, ctx.now, input.requested_reply_date))

    @strawberry.mutation(description="Accept a received request, agreeing its date or proposing another.")
    async def accept_request(self, info: Info, input: AcceptRequestInput) -> ExchangeResult:
        ctx = info.context
        return await exchange_result(info, lambda: service.accept(
            ctx.principal, _exchange_id(input.exchange_id), input.version, ctx.now, input.proposed_reply_date))

    @strawberry.mutation(description="Forward a received request to another authority of your country.")
    async def forward_request(self, info: Info, input: ForwardRequestInput) -> ForwardResult:
        ctx = info.context

        async def run() -> ForwardSuccess:
            target = decode(input.to_authority_id, "Authority", "toAuthorityId")
            moved = await service.forward(ctx.principal, _exchange_id(input.exchange_id), input.version, ctx.now,
                                          target, ctx.written(input.message))
            authority = await ctx.loaders.authority.load(target)
            assert authority is not None, "the service checked that it exists"
            return ForwardSuccess(reference=moved.reference, to_authority=AuthorityNode.of(authority))

        return await attempt(run)

    @strawberry.mutation(description="Answer an accepted request.")
    async def answer_request(self, info: Info, input: AnswerRequestInput) -> ExchangeResult:
        ctx = info.context
        return await exchange_result(info, lambda: service.answer(
            ctx.principal, _exchange_id(input.exchange_id), input.version, ctx.now,
            {a.item: a.raw() for a in input.answers}, ctx.written(input.message)), input.message)

    @strawberry.mutation(description="Ask the responder for further information after its answer.")
    async def request_further_information(self, info: Info, input: MessageActionInput) -> ExchangeResult:
        ctx = info.context
        return await exchange_result(info, lambda: service.request_further_information(
            ctx.principal, _exchange_id(input.exchange_id), input.version, ctx.now, ctx.written(input.message)),
            input.message)

    @strawberry.mutation(description="Refer an unsatisfactory answer to your coordinator.")
    async def refer_request(self, info: Info, input: MessageActionInput) -> ExchangeResult:
        ctx = info.context
        return await exchange_result(info, lambda: service.refer(
            ctx.principal, _exchange_id(input.exchange_id), input.version, ctx.now,
            ctx.written(input.message)), input.message)

    @strawberry.mutation(description="A coordinator returns a referred request to the responder.")
    async def return_referral(self, info: Info, input: OptionalMessageActionInput) -> ExchangeResult:
        ctx = info.context
        return await exchange_result(info, lambda: service.return_from_referral(
            ctx.principal, _exchange_id(input.exchange_id), input.version, ctx.now,
            ctx.written(input.message)), input.message)

    @strawberry.mutation(description="A coordinator closes a referred request.")
    async def close_referral(self, info: Info, input: OptionalMessageActionInput) -> ExchangeResult:
        ctx = info.context
        return await exchange_result(info, lambda: service.close_referral(
            ctx.principal, _exchange_id(input.exchange_id), input.version, ctx.now,
            ctx.written(input.message)), input.message)

    @strawberry.mutation(description="Accept the answer and close, with the optional survey.")
    async def close_request(self, info: Info, input: CloseRequestInput) -> ExchangeResult:
        ctx = info.context
        return await exchange_result(info, lambda: service.close(
            ctx.principal, _exchange_id(input.exchange_id), input.version, ctx.now, input.timeliness, input.efforts))

    @strawberry.mutation(description="Withdraw a request that is not yet answered.")
    async def withdraw_request(self, info: Info, input: OptionalMessageActionInput) -> ExchangeResult:
        ctx = info.context
        return await exchange_result(info, lambda: service.withdraw(
            ctx.principal, _exchange_id(input.exchange_id), input.version, ctx.now,
            ctx.written(input.message)), input.message)

    @strawberry.mutation(description="Add free text to an open exchange.")
    async def add_message(self, info: Info, input: AddMessageInput) -> MessageResult:
        ctx = info.context

        async def run() -> MessageSuccess:
            note = await service.add_message(ctx.principal, _exchange_id(input.exchange_id), ctx.now,
                                             ctx.written(input.text) or input.text)
            await translate_latest(ctx.translation, note.exchange_id)
            return MessageSuccess(exchange_message=MessageNode.of(note))

        return await attempt(run)

    @strawberry.mutation(description="Attach a file (PDF, image, office document or text) to an open exchange.")
    async def add_attachment(self, info: Info, input: AddAttachmentInput) -> AttachmentResult:
        ctx = info.context

        async def run() -> AttachmentSuccess:
            upload = cast(UploadFile, input.file)
            chunks, size = [], 0
            while chunk := await upload.read(UPLOAD_CHUNK):
                size += len(chunk)
                chunks.append(chunk)
                if size > ctx.settings.attachment_max_bytes:
                    break
            attachment = await service.add_attachment(
                ctx.principal, _exchange_id(input.exchange_id), ctx.now, ctx.store,
                filename=upload.filename or "", content_type=upload.content_type or "",
                chunks=chunks, max_bytes=ctx.settings.attachment_max_bytes,
            )
            return AttachmentSuccess(attachment=AttachmentNode.of(attachment))

        return await attempt(run)

