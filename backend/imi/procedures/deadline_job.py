"""Applying passed deadlines, each exactly once: a reminder or an escalation becomes a timeline event (and marks
the exchange overdue, or escalated to the late party's coordinator); a legal effect applies its step. The job
runs from the command line (`imi deadlines run`) and periodically in the server, with the clock it is given;
an action on an exchange first applies what is due (so that nobody acts after a legal effect)."""

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from datetime import datetime

from imi import db
from imi.authorities.models import Authority
from imi.authorities.service import coordinator_of
from imi.clock import Clock
from imi.events import signal
from imi.exchanges.models import Exchange, ExchangeEvent
from imi.procedures import hooks, rules, tracking
from imi.procedures.deadlines import DeadlineStatus, next_due, pending, statuses
from imi.procedures.models import CaseParty, StateClock
from imi.procedures.tracking import flow_of, moments_of
from imi.workflows import DeadlineEffect, Workflow
from imi.workflows.engine import system_transition

logger = logging.getLogger(__name__)
BATCH = 200
MAX_STEPS = 20  # deadlines applied to one exchange in one call (legal effects may chain)
EVENT_ACTIONS = {DeadlineEffect.REMINDER: "DEADLINE_REMINDER", DeadlineEffect.ESCALATION: "DEADLINE_ESCALATION"}


@dataclass(frozen=True)
class Applied:
    exchange_id: int
    deadline: str
    effect: DeadlineEffect
    action: str  # the timeline event's action (the legal effect's step)


async def run(now: datetime, limit: int = BATCH) -> list[Applied]:
    """Apply every deadline passed by `now`, in batches of exchanges whose next deadline has passed."""
    applied: list[Applied] = []
    seen: set[int] = set()
    while True:
        query = StateClock.filter(due_at__lte=now)
        if seen:
            query = query.exclude(exchange_id__in=sorted(seen))
        due = [int(row["exchange_id"]) for row in await query.order_by("due_at").limit(limit).values("exchange_id")]
        if not due:
            return applied
        for exchange_id in due:
            seen.add(exchange_id)
            applied += await apply_due(exchange_id, now)


async def apply_due(exchange_id: int, now: datetime) -> list[Applied]:
    """Apply the passed deadlines of one exchange, the earliest first; each in its own transaction, guarded so
    that two runs never apply the same deadline twice."""
    applied: list[Applied] = []
    for _ in range(MAX_STEPS):
        step = await _apply_next(exchange_id, now)
        if step is None:
            break
        signal.committed()
        applied.append(step)
    return applied


async def _apply_next(exchange_id: int, now: datetime) -> Applied | None:
    async with db.transaction():
        clock = await StateClock.filter(exchange_id=exchange_id).select_for_update().first()
        exchange = await Exchange.get_or_none(id=exchange_id)
        flow = flow_of(exchange) if exchange else None
        if clock is None or exchange is None or flow is None:
            return None
        if clock.state != exchange.state:  # changed by a writer that does not keep clocks: start afresh
            await tracking.refresh(exchange, exchange.updated_at, entered=True)
            return None
        found = statuses(flow, exchange.state, moments_of(exchange, clock.entered_at), exchange.answers, clock.done)
        passed = pending(found, now)
        if not passed:
            if clock.due_at != next_due(found):
                await StateClock.filter(exchange_id=exchange_id).update(due_at=next_due(found))
            return None
        first = passed[0]
        if first.deadline.effect is DeadlineEffect.LEGAL_EFFECT:
            return await _legal_effect(exchange, clock, flow, first, now)
        return await _notice(exchange, clock, flow, first, found, now)


async def _notice(exchange: Exchange, clock: StateClock, flow: Workflow, status: DeadlineStatus,
                  found: list[DeadlineStatus], now: datetime) -> Applied | None:
    deadline = status.deadline
    rest = [s if s.deadline.key != deadline.key else DeadlineStatus(s.deadline, s.due_date, s.passes_at, True)
            for s in found]
    changes: dict[str, object] = {"done": [*clock.done, deadline.key], "due_at": next_due(rest),
                                  "revision": clock.revision + 1, "overdue_since": clock.overdue_since or now}
    data: dict[str, object] = {"deadline": deadline.key, "effect": deadline.effect.value,
                               "due": status.due_date.isoformat() if status.due_date else None}
    if deadline.effect is DeadlineEffect.ESCALATION:
        late = rules.authority_of(flow, rules.awaited_party(flow, exchange.state), exchange.requesting_authority_id,
                                  exchange.responding_authority_id, exchange.referral_coordinator_id)
        coordinator = await coordinator_of(await Authority.get(id=late), exchange.legal_area)
        if coordinator is not None:
            changes["escalated_to_id"] = coordinator
            data["to"] = coordinator
            if flow.generic:
                await _follow(exchange, coordinator, now)
        data["late"] = late
    if not await StateClock.filter(exchange_id=exchange.id, revision=clock.revision).update(**changes):
        return None
    await ExchangeEvent.create(exchange_id=exchange.id, action=EVENT_ACTIONS[deadline.effect],
                               from_state=exchange.state, to_state=exchange.state, at=now, data=data)
    return Applied(exchange.id, deadline.key, deadline.effect, EVENT_ACTIONS[deadline.effect])


async def _follow(exchange: Exchange, coordinator: int, now: datetime) -> None:
    """The coordinator told of a late party follows the exchange from now on."""
    authority = await Authority.get(id=coordinator)
    await CaseParty.get_or_create(exchange_id=exchange.id, authority_id=coordinator, party=rules.COORDINATOR,
                                  defaults={"country": authority.country, "added_at": now})


async def _legal_effect(exchange: Exchange, clock: StateClock, flow: Workflow, status: DeadlineStatus,
                        now: datetime) -> Applied | None:
    deadline = status.deadline
    assert deadline.then is not None and status.passes_at is not None
    step = system_transition(flow, exchange.state, deadline.then)
    changes: dict[str, object] = {moment: now for moment in rules.stamps(step, flow.terminal)}
    updated = await Exchange.filter(id=exchange.id, version=exchange.version).update(
        **changes, state=step.to, version=exchange.version + 1, updated_at=now)
    if not updated:
        return None
    await ExchangeEvent.create(exchange_id=exchange.id, action=step.action, from_state=exchange.state,
                               to_state=step.to, at=now,
                               data={"deadline": deadline.key, "effect": deadline.effect.value,
                                     "due": status.due_date.isoformat() if status.due_date else None})
    # The state was entered when the deadline passed, whenever the job noticed it.
    await hooks.changed(exchange.id, exchange.state, status.passes_at)
    return Applied(exchange.id, deadline.key, deadline.effect, step.action)


class DeadlineRunner:
    """Runs the job every `interval` seconds in a server process (0: never)."""

    def __init__(self, clock: Clock, interval: float) -> None:
        self.clock = clock
        self.interval = interval
        self._task: asyncio.Task[None] | None = None

    async def _loop(self) -> None:
        while True:
            try:
                applied = await run(self.clock.now())
                if applied:
                    logger.info("applied %d deadlines", len(applied))
            except Exception as error:  # the database is away: try again next time, never die
                logger.warning("deadline job failed: %s", error)
            await asyncio.sleep(self.interval)

    def start(self) -> None:
        if self.interval > 0:
            self._task = asyncio.create_task(self._loop(), name="deadline-job")

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
