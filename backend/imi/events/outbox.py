"""The dispatcher: numbers committed events in order and publishes them to the bus."""

import asyncio
import contextlib
import logging
from collections.abc import Callable

from imi.events import log as event_log
from imi.events import signal
from imi.events.bus import Bus

logger = logging.getLogger(__name__)


class Dispatcher:
    """Runs in every app process. It wakes when this process commits events, and polls for events committed by
    other processes (workers, the command line). Each round it also audits the bus: events the log holds that
    the bus did not bring (a Redis restart, a worker killed before publishing) are read from the log and
    delivered."""

    def __init__(self, bus: Bus, poll_seconds: float = 0.5) -> None:
        self.bus = bus
        self.poll_seconds = poll_seconds
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._unlisten: Callable[[], None] | None = None

    async def dispatch(self) -> int:
        """Number and publish every pending event; the count."""
        total = 0
        while batch := await event_log.assign_positions():
            await self.bus.publish(batch)
            total += len(batch)
        return total

    async def repair(self) -> int:
        """Deliver from the log what the bus lost (one read for all of this process's listeners); the count."""
        missing = self.bus.audit(await event_log.highest())
        if missing is None:
            return 0
        after, upto = missing
        count = 0
        while batch := await event_log.read_after(after, upto=upto):
            for event in batch:
                self.bus.deliver(event)
            after, count = batch[-1].position, count + len(batch)
        return count

    async def _run(self) -> None:
        delay = self.poll_seconds
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=delay)
            self._wake.clear()
            try:
                await self.dispatch()
                await self.repair()
                delay = self.poll_seconds
            except Exception as error:  # the database is away: keep trying, never die
                logger.warning("event dispatch failed: %s", error)
                delay = min(delay * 2, 2.0)

    def start(self) -> None:
        self._unlisten = signal.listen(self._wake.set)
        self._task = asyncio.create_task(self._run(), name="event-dispatcher")

    async def stop(self) -> None:
        if self._unlisten:
            self._unlisten()
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
