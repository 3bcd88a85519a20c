"""Keeping each exchange's state clock: restarted when it enters a state, recomputed when it changes (a moment
or a form value a deadline depends on), so that the deadline job finds what is due by one indexed query."""

from datetime import datetime

from imi.exchanges.models import Exchange
from imi.procedures.deadlines import Moments, next_due, statuses
from imi.procedures.definitions import definitions
from imi.procedures.models import StateClock
from imi.workflows import Workflow


def flow_of(exchange: Exchange) -> Workflow | None:
    found = definitions().get(exchange.procedure)
    return found.workflow if found else None


def moments_of(exchange: Exchange, entered_at: datetime) -> Moments:
    return Moments(state_entered=entered_at, created_at=exchange.created_at, sent_at=exchange.sent_at,
                   accepted_at=exchange.accepted_at, answered_at=exchange.answered_at,
                   decision_date=exchange.decision_date, period_end=exchange.period_end)


async def refresh(exchange: Exchange, now: datetime, *, entered: bool) -> None:
    """After a change of `exchange` (already saved): on entering a state (`entered`, at `now`) the clock
    restarts; otherwise the next deadline is recomputed from the current moments and answers."""
    flow = flow_of(exchange)
    if flow is None or not flow.deadlines:
        return
    clock = await StateClock.get_or_none(exchange_id=exchange.id)
    restart = entered or clock is None or clock.state != exchange.state
    entered_at = now if restart or clock is None else clock.entered_at
    done = [] if restart or clock is None else list(clock.done)
    found = statuses(flow, exchange.state, moments_of(exchange, entered_at), exchange.answers, done)
    due = None if exchange.state in flow.terminal else next_due(found)
    if clock is None:
        await StateClock.create(exchange_id=exchange.id, state=exchange.state, entered_at=entered_at, due_at=due)
    elif restart:
        await StateClock.filter(exchange_id=exchange.id).update(
            state=exchange.state, entered_at=entered_at, due_at=due, done=[], overdue_since=None,
            escalated_to_id=None, revision=clock.revision + 1)
    elif due != clock.due_at:
        await StateClock.filter(exchange_id=exchange.id).update(due_at=due, revision=clock.revision + 1)
