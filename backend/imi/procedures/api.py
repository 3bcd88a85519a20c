"""GraphQL of the generic path: any procedure's definition, and two mutations that create and act on an
exchange of any procedure (thin: each authorises through the services)."""

import datetime as dt

import strawberry

from imi.catalogue.schema import reader_language
from imi.exchanges.api import (
    AnswerInput,
    ExchangeResult,
    PersonalDataInput,
    QuestionInput,
    exchange_result,
)
from imi.exchanges.models import Exchange
from imi.graphql.context import Info
from imi.graphql.ids import decode
from imi.procedures import dispatch
from imi.procedures.definitions import definitions
from imi.procedures.legacy import LegacyInput
from imi.procedures.schema import ProcedureDefinition
from imi.procedures.service import StepInput
from imi.reference.schema import ExchangeKind


@strawberry.input(description="A new exchange of any procedure. Cases take the start form (`form`) and, where "
                              "their workflow names a party at once, `counterpartId` or `authorityIds`; requests "
                              "take `questions`, `personalData`, `counterpartId` and `requestedReplyDate`; alerts "
                              "and notifications take `form` and `countries`.")
class CreateExchangeInput:
    procedure: str
    subject: str = strawberry.field(description="A short title without personal data.")
    form: list[AnswerInput] = strawberry.field(default_factory=list)
    counterpart_id: strawberry.ID | None = None
    authority_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    countries: list[str] = strawberry.field(default_factory=list)
    requested_reply_date: dt.date | None = None
    questions: list[QuestionInput] = strawberry.field(default_factory=list)
    personal_data: list[PersonalDataInput] = strawberry.field(default_factory=list)
    decision_date: dt.date | None = None
    period_end: dt.date | None = None
    related_exchange_id: strawberry.ID | None = None


@strawberry.input(description="One action on any exchange, as `allowedActions`/`actions` list it. `form` holds "
                              "the step's form (for an answer: the answers); `toAuthorityId` names one authority "
                              "(forward, submit, transmit), `authorityIds` several (share, allocate).")
class PerformActionInput:
    exchange_id: strawberry.ID
    version: int
    action: str
    form: list[AnswerInput] = strawberry.field(default_factory=list)
    message: str | None = None
    to_authority_id: strawberry.ID | None = None
    authority_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    countries: list[str] = strawberry.field(default_factory=list)
    reply_date: dt.date | None = strawberry.field(default=None, description="SEND: the requested reply date; "
                                                                            "ACCEPT: another date proposed.")
    timeliness: int | None = strawberry.field(default=None, description="CLOSE: the optional survey, 1 to 5.")
    efforts: int | None = None
    period_end: dt.date | None = None


def _authorities(values: list[strawberry.ID], field: str) -> tuple[int, ...]:
    return tuple(decode(v, "Authority", field) for v in values)


def _optional_authority(value: strawberry.ID | None, field: str) -> int | None:
    return decode(value, "Authority", field) if value is not None else None


@strawberry.type
class ProcedureQueries:
    @strawberry.field(description="A procedure's whole definition, labelled in your language or `language`.")
    def procedure_definition(self, info: Info, code: str, language: str | None = None) -> ProcedureDefinition | None:
        found = definitions().get(code)
        return ProcedureDefinition.of(found, reader_language(info, language)) if found else None

    @strawberry.field(description="Every procedure's definition (optionally of some kinds or one legal area).")
    def procedure_definitions(self, info: Info, kinds: list[ExchangeKind] | None = None,
                              legal_area: str | None = None, language: str | None = None) -> list[ProcedureDefinition]:
        lang = reader_language(info, language)
        wanted = {k.value for k in kinds or []}
        return [ProcedureDefinition.of(d, lang) for d in definitions().values()
                if (not wanted or d.procedure.kind.value in wanted)
                and (legal_area is None or d.procedure.legal_area == legal_area)]


@strawberry.type
class ProcedureMutations:
    @strawberry.mutation(description="Start an exchange of any procedure.")
    async def create_exchange(self, info: Info, input: CreateExchangeInput) -> ExchangeResult:
        ctx = info.context

        async def run() -> Exchange:
            return await dispatch.create(ctx.principal, input.procedure, input.subject, ctx.now, _create_input(input),
                                         decode(input.related_exchange_id, "Exchange", "relatedExchangeId")
                                         if input.related_exchange_id else None)

        return await exchange_result(info, run)

    @strawberry.mutation(description="Take an action on any exchange: the workflow's guards (party, right, "
                                     "state, required fields), the step's form and the version are checked.")
    async def perform_action(self, info: Info, input: PerformActionInput) -> ExchangeResult:
        ctx = info.context

        async def run() -> Exchange:
            pk = decode(input.exchange_id, "Exchange", "exchangeId")
            return await dispatch.perform(ctx.principal, pk, input.version, input.action, ctx.now,
                                          _perform_input(input))

        return await exchange_result(info, run)


def _create_input(input: CreateExchangeInput) -> LegacyInput:
    return LegacyInput(
        step=StepInput(form={a.item: a.raw() for a in input.form},
                       to_authority_id=_optional_authority(input.counterpart_id, "counterpartId"),
                       authority_ids=_authorities(input.authority_ids, "authorityIds"),
                       countries=tuple(input.countries)),
        reply_date=input.requested_reply_date,
        questions=[{"item": q.item, "params": {p.name: p.value for p in q.parameters}} for q in input.questions],
        personal_data={p.field: p.value for p in input.personal_data},
        decision_date=input.decision_date, period_end=input.period_end,
    )


def _perform_input(input: PerformActionInput) -> LegacyInput:
    return LegacyInput(
        step=StepInput(form={a.item: a.raw() for a in input.form}, message=input.message,
                       to_authority_id=_optional_authority(input.to_authority_id, "toAuthorityId"),
                       authority_ids=_authorities(input.authority_ids, "authorityIds"),
                       countries=tuple(input.countries)),
        reply_date=input.reply_date, timeliness=input.timeliness, efforts=input.efforts, period_end=input.period_end,
    )
