"""The hub: one per app process, between the bus and the subscriptions of that process.

It follows the bus in position order, fills any gap from the log, reads each event's exchange once
(`Snapshots`), and hands the event only to the subscriptions it may concern: those of the authorities taking part
in the exchange, and those following that exchange's timeline. So an event costs in proportion to the
subscribers it concerns, not to all of them. `last` is the position up to which every event has been handed
out; a subscription registered at that moment reads what comes before it from the log.
"""

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Iterator
from weakref import WeakKeyDictionary

from imi.events import log
from imi.events.access import Snapshot, snapshots_for
from imi.events.bus import Bus
from imi.events.message import Resync, StreamEvent

logger = logging.getLogger(__name__)
QUEUE_SIZE = 1000
Routed = tuple[StreamEvent, Snapshot] | Resync


class Subscription:
    """What the hub hands one subscription: events with their snapshots, in position order. When the consumer
    falls `QUEUE_SIZE` behind, the queue is emptied for a `Resync(upto)`: read the log up to `upto`."""

    def __init__(self) -> None:
        self.queue: asyncio.Queue[Routed] = asyncio.Queue(QUEUE_SIZE)

    def offer(self, event: StreamEvent, snapshot: Snapshot) -> None:
        try:
            self.queue.put_nowait((event, snapshot))
        except asyncio.QueueFull:
            while not self.queue.empty():
                self.queue.get_nowait()
            self.queue.put_nowait(Resync(upto=event.position - 1))
            self.queue.put_nowait((event, snapshot))


class Hub:
    """The process's single follower of the bus; `last` is the position up to which it has handed events on."""

    def __init__(self, bus: Bus) -> None:
        self.bus = bus
        self.snapshots = snapshots_for(bus)
        self.last = 0
        self._by_authority: dict[int, set[Subscription]] = {}
        self._by_exchange: dict[int, set[Subscription]] = {}
        self._started = asyncio.Event()
        self.subscribed = asyncio.Event()  # set at each subscription (clear it to wait for the next one)
        self._task: asyncio.Task[None] | None = None

    async def started(self) -> "Hub":
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="event-hub")
        await self._started.wait()
        return self

    @contextlib.contextmanager
    def subscribe(self, *, authority: int | None = None, exchange: int | None = None) -> Iterator[Subscription]:
        """A subscription to the events of exchanges `authority` takes part in, or of one `exchange`."""
        subscription = Subscription()
        index, key = (self._by_exchange, exchange) if exchange is not None else (self._by_authority, authority)
        if key is not None:
            index.setdefault(key, set()).add(subscription)
        self.subscribed.set()
        try:
            yield subscription
        finally:
            if key is not None and key in index:
                index[key].discard(subscription)
                if not index[key]:
                    del index[key]

    async def _run(self) -> None:
        async with self.bus.listen() as queue:
            delay = 0.2
            while True:
                try:
                    if not self._started.is_set():
                        self.last = await log.highest()
                        self._started.set()
                    await self._follow(queue)
                except asyncio.CancelledError:
                    raise
                except Exception as error:  # the database is away: keep the position, read the log again later
                    logger.warning("the event hub stopped at position %d (%s); retrying", self.last, error)
                    await asyncio.sleep(delay)
                    delay = min(delay * 2, 5.0)
                    if queue.empty():
                        queue.put_nowait(Resync())

    async def _follow(self, queue: "asyncio.Queue[StreamEvent | Resync]") -> None:
        while True:
            item = await queue.get()
            if isinstance(item, Resync):
                missed = _replay(self.last)
            elif item.position <= self.last:
                continue
            elif item.position > self.last + 1:
                missed = _replay(self.last, upto=item.position)
            else:
                missed = _single(item)
            async for event in missed:
                await self._route(event)
                self.last = event.position

    async def _route(self, event: StreamEvent) -> None:
        if not self._by_authority and event.exchange_id not in self._by_exchange:
            return
        snapshot = await self.snapshots.of(event)
        if snapshot is None:
            return
        targets = set(self._by_exchange.get(event.exchange_id, ()))
        for authority in snapshot.involved:
            targets.update(self._by_authority.get(authority, ()))
        for subscription in targets:
            subscription.offer(event, snapshot)


async def _replay(after: int, upto: int | None = None) -> AsyncIterator[StreamEvent]:
    while batch := await log.read_after(after, upto=upto):
        for event in batch:
            yield event
        after = batch[-1].position


async def _single(event: StreamEvent) -> AsyncIterator[StreamEvent]:
    yield event


_hubs: "WeakKeyDictionary[object, Hub]" = WeakKeyDictionary()


async def hub_for(bus: Bus) -> Hub:
    """The started hub of one bus (one app)."""
    found = _hubs.get(bus)
    if found is None:
        found = _hubs[bus] = Hub(bus)
    return await found.started()
