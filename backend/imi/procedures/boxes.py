"""Tracking lists of the generic engine: the exchanges awaiting an authority's action (as their definitions say
who moves each state on), those of them overdue or near a deadline, and those escalated to it."""

from datetime import UTC, date, datetime, time, timedelta
from functools import cache

from tortoise.expressions import Q, Subquery

from imi.procedures import rules, sources
from imi.procedures.definitions import definitions
from imi.procedures.models import CaseParty, StateClock
from imi.workflows.definition import PartySource

Waiting = tuple[tuple[tuple[str, ...], str, str, PartySource], ...]


@cache
def waiting() -> Waiting:
    """(procedures, state, party, source) for each state of a data-only workflow and the party that moves it on."""
    found: dict[tuple[str, str, str, PartySource], list[str]] = {}
    for definition in definitions().values():
        flow = definition.workflow
        if not flow.generic:
            continue
        for state in flow.states:
            party = rules.awaited_party(flow, state)
            source = flow.party(party).source if party else None
            if party and source:
                found.setdefault((flow.name, state, party, source), []).append(definition.code)
    return tuple((tuple(codes), state, party, source) for (_, state, party, source), codes in found.items())


sources.on_reload(waiting.cache_clear)


def _played_by(authority_id: int, party: str, source: PartySource) -> Q:
    if source is PartySource.REQUESTING_AUTHORITY:
        return Q(requesting_authority_id=authority_id)
    if source is PartySource.RESPONDING_AUTHORITY:
        return Q(responding_authority_id=authority_id)
    if source is PartySource.REFERRAL_COORDINATOR:
        return Q(referral_coordinator_id=authority_id)
    return Q(id__in=Subquery(CaseParty.filter(authority_id=authority_id, party=party).values("exchange_id")))


def awaiting(authority_id: int) -> Q:
    """Exchanges of data-only workflows whose current state awaits a step of `authority_id`."""
    conditions = [Q(procedure__in=list(codes), state=state) & _played_by(authority_id, party, source)
                  for codes, state, party, source in waiting()]
    if not conditions:
        return Q(id__in=[])
    return Q(*conditions, join_type="OR")


def overdue(authority_id: int) -> Q:
    late = StateClock.filter(overdue_since__isnull=False).values("exchange_id")
    return awaiting(authority_id) & Q(id__in=Subquery(late))


def near_deadline(authority_id: int, today: date, days: int) -> Q:
    start = datetime.combine(today + timedelta(days=1), time(0), tzinfo=UTC)
    soon = StateClock.filter(due_at__gte=start, due_at__lte=start + timedelta(days=days)).values("exchange_id")
    return awaiting(authority_id) & Q(id__in=Subquery(soon))


def escalated(authority_id: int) -> Q:
    """Exchanges of data-only workflows whose current state's deadline was escalated to `authority_id`."""
    generic = sorted({code for codes, _, _, _ in waiting() for code in codes})
    return Q(procedure__in=generic) & Q(
        id__in=Subquery(StateClock.filter(escalated_to_id=authority_id).values("exchange_id")))


def taking_part(authority_id: int) -> Q:
    return Q(id__in=Subquery(CaseParty.filter(authority_id=authority_id).values("exchange_id")))
