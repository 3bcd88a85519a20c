"""Authorisation per event, in one process: a running subscription whose token is revoked is ended with a
refusal at its next event instead of receiving it; one whose token still holds receives it."""

import asyncio

from imi.accounts import service as accounts
from imi.accounts.models import ApiToken
from imi.accounts.service import principal_for_token
from imi.events import log
from imi.events import schema as event_schema
from imi.events.bus import InProcessBus
from imi.events.hub import hub_for
from imi.exchanges import service
from imi.graphql.context import Context
from imi.graphql.schema import schema
from tests import world

EVENTS = "subscription { exchangeEvents(input: {}) { cursor action } }"


async def _subscribe(token: str, bus: InProcessBus, settings, clock) -> object:
    principal = await principal_for_token(token, clock.now())
    assert principal is not None
    context = Context(request=None, response=None, principal=principal, settings=settings, clock=clock,
                      store=None, bus=bus, connection_params={"token": token})
    return await schema.subscribe(EVENTS, context_value=context)


async def test_a_revoked_token_stops_receiving(clean_db: str, settings, clock, monkeypatch) -> None:
    monkeypatch.setattr(event_schema, "RECHECK_SECONDS", 0.0)
    now = clock.now()
    anna = await world.official(await world.authority("DE", now), now)
    scopes = ["events:subscribe", "exchanges:read"]
    kept = (await accounts.create_token(name="kept", scopes=scopes, days=1, now=now, user_id=anna.user_id))
    revoked = (await accounts.create_token(name="revoked", scopes=scopes, days=1, now=now, user_id=anna.user_id))
    bus = InProcessBus()
    hub = await hub_for(bus)
    staying = await _subscribe(kept.plaintext, bus, settings, clock)
    leaving = await _subscribe(revoked.plaintext, bus, settings, clock)
    waiting = []
    for stream in (staying, leaving):  # each follows the stream before anything happens
        hub.subscribed.clear()
        waiting.append(asyncio.create_task(anext(stream)))
        await hub.subscribed.wait()

    await ApiToken.filter(id=revoked.token.id).update(revoked_at=now)
    await service.create_request(await world.principal_of(anna), service.RequestDraft(
        procedure=world.PROCEDURE, subject="Anfrage"), now)
    await bus.publish(await log.assign_positions())
    received, refused = [await task for task in waiting]
    assert received.errors is None and received.data["exchangeEvents"]["action"] == "CREATE"
    assert refused.data is None and "revoked" in refused.errors[0].message
