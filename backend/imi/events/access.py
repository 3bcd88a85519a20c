"""Which events of the stream a subscriber receives.

An event is delivered when the subscriber may see its exchange now (checked per event, with its rights as they
are now) and its authority already took part in the exchange when the event happened: a responder receives a
request's events from the sending (or the forwarding) to it on, a receiving coordinator an alert's from its
broadcast on, a handler from its allocation on. So a subscriber that resumes from a cursor receives the same
events as one that stayed connected. What is read about an event's exchange is read once per process and
shared by that process's subscribers for a moment (`Snapshots`).
"""

import asyncio
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any
from weakref import WeakKeyDictionary

from imi.accounts.principal import Principal
from imi.broadcasts.models import Participant
from imi.events.message import StreamEvent
from imi.exchanges.models import Exchange, ExchangeEvent
from imi.exchanges.visibility import BROADCAST_KINDS, Visible, participants_of, view
from imi.reference import ExchangeKind

HANDED_TO_RESPONDER = ("SEND", "FORWARD")  # the request actions that make an authority its responder
REFERRED = "REFER"
SNAPSHOT_SECONDS = 2.0  # how long subscribers of one process share what was read about an event
SNAPSHOTS_KEPT = 512


@dataclass(frozen=True)
class Snapshot:
    """An exchange as it stood when its event was delivered: its row, a broadcast's participants, and the
    positions from which a request's current responder and its referral coordinator take part."""

    exchange: Exchange
    participants: tuple[Any, ...] = ()  # what `participants_of` gives (a broadcast's `Participant`s)
    responder_since: int = 0
    referral_since: int = 0
    views: dict[tuple[object, ...], Visible | None] = field(default_factory=dict, compare=False)

    @cached_property
    def involved(self) -> frozenset[int]:
        """Every authority with a part in the exchange: no other may see it (a cheap first check)."""
        x = self.exchange
        ids = {x.requesting_authority_id, x.responding_authority_id, x.referral_coordinator_id}
        ids.update(p.authority_id for p in self.participants)
        return frozenset(i for i in ids if i is not None)

    def view_for(self, principal: Principal) -> Visible | None:
        """How `principal` sees the exchange; worked out once for the subscribers that share its identity."""
        if principal.authority_id not in self.involved:
            return None
        key = (principal.authority_id, principal.signed_in, principal.grants, principal.scopes)
        if key not in self.views:
            self.views[key] = view(principal, self.exchange, self.participants)
        return self.views[key]


def took_part(event: StreamEvent, authority_id: int | None, snapshot: Snapshot) -> bool:
    """Whether `authority_id` took part in the exchange when `event` happened (pure)."""
    exchange = snapshot.exchange
    if authority_id is None:
        return False
    if authority_id == exchange.requesting_authority_id:
        return True
    if exchange.kind in BROADCAST_KINDS:
        joined = [p.added_at for p in snapshot.participants
                  if isinstance(p, Participant) and p.authority_id == authority_id]
        return bool(joined) and min(joined) <= event.at
    if exchange.kind != ExchangeKind.REQUEST.value:
        return True  # other kinds: whoever may see the exchange now receives its events
    since = []
    if authority_id == exchange.responding_authority_id:
        since.append(snapshot.responder_since)
    if authority_id == exchange.referral_coordinator_id:
        since.append(snapshot.referral_since)
    return any(event.position >= position for position in since)


async def _read(exchange_id: int) -> Snapshot | None:
    exchange = await Exchange.get_or_none(id=exchange_id)
    if exchange is None:
        return None
    participants = tuple((await participants_of([exchange])).get(exchange.id, []))
    if exchange.kind != ExchangeKind.REQUEST.value:
        return Snapshot(exchange, participants)
    steps = await ExchangeEvent.filter(
        exchange_id=exchange_id, action__in=[*HANDED_TO_RESPONDER, REFERRED], position__not_isnull=True,
    ).order_by("position").values_list("action", "position")
    # A step no longer in the log (older than what it retains) was before every event still delivered: 0.
    handed = [int(position) for action, position in steps if action in HANDED_TO_RESPONDER]
    referred = [int(position) for action, position in steps if action == REFERRED]
    return Snapshot(exchange, participants, handed[-1] if handed else 0, referred[0] if referred else 0)


class Snapshots:
    """What the subscribers of one process read about recent events, read once: concurrent readers of the same
    event share one query (in a task of its own, so that a subscriber leaving does not cancel it for the
    others), and its result is kept for `SNAPSHOT_SECONDS`."""

    def __init__(self) -> None:
        self._kept: OrderedDict[int, tuple[float, asyncio.Task[Snapshot | None]]] = OrderedDict()

    async def of(self, event: StreamEvent) -> Snapshot | None:
        now = time.monotonic()
        found = self._kept.get(event.position)
        if found is None or now - found[0] >= SNAPSHOT_SECONDS or _failed(found[1]):
            found = (now, asyncio.create_task(_read(event.exchange_id)))
            self._kept[event.position] = found
            self._kept.move_to_end(event.position)
            while len(self._kept) > SNAPSHOTS_KEPT:
                self._kept.popitem(last=False)
        task = found[1]
        return task.result() if task.done() else await asyncio.shield(task)


def _failed(task: "asyncio.Task[Snapshot | None]") -> bool:
    return task.done() and (task.cancelled() or task.exception() is not None)


_snapshots: "WeakKeyDictionary[object, Snapshots]" = WeakKeyDictionary()


def snapshots_for(bus: object) -> Snapshots:
    """The snapshots shared by the subscribers of one bus (one app)."""
    found = _snapshots.get(bus)
    if found is None:
        found = _snapshots[bus] = Snapshots()
    return found
