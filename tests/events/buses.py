"""An in-process bus for tests that says when subscriptions follow it."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from imi.events.bus import InProcessBus, Item


class WatchedBus(InProcessBus):
    """An in-process bus whose listeners can be awaited."""

    def __init__(self) -> None:
        super().__init__()
        self._changed = asyncio.Condition()

    @asynccontextmanager
    async def listen(self) -> AsyncIterator["asyncio.Queue[Item]"]:
        async with super().listen() as queue:
            async with self._changed:
                self._changed.notify_all()
            yield queue

    async def listened_by(self, count: int) -> None:
        """Return once `count` listeners follow the bus."""
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: self.listeners >= count), 10)
