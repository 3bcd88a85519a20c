"""Following the event stream from a cursor: replay from the log, then live, without loss or duplicates.

A subscriber gives the position it has seen (its cursor). It registers with its process's hub, which hands it
the live events of the exchanges it takes part in, gaps already filled from the log; what lies between the
cursor and the hub's position at registration is read from the log. Positions only grow, so each event is
delivered once and in order.
"""

from collections.abc import AsyncIterator, Callable
from typing import TypeVar

from imi.errors import DomainError
from imi.events import log
from imi.events.access import Snapshot, snapshots_for
from imi.events.bus import Bus
from imi.events.hub import hub_for
from imi.events.message import Resync, StreamEvent


class CursorError(DomainError):
    """The cursor cannot be resumed from; `code` says whether it is malformed (`CURSOR_MALFORMED`) or must be
    given up for a fresh start (`RESYNC_REQUIRED`). GraphQL shows the code in the error's `extensions`."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code
        self.extensions = {"code": code}


T = TypeVar("T")
MALFORMED = "CURSOR_MALFORMED"
RESYNC_REQUIRED = "RESYNC_REQUIRED"


def parse_cursor(cursor: str | None) -> int | None:
    """A cursor is the decimal position of the last event seen; None starts at the live end."""
    if cursor is None:
        return None
    if not cursor.isdigit() or len(cursor) > 18:
        raise CursorError("the cursor is not one this stream gave out", MALFORMED)
    return int(cursor)


async def follow(
    bus: Bus, after: int | None, accept: Callable[[StreamEvent, Snapshot], T | None], *,
    authority: int | None = None, exchange: int | None = None,
) -> AsyncIterator[tuple[StreamEvent, T]]:
    """Every event after position `after` of the exchanges `authority` takes part in (or of one `exchange`)
    that `accept` turns into something (not None), then live ones, forever, each with what `accept` made of it.

    The subscription is registered with this process's hub first; the log gives what came before the hub's
    position, the hub what comes after; positions already seen are skipped."""
    hub = await hub_for(bus)
    snapshots = snapshots_for(bus)
    with hub.subscribe(authority=authority, exchange=exchange) as subscription:
        handed = hub.last  # read in the same step as the registration: from here on the hub hands events on
        low, high = await log.bounds()
        if after is None:
            last = handed
        elif after > max(high, handed):
            raise CursorError("the cursor is ahead of this stream: resynchronise", RESYNC_REQUIRED)
        elif low > after + 1:
            raise CursorError("events after this cursor are no longer retained: resynchronise", RESYNC_REQUIRED)
        else:
            last = after
        upto: int | None = handed
        while True:
            if upto is not None and upto > last:
                async for event in _replay(last, upto):
                    last = event.position
                    snapshot = await snapshots.of(event)
                    if snapshot is not None and (accepted := accept(event, snapshot)) is not None:
                        yield event, accepted
            item = await subscription.queue.get()
            if isinstance(item, Resync):
                upto = item.upto
                continue
            event, snapshot = item
            upto = None
            if event.position <= last:
                continue
            last = event.position
            if (accepted := accept(event, snapshot)) is not None:
                yield event, accepted


async def _replay(after: int, upto: int) -> AsyncIterator[StreamEvent]:
    while batch := await log.read_after(after, upto=upto):
        for event in batch:
            yield event
        after = batch[-1].position
