"""Following the stream in one process, with a bus that misbehaves on purpose: dropped, duplicated and reordered
messages, a resynchronisation, an overflowing listener, cursors that cannot be resumed; the bus's audit; which
events reach whom (`took_part`). In-process and fast: the multi-process cases are in test_failures."""

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from imi.broadcasts.models import Participant, Role
from imi.events import bus as bus_module
from imi.events import hub as hub_module
from imi.events import log
from imi.events.access import Snapshot, Snapshots, took_part
from imi.events.bus import InProcessBus
from imi.events.hub import Subscription, hub_for
from imi.events.message import Resync, StreamEvent
from imi.events.outbox import Dispatcher
from imi.events.stream import MALFORMED, RESYNC_REQUIRED, CursorError, follow, parse_cursor
from imi.exchanges import service
from imi.exchanges.models import Exchange, ExchangeEvent
from tests import world

START = datetime(2026, 3, 2, 9, tzinfo=UTC)


@pytest.fixture
async def drafted(clean_db: str, clock) -> int:
    """Six committed events of one draft request, not numbered yet; the requesting authority."""
    now = clock.now()
    person = await world.official(await world.authority("DE", now), now)
    draft = await service.create_request(await world.principal_of(person), service.RequestDraft(
        procedure=world.PROCEDURE, subject="Anfrage"), now)
    for i in range(5):
        await ExchangeEvent.create(exchange_id=draft.id, action="ADD_MESSAGE", from_state="DRAFT", to_state="DRAFT",
                                   at=now + timedelta(seconds=i), data={})
    return draft.requesting_authority_id


@pytest.fixture
async def logged(drafted: int) -> list[StreamEvent]:
    """The six events, numbered."""
    events = await log.assign_positions()
    assert [e.position for e in events] == [1, 2, 3, 4, 5, 6]
    return events


async def _positions(subscription: Subscription, count: int) -> list[int]:
    found = []
    for _ in range(count):
        item = await asyncio.wait_for(subscription.queue.get(), 5)
        assert not isinstance(item, Resync)
        found.append(item[0].position)
    return found


def _position(event: StreamEvent, snapshot: Snapshot) -> int:
    return event.position


async def test_the_hub_mends_dropped_duplicated_and_reordered_messages_from_the_log(drafted: int) -> None:
    bus = InProcessBus()
    hub = await hub_for(bus)
    events = await log.assign_positions()
    with hub.subscribe(authority=drafted) as subscription, hub.subscribe(authority=drafted + 99) as elsewhere:
        for position in (5, 4, 5, 6):  # 1 to 3 dropped, 4 after 5, 5 twice
            bus.deliver(events[position - 1])
        assert await _positions(subscription, 6) == [1, 2, 3, 4, 5, 6]
        assert elsewhere.queue.empty(), "an authority without a part gets nothing"
    assert hub.last == 6


async def test_the_hub_reads_the_log_for_what_the_bus_never_brought(drafted: int) -> None:
    bus = InProcessBus()
    hub = await hub_for(bus)
    await log.assign_positions()  # a worker numbered them and died before publishing
    with hub.subscribe(authority=drafted) as subscription:
        bus.deliver(Resync())
        assert await _positions(subscription, 6) == [1, 2, 3, 4, 5, 6]


def test_an_overflowing_subscription_is_told_up_to_where_to_read_the_log(monkeypatch) -> None:
    monkeypatch.setattr(hub_module, "QUEUE_SIZE", 2)
    subscription = Subscription()
    snapshot = Snapshot(_exchange("REQUEST"))
    for position in (1, 2, 3, 4):
        subscription.offer(_event(position), snapshot)
    assert [subscription.queue.get_nowait() for _ in range(2)] == [Resync(upto=3), (_event(4), snapshot)]


async def test_a_follower_replays_then_follows_live_and_catches_up_after_overflowing(
        drafted: int, monkeypatch) -> None:
    monkeypatch.setattr(hub_module, "QUEUE_SIZE", 2)
    bus = InProcessBus()
    hub = await hub_for(bus)
    events = await log.assign_positions()
    hub.subscribed.clear()
    stream = follow(bus, 1, _position, authority=drafted)
    first = asyncio.create_task(anext(stream))
    await hub.subscribed.wait()
    bus.deliver(events[-1])  # the hub hands 1 to 6 on; the follower, not reading, overflows
    assert (await first)[0].position == 2
    assert [(await anext(stream))[0].position for _ in range(4)] == [3, 4, 5, 6]
    await stream.aclose()


async def test_cursors_that_cannot_be_resumed(logged) -> None:
    for bad in ("", "-1", "abc", "1.5", "9" * 19):
        with pytest.raises(CursorError) as refused:
            parse_cursor(bad)
        assert refused.value.code == MALFORMED and refused.value.extensions == {"code": MALFORMED}
    bus = InProcessBus()
    authority = (await Exchange.get(id=logged[0].exchange_id)).requesting_authority_id
    with pytest.raises(CursorError) as ahead:
        await anext(follow(bus, 7, _position, authority=authority))
    assert ahead.value.code == RESYNC_REQUIRED
    await ExchangeEvent.filter(position__lte=3).delete()  # retention removed the oldest events
    with pytest.raises(CursorError) as too_old:
        await anext(follow(bus, 1, _position, authority=authority))
    assert too_old.value.code == RESYNC_REQUIRED
    resumed = follow(bus, 3, _position, authority=authority)
    assert [(await anext(resumed))[1] for _ in range(3)] == [4, 5, 6], "the oldest retained cursor resumes"
    await resumed.aclose()


