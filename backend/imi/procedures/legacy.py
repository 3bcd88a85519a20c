"""`performAction` and `createExchange` for the kinds that have their own services (information requests,
alerts, notifications): each action goes to the service that already implements its side effects (reply dates,
broadcasting, allocation), so that one mutation serves every procedure."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from imi.accounts.principal import Principal
from imi.broadcasts import service as broadcasts
from imi.errors import NotAllowed, ValidationFailed
from imi.exchanges import service as requests
from imi.exchanges.models import Exchange
from imi.procedures.definitions import definitions
from imi.procedures.service import StepInput
from imi.reference import ExchangeKind


@dataclass(frozen=True)
class LegacyInput:
    """What the dedicated mutations take beyond a step's common input."""

    step: StepInput = field(default_factory=StepInput)
    reply_date: date | None = None  # SEND: the requested reply date; ACCEPT: another date proposed
    timeliness: int | None = None  # CLOSE: the optional survey
    efforts: int | None = None
    questions: list[dict[str, Any]] = field(default_factory=list)  # requests: the chosen questions
    personal_data: dict[str, str] = field(default_factory=dict)  # requests: the personal-data fields
    decision_date: date | None = None  # alerts
    period_end: date | None = None


Step = Callable[[Principal, int, int, datetime, LegacyInput], Awaitable[Exchange]]


async def _message_then_reload(principal: Principal, pk: int, now: datetime, text: str | None) -> Exchange:
    await requests.add_message(principal, pk, now, text or "")
    return await Exchange.get(id=pk)


async def _hand_on(principal: Principal, pk: int, now: datetime, given: LegacyInput, action: str) -> Exchange:
    await broadcasts.hand_on(principal, pk, list(given.step.authority_ids), now, action)
    return await Exchange.get(id=pk)


async def _acknowledge(principal: Principal, pk: int, now: datetime) -> Exchange:
    await broadcasts.acknowledge(principal, pk, now)
    return await Exchange.get(id=pk)


REQUEST_STEPS: dict[str, Step] = {
    "SEND": lambda p, pk, v, now, i: requests.send(p, pk, v, now, i.reply_date),
    "ACCEPT": lambda p, pk, v, now, i: requests.accept(p, pk, v, now, i.reply_date),
    "FORWARD": lambda p, pk, v, now, i: requests.forward(p, pk, v, now, _to(i), i.step.message),
    "ANSWER": lambda p, pk, v, now, i: requests.answer(p, pk, v, now, dict(i.step.form), i.step.message),
    "REQUEST_FURTHER_INFORMATION": lambda p, pk, v, now, i: requests.request_further_information(
        p, pk, v, now, i.step.message or ""),
    "REFER": lambda p, pk, v, now, i: requests.refer(p, pk, v, now, i.step.message or ""),
    "RETURN_FROM_REFERRAL": lambda p, pk, v, now, i: requests.return_from_referral(p, pk, v, now, i.step.message),
    "CLOSE_REFERRAL": lambda p, pk, v, now, i: requests.close_referral(p, pk, v, now, i.step.message),
    "CLOSE": lambda p, pk, v, now, i: requests.close(p, pk, v, now, i.timeliness, i.efforts),
    "WITHDRAW": lambda p, pk, v, now, i: requests.withdraw(p, pk, v, now, i.step.message),
    "ADD_MESSAGE": lambda p, pk, v, now, i: _message_then_reload(p, pk, now, i.step.message),
}
BROADCAST_STEPS: dict[str, Step] = {
    "SUBMIT": lambda p, pk, v, now, i: broadcasts.submit(p, pk, v, now),
    "VALIDATE": lambda p, pk, v, now, i: broadcasts.validate(p, pk, v, now),
    "RETURN_TO_SENDER": lambda p, pk, v, now, i: broadcasts.return_to_sender(p, pk, v, now, i.step.message or ""),
    "SEND": lambda p, pk, v, now, i: broadcasts.send(p, pk, v, now),
    "ALLOCATE": lambda p, pk, v, now, i: _hand_on(p, pk, now, i, "ALLOCATE"),
    "DISSEMINATE": lambda p, pk, v, now, i: _hand_on(p, pk, now, i, "DISSEMINATE"),
    "ACKNOWLEDGE": lambda p, pk, v, now, i: _acknowledge(p, pk, now),
    "MODIFY": lambda p, pk, v, now, i: broadcasts.modify(
        p, pk, v, now, form=dict(i.step.form) or None, period_end=i.period_end,
        countries=list(i.step.countries) or None),
    "CLOSE": lambda p, pk, v, now, i: broadcasts.close(p, pk, v, now),
    "WITHDRAW": lambda p, pk, v, now, i: broadcasts.withdraw(p, pk, v, now, i.step.message),
    "ADD_MESSAGE": lambda p, pk, v, now, i: _message_then_reload(p, pk, now, i.step.message),
}


def _to(given: LegacyInput) -> int:
    if given.step.to_authority_id is None:
        raise ValidationFailed.single("toAuthorityId", "choose the authority to forward to")
    return given.step.to_authority_id


def steps_for(kind: str) -> dict[str, Step]:
    return BROADCAST_STEPS if kind in (ExchangeKind.ALERT, ExchangeKind.NOTIFICATION) else REQUEST_STEPS


async def perform(principal: Principal, exchange: Exchange, version: int, action: str, now: datetime,
                  given: LegacyInput) -> Exchange:
    """Run `action` through its kind's own service (which checks the workflow itself)."""
    if action not in definitions()[exchange.procedure].workflow.actions:
        raise NotAllowed(f"{action} is not an action of this procedure")
    step = steps_for(exchange.kind).get(action)
    if step is None:
        raise ValidationFailed.single("action", f"{action}: use its dedicated mutation")
    return await step(principal, exchange.id, version, now, given)


async def create(principal: Principal, procedure: str, kind: ExchangeKind, subject: str, now: datetime,
                 given: LegacyInput, related_exchange_id: int | None) -> Exchange:
    if kind is ExchangeKind.REQUEST:
        return await requests.create_request(principal, requests.RequestDraft(
            procedure=procedure, subject=subject, responding_authority_id=given.step.to_authority_id,
            requested_reply_date=given.reply_date, questions=given.questions, personal_data=given.personal_data,
            related_exchange_id=related_exchange_id), now)
    return await broadcasts.create(principal, broadcasts.BroadcastDraft(
        procedure=procedure, subject=subject, form=dict(given.step.form), countries=list(given.step.countries),
        decision_date=given.decision_date, period_end=given.period_end), now)
