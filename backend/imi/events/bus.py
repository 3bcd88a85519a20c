"""The bus that carries positioned events to the subscribers of every app worker.

In-process by default; Redis pub/sub when `IMI_REDIS_URL` is set, so that several workers serve one stream.
The bus may drop or duplicate (a full queue, a Redis restart): subscribers resume from the log by position, so
delivery to them is still exactly once and in order. A `Resync` tells them to look at the log.
"""

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Protocol

from imi.events.message import Resync, StreamEvent

if TYPE_CHECKING:
    import redis.asyncio as redis

log = logging.getLogger(__name__)
QUEUE_SIZE = 1000
Item = StreamEvent | Resync


class Bus(Protocol):
    async def publish(self, events: Sequence[StreamEvent]) -> None: ...

    def listen(self) -> contextlib.AbstractAsyncContextManager["asyncio.Queue[Item]"]: ...

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


class _Fanout:
    """Local listeners, each with a bounded queue; an overflowing listener is told to resynchronise."""

    def __init__(self) -> None:
        self._queues: set[asyncio.Queue[Item]] = set()

    def deliver(self, item: Item) -> None:
        for queue in list(self._queues):
            try:
                queue.put_nowait(item)
            except asyncio.QueueFull:
                while not queue.empty():
                    queue.get_nowait()
                queue.put_nowait(Resync())

    @asynccontextmanager
    async def listen(self) -> AsyncIterator["asyncio.Queue[Item]"]:
        queue: asyncio.Queue[Item] = asyncio.Queue(QUEUE_SIZE)
        self._queues.add(queue)
        try:
            yield queue
        finally:
            self._queues.discard(queue)

    @property
    def listeners(self) -> int:
        return len(self._queues)


class InProcessBus(_Fanout):
    """One process: publishing is delivering."""

    async def publish(self, events: Sequence[StreamEvent]) -> None:
        for event in events:
            self.deliver(event)

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        return None


class RedisBus(_Fanout):
    """Publishes to a Redis channel and delivers what the channel carries; reconnects with backoff."""

    def __init__(self, url: str, channel: str = "imi:events") -> None:
        super().__init__()
        self.url = url
        self.channel = channel
        self._task: asyncio.Task[None] | None = None
        self._client: redis.Redis | None = None

    async def start(self) -> None:
        import redis.asyncio as redis

        self._client = redis.from_url(self.url, socket_connect_timeout=2, socket_timeout=5)
        self._task = asyncio.create_task(self._read(), name="redis-bus")

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self._client is not None:
            await self._client.aclose()

    async def publish(self, events: Sequence[StreamEvent]) -> None:
        for event in events:
            self.deliver(event)  # local listeners at once; the copy from Redis is skipped by position
        assert self._client is not None
        try:
            async with self._client.pipeline(transaction=False) as pipe:
                for event in events:
                    pipe.publish(self.channel, event.to_json())
                await pipe.execute()
        except Exception as error:  # Redis down: other workers resynchronise when it is back
            log.warning("could not publish %d events to Redis: %s", len(events), error)

    async def _read(self) -> None:
        import redis.asyncio as redis

        delay = 0.2
        while True:
            try:
                client = redis.from_url(self.url, socket_connect_timeout=2)
                async with client.pubsub() as pubsub:
                    await pubsub.subscribe(self.channel)
                    self.deliver(Resync())  # anything published while we were away is in the log
                    delay = 0.2
                    async for message in pubsub.listen():
                        if message.get("type") == "message":
                            self.deliver(StreamEvent.from_json(message["data"]))
            except asyncio.CancelledError:
                raise
            except Exception as error:
                log.warning("Redis bus disconnected (%s); retrying in %.1fs", error, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)


def bus_for(redis_url: str | None) -> Bus:
    return RedisBus(redis_url) if redis_url else InProcessBus()