def _event(position: int) -> StreamEvent:
    return StreamEvent(position, position, 1, "ALERT", "PQ_ALERT", "ADD_MESSAGE", "BROADCAST", "BROADCAST",
                       START, None)


def test_the_audit_reports_only_what_stays_missing_past_the_grace() -> None:
    bus = InProcessBus()
    grace = bus_module.GRACE_SECONDS
    bus.deliver(_event(1))
    assert bus.audit(3, now=100.0) is None, "2 and 3 may still be on their way"
    bus.deliver(_event(2))
    bus.deliver(_event(3))
    assert bus.audit(3, now=100.0 + grace) is None, "they came"
    assert bus.audit(5, now=200.0) is None
    assert bus.audit(5, now=200.0 + grace / 2) is None
    assert bus.audit(6, now=200.0 + grace) == (3, 5), "4 and 5 never came: to be read from the log"
    bus.deliver(_event(4))
    bus.deliver(_event(5))
    assert bus.audit(6, now=200.0 + grace * 1.5) is None, "6 was first seen later: it has its own grace"
    assert bus.audit(6, now=200.0 + grace * 2) == (5, 6)


async def test_the_dispatcher_delivers_from_the_log_what_the_bus_lost(logged, monkeypatch) -> None:
    monkeypatch.setattr(bus_module, "GRACE_SECONDS", 0.0)
    bus = InProcessBus()  # it never carried the six events (their worker died before publishing them)
    dispatcher = Dispatcher(bus)
    async with bus.listen() as queue:
        assert await dispatcher.repair() == 0, "first noticed"
        assert await dispatcher.repair() == 6, "then read once from the log for every listener"
        assert [queue.get_nowait().position for _ in range(6)] == [1, 2, 3, 4, 5, 6]  # type: ignore[union-attr]
        assert await dispatcher.repair() == 0 and queue.empty()


def _exchange(kind: str, **ids: int | None) -> Exchange:
    return Exchange(id=1, kind=kind, procedure="PQ_REQUEST", requesting_authority_id=1,
                    responding_authority_id=ids.get("to"), referral_coordinator_id=ids.get("referral"))


def test_who_took_part_when() -> None:
    request = Snapshot(_exchange("REQUEST", to=2, referral=3), responder_since=4, referral_since=9)
    assert took_part(_event(1), 1, request), "the requester, from the start"
    assert not took_part(_event(3), 2, request) and took_part(_event(4), 2, request), "the responder from sending"
    assert not took_part(_event(8), 3, request) and took_part(_event(9), 3, request), "a referral from referring"
    assert not took_part(_event(5), 7, request) and not took_part(_event(5), None, request)

    allocated = START + timedelta(hours=1)
    alert = Snapshot(_exchange("ALERT"), (
        Participant(authority_id=2, role=Role.RECIPIENT_COORDINATOR, country="PL", added_at=START),
        Participant(authority_id=5, role=Role.HANDLER, country="PL", added_at=allocated)))
    assert took_part(_event(1), 2, alert)
    before = StreamEvent(1, 1, 1, "ALERT", "PQ_ALERT", "VALIDATE", None, "BROADCAST", START, None)
    at_allocation = StreamEvent(2, 2, 1, "ALERT", "PQ_ALERT", "ALLOCATE", None, "BROADCAST", allocated, None)
    assert not took_part(before, 5, alert) and took_part(at_allocation, 5, alert), "a handler from its allocation"


async def test_subscribers_of_one_process_share_one_read(logged) -> None:
    snapshots = Snapshots()
    first, second = await asyncio.gather(snapshots.of(logged[0]), snapshots.of(logged[0]))
    assert first is second and first is not None and first.exchange.id == logged[0].exchange_id
    assert (await snapshots.of(logged[1])) is not first


def test_only_an_involved_authority_is_looked_at_and_one_look_serves_alike_subscribers() -> None:
    from imi.accounts.principal import Grant, Principal
    from imi.accounts.profiles import Profile, Scope

    request = Snapshot(_exchange("REQUEST", to=2))
    request.exchange.state, request.exchange.legal_area = "SENT", "PROFESSIONAL_QUALIFICATIONS"
    request.exchange.personal_data_blocked_at = None
    assert request.involved == {1, 2}
    outsider = Principal(user_id=9, authority_id=7, grants=frozenset({Grant(None, Profile.REQUEST_HANDLER)}),
                         scopes=frozenset({Scope.EVENTS_SUBSCRIBE, Scope.EXCHANGES_READ}))
    assert request.view_for(outsider) is None and not request.views, "not even worked out"
    responder = Principal(user_id=5, authority_id=2, grants=outsider.grants, scopes=outsider.scopes)
    twin = Principal(user_id=6, authority_id=2, grants=outsider.grants, scopes=outsider.scopes)
    seen = request.view_for(responder)
    assert seen is not None and seen.parties == {"RESPONDER"}
    assert request.view_for(twin) is seen and len(request.views) == 1
