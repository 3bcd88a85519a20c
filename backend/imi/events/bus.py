"""The bus that carries positioned events to every app worker (to its hub, see `hub.py`).

In-process by default; Redis pub/sub when `IMI_REDIS_URL` is set, so that several workers serve one stream.
The bus may drop or duplicate (a full queue, a Redis restart, a worker killed between numbering events and
publishing them); what listens to it orders by position and reads gaps from the log, so subscribers still get
each event once and in order. The dispatcher also audits the bus against the log (`audit`): events the log
holds that the bus has not brought within a grace period are read from the log once and delivered. A `Resync`
tells a listener whose queue overflowed to read the log itself.
"""

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Protocol
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from imi.events.message import Resync, StreamEvent

if TYPE_CHECKING:
    import redis.asyncio as redis

log = logging.getLogger(__name__)
QUEUE_SIZE = 1000
GRACE_SECONDS = 1.0  # how long an event may travel between workers before the bus counts it as lost
LOSSES_BEFORE_RENEWAL = 3  # losses in a row (and nothing from Redis in between) that make the bus reconnect
Item = StreamEvent | Resync


class Bus(Protocol):
    async def publish(self, events: Sequence[StreamEvent]) -> None: ...

    def listen(self) -> contextlib.AbstractAsyncContextManager["asyncio.Queue[Item]"]: ...

    def deliver(self, item: "Item") -> None: ...

    def audit(self, logged: int, now: float | None = None) -> tuple[int, int] | None: ...

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


class _Fanout:
    """Local listeners, each with a bounded queue; an overflowing listener is told to resynchronise."""

    def __init__(self) -> None:
        self._queues: set[asyncio.Queue[Item]] = set()
        self.highest = 0  # the highest position delivered to this process's listeners
        self._suspect: tuple[int, float] | None = None  # a position the log held, and since when
        self._losses = 0  # audits in a row that found events missing

    def deliver(self, item: Item) -> None:
        if isinstance(item, StreamEvent):
            self.highest = max(self.highest, item.position)
        for queue in list(self._queues):
            try:
                queue.put_nowait(item)
            except asyncio.QueueFull:
                while not queue.empty():
                    queue.get_nowait()
                queue.put_nowait(Resync())

    def audit(self, logged: int, now: float | None = None) -> tuple[int, int] | None:
        """Compare the log's highest position with what this bus delivered. A position the log held at least
        `GRACE_SECONDS` ago and still not delivered was lost on the way: the positions after `highest` up to it
        are returned for the caller to read from the log and `deliver` (listeners skip what they already have).
        """
        now = time.monotonic() if now is None else now
        missing = None
        if self._suspect is not None:
            position, since = self._suspect
            if self.highest >= position:
                self._suspect = None
            elif now - since >= GRACE_SECONDS:
                log.warning("the bus did not carry events %d to %d: read from the log", self.highest + 1, position)
                missing = (self.highest, position)
                self._suspect = None
                self._losses += 1
                if self._losses >= LOSSES_BEFORE_RENEWAL:
                    self._losses = 0
                    self.renew()
        if self._suspect is None and logged > max(self.highest, missing[1] if missing else 0):
            self._suspect = (logged, now)
        return missing

    def renew(self) -> None:
        """Called when the bus keeps losing events; a bus with a connection renews it."""

    @asynccontextmanager
    async def listen(self) -> AsyncIterator["asyncio.Queue[Item]"]:
        queue: asyncio.Queue[Item] = asyncio.Queue(QUEUE_SIZE)
        self._queues.add(queue)
        try:
            yield queue
        finally:
            self._queues.discard(queue)


class InProcessBus(_Fanout):
    """One process: publishing is delivering."""

    async def publish(self, events: Sequence[StreamEvent]) -> None:
        for event in events:
            self.deliver(event)

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        return None


def redis_target(url: str) -> tuple[str, str]:
    """The Redis URL to connect to, and the channel of this installation's events. Pub/sub channels are shared
    by all of a server's databases, so the channel is named after the URL's database number
    (`redis://host:6379/3` → `imi:events:3`), or given outright with `?channel=<name>`: installations that
    share a Redis server must use different numbers or channels."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    named = [value for key, value in query if key == "channel" and value]
    rest = urlencode([(key, value) for key, value in query if key != "channel"])
    database = parts.path.strip("/")
    channel = named[-1] if named else f"imi:events:{database if database.isdigit() else 0}"
    return urlunsplit(parts._replace(query=rest)), channel


class RedisBus(_Fanout):
    """Publishes to a Redis channel and delivers what the channel carries; reconnects with backoff."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url, self.channel = redis_target(url)
        self._task: asyncio.Task[None] | None = None
        self._client: redis.Redis | None = None

    async def start(self) -> None:
        import redis.asyncio as redis

        self._client = redis.from_url(self.url, socket_connect_timeout=2, socket_timeout=5)
        self._task = asyncio.create_task(self._read(), name="redis-bus")

    async def stop(self) -> None:
        await self._stop_reading()
        if self._client is not None:
            await self._client.aclose()

    async def _stop_reading(self) -> None:
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    def renew(self) -> None:
        """Events keep going missing although the subscription looks alive (a half-open connection)."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
            self._task = asyncio.create_task(self._read(), name="redis-bus")

    async def publish(self, events: Sequence[StreamEvent]) -> None:
        for event in events:
            self.deliver(event)  # local listeners at once; the copy from Redis is skipped by position
        assert self._client is not None
        for attempt in (1, 2):  # a connection the server closed (a Redis restart) fails once, then reconnects
            try:
                async with self._client.pipeline(transaction=False) as pipe:
                    for event in events:
                        pipe.publish(self.channel, event.to_json())
                    await pipe.execute()
                return
            except Exception as error:  # Redis down: the other workers' audits find the events in the log
                if attempt == 2:
                    log.warning("could not publish %d events to Redis: %s", len(events), error)

    async def _read(self) -> None:
        import redis.asyncio as redis

        delay = 0.2
        while True:
            client = redis.from_url(self.url, socket_connect_timeout=2)
            try:
                async with client.pubsub() as pubsub:
                    await pubsub.subscribe(self.channel)
                    delay = 0.2
                    # (Re)subscribed: what was published while we were away is in the log; the audit brings it.
                    async for message in pubsub.listen():
                        if message.get("type") == "message":
                            self._losses = 0
                            self.deliver(StreamEvent.from_json(message["data"]))
            except asyncio.CancelledError:
                raise
            except Exception as error:
                log.warning("Redis bus disconnected (%s); retrying in %.1fs", error, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 2.0)
            finally:
                with contextlib.suppress(Exception):
                    await client.aclose()


def bus_for(redis_url: str | None) -> Bus:
    return RedisBus(redis_url) if redis_url else InProcessBus()
