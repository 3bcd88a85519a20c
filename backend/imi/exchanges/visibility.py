"""How one caller sees one exchange: its parts in it, its rights, whether it sees personal data or only the
limited view, and the actions its procedure's workflow allows it now."""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from imi.accounts.principal import Principal
from imi.accounts.profiles import Profile, Scope
from imi.broadcasts import rules as broadcast_rules
from imi.broadcasts.models import Participant
from imi.errors import NotFound
from imi.exchanges import rules as request_rules
from imi.exchanges.models import Exchange
from imi.procedures import rules as case_rules
from imi.procedures.models import CaseParty
from imi.reference import ExchangeKind, procedure
from imi.workflows import Transition, Workflow, engine, workflow

BROADCAST_KINDS = frozenset({ExchangeKind.ALERT.value, ExchangeKind.NOTIFICATION.value})


@dataclass(frozen=True)
class Visible:
    """An exchange as one caller may see it."""

    exchange: Exchange
    parties: frozenset[str]
    profiles: frozenset[Profile]
    personal_data_visible: bool
    limited: bool = False
    participants: tuple[Participant, ...] = ()
    viewer: int | None = None  # the caller's authority
    case_parties: tuple[CaseParty, ...] = ()  # the authorities playing a party of many (generic workflows)

    @property
    def workflow(self) -> Workflow:
        return workflow(procedure(self.exchange.procedure).workflow)

    @property
    def allowed_actions(self) -> list[str]:
        return engine.allowed_actions(self.workflow, self.exchange.state, self.parties, self.profiles)

    @property
    def allowed_transitions(self) -> list[Transition]:
        return engine.allowed_transitions(self.workflow, self.exchange.state, self.parties, self.profiles)


def view(principal: Principal, exchange: Exchange,
         participants: Sequence[Participant | CaseParty] = ()) -> Visible | None:
    """How `principal` sees `exchange` (a broadcast or a case with its participants), or None when it may not
    see it."""
    profiles = principal.profiles_in(exchange.legal_area)
    blocked = exchange.personal_data_blocked_at is not None
    limited = False
    broadcast = [p for p in participants if isinstance(p, Participant)]
    cases = tuple(p for p in participants if isinstance(p, CaseParty))
    flow = workflow(procedure(exchange.procedure).workflow)
    if flow.generic:
        parties = case_rules.parties(flow, principal.authority_id, exchange.requesting_authority_id,
                                     exchange.responding_authority_id, exchange.referral_coordinator_id,
                                     [(p.authority_id, p.party) for p in cases])
        readable = case_rules.can_read(parties, profiles)
        personal = case_rules.can_see_personal_data(parties, blocked)
    elif exchange.kind in BROADCAST_KINDS:
        parties = broadcast_rules.parties(principal.authority_id, exchange.requesting_authority_id,
                                          [(p.authority_id, p.role.value) for p in broadcast])
        readable = broadcast_rules.can_read(parties, profiles)
        broadcasting = procedure(exchange.procedure).broadcasting
        personal = broadcast_rules.can_see_personal_data(parties, blocked, broadcasting)
        limited = broadcast_rules.limited(parties, broadcasting)
    else:
        parties = frozenset(request_rules.parties(
            principal.authority_id, exchange.state, exchange.requesting_authority_id,
            exchange.responding_authority_id, exchange.referral_coordinator_id,
        ))
        readable = request_rules.can_read(parties, profiles)
        personal = request_rules.can_see_personal_data(parties, exchange.accepted_at is not None, blocked)
    if not principal.has_scope(Scope.EXCHANGES_READ) or not readable:
        return None
    return Visible(exchange, parties, profiles if principal.signed_in else frozenset(),
                   personal and principal.has_scope(Scope.PERSONAL_DATA_READ), limited, tuple(broadcast),
                   principal.authority_id, cases)


async def participants_of(exchanges: Iterable[Exchange]) -> dict[int, list[Participant | CaseParty]]:
    """The participants of the broadcasts, and the case parties of the generic exchanges, among `exchanges`
    (one query each)."""
    exchanges = list(exchanges)
    ids = [e.id for e in exchanges if e.kind in BROADCAST_KINDS]
    cases = [e.id for e in exchanges if workflow(procedure(e.procedure).workflow).generic]
    grouped: dict[int, list[Participant | CaseParty]] = defaultdict(list)
    if ids:
        for participant in await Participant.filter(exchange_id__in=ids).order_by("id"):
            grouped[participant.exchange_id].append(participant)
    if cases:
        for party in await CaseParty.filter(exchange_id__in=cases).order_by("id"):
            grouped[party.exchange_id].append(party)
    return grouped


async def get_visible(principal: Principal, exchange_id: int) -> Visible:
    exchange = await Exchange.get_or_none(id=exchange_id)
    if exchange is None:
        raise NotFound("no such exchange")
    participants = (await participants_of([exchange])).get(exchange.id, [])
    seen = view(principal, exchange, participants)
    if seen is None:
        raise NotFound("no such exchange")
    return seen
