"""One entry for every procedure: data-only workflows run on the generic engine, the kinds with their own
services (requests, alerts, notifications) on those."""

from datetime import datetime

from imi.accounts.principal import Principal
from imi.errors import NotFound
from imi.exchanges.models import Exchange
from imi.procedures import legacy, service
from imi.procedures.legacy import LegacyInput


async def perform(principal: Principal, exchange_id: int, version: int, action: str, now: datetime,
                  given: LegacyInput) -> Exchange:
    exchange = await Exchange.get_or_none(id=exchange_id)
    if exchange is None:
        raise NotFound("no such exchange")
    found = service.definition_of(exchange.procedure)
    if found.generic:
        return await service.perform(principal, exchange_id, version, action, now, given.step)
    return await legacy.perform(principal, exchange, version, action, now, given)


async def create(principal: Principal, procedure: str, subject: str, now: datetime, given: LegacyInput,
                 related_exchange_id: int | None = None) -> Exchange:
    found = service.definition_of(procedure)
    if found.generic:
        return await service.create_case(principal, service.CaseDraft(
            procedure=procedure, subject=subject, step=given.step, related_exchange_id=related_exchange_id), now)
    return await legacy.create(principal, procedure, found.procedure.kind, subject, now, given, related_exchange_id)
