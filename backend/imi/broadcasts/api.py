"""GraphQL mutations of alerts and notifications (thin: each authorises through the broadcasts service)."""

import datetime as dt
from typing import Annotated, Any

import strawberry

from imi.broadcasts import service
from imi.exchanges.api import AnswerInput, ExchangeResult, exchange_result
from imi.exchanges.models import Exchange
from imi.exchanges.schema import ExchangeNode
from imi.exchanges.visibility import get_visible
from imi.graphql.context import Info
from imi.graphql.errors import InvalidTransition, NotAllowed, NotFound, ValidationFailed, attempt
from imi.graphql.ids import decode


@strawberry.input(description="A new alert or notification: its procedure's form, personal data and countries.")
class CreateBroadcastInput:
    procedure: str
    subject: str = strawberry.field(description="A short title without personal data.")
    form: list[AnswerInput] = strawberry.field(default_factory=list, description="Personal data included.")
    countries: list[str] = strawberry.field(default_factory=list, description="Ignored when it goes to all.")
    decision_date: dt.date | None = strawberry.field(default=None, description="Alerts: the date of the decision.")
    period_end: dt.date | None = strawberry.field(default=None, description="Alerts: when the restriction ends.")


@strawberry.input
class ModifyBroadcastInput:
    exchange_id: strawberry.ID
    version: int
    subject: str | None = None
    form: list[AnswerInput] | None = None
    period_end: dt.date | None = None
    countries: list[str] | None = None


@strawberry.input
class BroadcastStepInput:
    exchange_id: strawberry.ID
    version: int
    message: str | None = None


@strawberry.input(description="Allocate an alert, or disseminate a notification, to authorities of your country.")
class HandOnInput:
    exchange_id: strawberry.ID
    authority_ids: list[strawberry.ID]


@strawberry.input
class AcknowledgeInput:
    exchange_id: strawberry.ID


@strawberry.type
class HandOnSuccess:
    exchange: ExchangeNode
    added: int = strawberry.field(description="How many authorities were newly allocated.")


HandOnResult = Annotated[
    HandOnSuccess | NotFound | NotAllowed | InvalidTransition | ValidationFailed, strawberry.union("HandOnResult")
]


def _id(value: strawberry.ID) -> int:
    return decode(value, "Exchange", "exchangeId")


def _form(values: list[AnswerInput] | None) -> dict[str, Any] | None:
    return None if values is None else {v.item: v.raw() for v in values}


async def _node(info: Info, exchange_id: int) -> ExchangeNode:
    return ExchangeNode.of(await get_visible(info.context.principal, exchange_id))


@strawberry.type
class BroadcastMutations:
    @strawberry.mutation(description="Start a draft alert or notification.")
    async def create_broadcast(self, info: Info, input: CreateBroadcastInput) -> ExchangeResult:
        ctx = info.context
        return await exchange_result(info, lambda: service.create(ctx.principal, service.BroadcastDraft(
            procedure=input.procedure, subject=input.subject, form=_form(input.form) or {}, countries=input.countries,
            decision_date=input.decision_date, period_end=input.period_end,
        ), ctx.now))

    @strawberry.mutation(description="The sender corrects its alert or notification.")
    async def modify_broadcast(self, info: Info, input: ModifyBroadcastInput) -> ExchangeResult:
        ctx = info.context
        return await exchange_result(info, lambda: service.modify(
            ctx.principal, _id(input.exchange_id), input.version, ctx.now, subject=input.subject,
            form=_form(input.form), period_end=input.period_end, countries=input.countries,
        ))

    @strawberry.mutation(description="Submit a complete alert to your coordinator for validation.")
    async def submit_alert(self, info: Info, input: BroadcastStepInput) -> ExchangeResult:
        ctx = info.context
        return await exchange_result(info, lambda: service.submit(ctx.principal, _id(input.exchange_id), input.version,
                                                            ctx.now))

    @strawberry.mutation(description="A coordinator validates an alert of its country: it goes out.")
    async def validate_alert(self, info: Info, input: BroadcastStepInput) -> ExchangeResult:
        ctx = info.context
        return await exchange_result(info, lambda: service.validate(
            ctx.principal, _id(input.exchange_id), input.version, ctx.now))

    @strawberry.mutation(description="A coordinator returns an alert to its sender, saying why.")
    async def return_alert(self, info: Info, input: BroadcastStepInput) -> ExchangeResult:
        ctx = info.context
        return await exchange_result(info, lambda: service.return_to_sender(
            ctx.principal, _id(input.exchange_id), input.version, ctx.now, ctx.written(input.message or "")),
            input.message)

    @strawberry.mutation(description="Send a complete notification to its countries.")
    async def send_notification(self, info: Info, input: BroadcastStepInput) -> ExchangeResult:
        ctx = info.context
        return await exchange_result(info, lambda: service.send(ctx.principal, _id(input.exchange_id), input.version,
                                                          ctx.now))

    @strawberry.mutation(description="A receiving coordinator hands an alert or notification on to authorities.")
    async def hand_on_broadcast(self, info: Info, input: HandOnInput) -> HandOnResult:
        ctx = info.context

        async def run() -> HandOnSuccess:
            pk = _id(input.exchange_id)
            seen_kind = (await Exchange.get_or_none(id=pk))
            action = "DISSEMINATE" if seen_kind and seen_kind.kind == "NOTIFICATION" else "ALLOCATE"
            added = await service.hand_on(ctx.principal, pk, [decode(a, "Authority", "authorityIds")
                                                              for a in input.authority_ids], ctx.now, action)
            return HandOnSuccess(exchange=await _node(info, pk), added=len(added))

        return await attempt(run)

    @strawberry.mutation(description="Acknowledge receipt of an alert or notification for your authority.")
    async def acknowledge_broadcast(self, info: Info, input: AcknowledgeInput) -> ExchangeResult:
        ctx = info.context

        async def act() -> Exchange:
            pk = _id(input.exchange_id)
            await service.acknowledge(ctx.principal, pk, ctx.now)
            return await Exchange.get(id=pk)

        return await exchange_result(info, act)

    @strawberry.mutation(description="The sender closes its alert or notification.")
    async def close_broadcast(self, info: Info, input: BroadcastStepInput) -> ExchangeResult:
        ctx = info.context
        return await exchange_result(info, lambda: service.close(ctx.principal, _id(input.exchange_id), input.version,
                                                           ctx.now))

    @strawberry.mutation(description="The sender withdraws its alert or notification.")
    async def withdraw_broadcast(self, info: Info, input: BroadcastStepInput) -> ExchangeResult:
        ctx = info.context
        return await exchange_result(info, lambda: service.withdraw(
            ctx.principal, _id(input.exchange_id), input.version, ctx.now, ctx.written(input.message)),
            input.message)
