"""A workflow definition and its validation: states, parties, transitions with guards, deadlines per state."""

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from imi.accounts.profiles import Profile


class DeadlineEffect(StrEnum):
    """What happens when a deadline passes."""

    REMINDER = "REMINDER"  # the parties are reminded; the exchange shows as overdue
    ESCALATION = "ESCALATION"  # the party's coordinator is told
    LEGAL_EFFECT = "LEGAL_EFFECT"  # the law attaches a consequence (e.g. tacit recognition): `then` applies


class WorkflowError(ValueError):
    """A definition that cannot work; the message names the file and line."""

    def __init__(self, path: Path, line: int | None, message: str) -> None:
        super().__init__(f"{path.name}:{line or '?'}: {message}")


@dataclass(frozen=True, slots=True)
class Transition:
    action: str
    by: str  # the party that may take it
    from_states: frozenset[str]
    to: str | None  # None: the state does not change
    profiles: frozenset[Profile]
    requires: tuple[str, ...] = ()  # input fields that must be given
    form: str | None = None  # the catalogue form filled in with this step


@dataclass(frozen=True, slots=True)
class Deadline:
    """A time limit in a state, counted in calendar days from a moment (`from_field`) of the exchange."""

    state: str
    days: int
    from_field: str
    effect: DeadlineEffect
    then: str | None = None  # for a legal effect: the action applied automatically


@dataclass(frozen=True, slots=True)
class Workflow:
    name: str
    parties: tuple[str, ...]
    states: tuple[str, ...]
    initial: str
    terminal: frozenset[str]
    transitions: tuple[Transition, ...]
    deadlines: tuple[Deadline, ...] = ()

    @property
    def actions(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t.action for t in self.transitions))


def _located(node: Any) -> int | None:
    return node.get("__line__") if isinstance(node, dict) else None


def validate(path: Path, raw: dict[str, Any], flow: Workflow) -> None:
    """Refuse a definition with unknown states or parties, transitions without a party or right, states that
    cannot be reached, or deadlines that do not fit."""
    states = set(flow.states)
    line = _located(raw)
    if flow.initial not in states:
        raise WorkflowError(path, line, f"initial state {flow.initial} is not among the states")
    if not flow.terminal <= states:
        raise WorkflowError(path, line, f"terminal states {sorted(flow.terminal - states)} are not states")
    for transition, node in zip(flow.transitions, raw.get("transitions", []), strict=True):
        where = _located(node)
        if transition.by not in flow.parties:
            raise WorkflowError(path, where, f"{transition.action}: party {transition.by!r} is not declared")
        if not transition.profiles:
            raise WorkflowError(path, where, f"{transition.action}: no right allows it")
        unknown = (transition.from_states | {transition.to or next(iter(transition.from_states))}) - states
        if unknown:
            raise WorkflowError(path, where, f"{transition.action}: unknown states {sorted(unknown)}")
        if transition.from_states & flow.terminal and transition.to is not None:
            raise WorkflowError(path, where, f"{transition.action}: leaves a terminal state")
    reached, frontier = {flow.initial}, [flow.initial]
    while frontier:
        state = frontier.pop()
        for transition in flow.transitions:
            if state in transition.from_states and transition.to and transition.to not in reached:
                reached.add(transition.to)
                frontier.append(transition.to)
    if states - reached:
        raise WorkflowError(path, line, f"unreachable states: {sorted(states - reached)}")
    for deadline, node in zip(flow.deadlines, raw.get("deadlines", []), strict=True):
        if deadline.state not in states or deadline.days <= 0:
            raise WorkflowError(path, _located(node), f"deadline in {deadline.state}: unknown state or days <= 0")
        if deadline.effect is DeadlineEffect.LEGAL_EFFECT and deadline.then not in flow.actions:
            raise WorkflowError(path, _located(node), f"deadline in {deadline.state}: `then` must be an action")
