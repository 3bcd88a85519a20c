"""Deciding transitions (pure): who may take which action from which state, and what state follows."""

from collections.abc import Iterable

from imi.accounts.profiles import Profile
from imi.errors import InvalidTransition, NotAllowed
from imi.workflows.definition import SYSTEM, Transition, Workflow


def transition_for(flow: Workflow, state: str, action: str, parties: Iterable[str],
                   profiles: Iterable[Profile]) -> Transition:
    """The step `action` takes, or a refusal: `NotAllowed` (no part or right) or `InvalidTransition`."""
    parties, profiles = frozenset(parties) - {SYSTEM}, frozenset(profiles)
    by_party = [t for t in flow.transitions if t.action == action and t.by in parties]
    if not by_party:
        raise NotAllowed(f"your authority has no part in {action} on this exchange")
    permitted = [t for t in by_party if t.profiles & profiles]
    if not permitted:
        needed = ", ".join(sorted({p.value for t in by_party for p in t.profiles}))
        raise NotAllowed(f"{action} needs one of these rights in the legal area: {needed}")
    for transition in permitted:
        if state in transition.from_states:
            return transition
    raise InvalidTransition(f"{action} is not possible while the exchange is {state}", state, action)


def decide(flow: Workflow, state: str, action: str, parties: Iterable[str], profiles: Iterable[Profile]) -> str:
    """The state after `action`, or a refusal: `NotAllowed` (no part or right) or `InvalidTransition`."""
    return transition_for(flow, state, action, parties, profiles).to or state


def system_transition(flow: Workflow, state: str, action: str) -> Transition:
    """The step a deadline's legal effect applies from `state`; `InvalidTransition` if there is none."""
    for transition in flow.transitions:
        if transition.action == action and state in transition.from_states and transition.to:
            return transition
    raise InvalidTransition(f"{action} is not possible while the exchange is {state}", state, action)


def allowed_transitions(flow: Workflow, state: str, parties: Iterable[str],
                        profiles: Iterable[Profile]) -> list[Transition]:
    """The steps the caller may take now (one per action), in the definition's order."""
    parties, profiles = frozenset(parties) - {SYSTEM}, frozenset(profiles)
    found: dict[str, Transition] = {}
    for t in flow.transitions:
        if t.by in parties and t.profiles & profiles and state in t.from_states:
            found.setdefault(t.action, t)
    return list(found.values())


def allowed_actions(flow: Workflow, state: str, parties: Iterable[str], profiles: Iterable[Profile]) -> list[str]:
    """Every action the caller may take now, in the definition's order."""
    return [t.action for t in allowed_transitions(flow, state, parties, profiles)]
