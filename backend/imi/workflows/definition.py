"""A workflow definition and its validation: parties (and how each is determined), states, transitions with
their guards, the form of each step, and deadlines per state with what happens when one passes."""

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from imi.accounts.profiles import Profile


class DeadlineEffect(StrEnum):
    """What happens when a deadline passes."""

    REMINDER = "REMINDER"  # the parties are reminded; the exchange shows as overdue
    ESCALATION = "ESCALATION"  # the late party's coordinator is told
    LEGAL_EFFECT = "LEGAL_EFFECT"  # the law attaches a consequence (e.g. tacit recognition): `then` applies


class PartySource(StrEnum):
    """Where an exchange names the authority (or authorities) playing a party."""

    REQUESTING_AUTHORITY = "requesting_authority"  # the authority that created the exchange
    RESPONDING_AUTHORITY = "responding_authority"  # one counterpart, assigned by a step (`assign`)
    REFERRAL_COORDINATOR = "referral_coordinator"  # the creator's coordinator, assigned by a step
    PARTICIPANTS = "participants"  # any number of authorities, added by a step (`assign`)


class CountryRule(StrEnum):
    """Where an assigned authority may be, compared with the creator's country."""

    ANY = "any"
    OTHER = "other"
    SAME = "same"


SYSTEM = "SYSTEM"
"""The party of steps nobody takes: a deadline's legal effect applies them."""

INPUTS = frozenset({"message", "to_authority", "authorities", "countries", "form",
                   "requested_reply_date", "responding_authority"})
"""What a step may require besides form items (dotted catalogue ids)."""

STAMPS = frozenset({"sent_at", "accepted_at", "answered_at", "closed_at", "withdrawn_at"})
"""The moments of an exchange a step may record."""

MOMENTS = frozenset({"state_entered", "created_at", "sent_at", "accepted_at", "answered_at", "decision_date",
                     "period_end"})
"""What a deadline may count from (besides a DATE item of the procedure's form, by its dotted id)."""


class WorkflowError(ValueError):
    """A definition that cannot work; the message names the file and line."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        name = path.name if isinstance(path, Path) else path
        super().__init__(f"{name}:{line or '?'}: {message}")


@dataclass(frozen=True, slots=True)
class Party:
    name: str
    source: PartySource | None = None  # None: the exchange kind's own rules (requests, alerts, notifications)
    country: CountryRule = CountryRule.ANY


@dataclass(frozen=True, slots=True)
class Transition:
    action: str
    by: str  # the party that may take it
    from_states: frozenset[str]
    to: str | None  # None: the state does not change
    profiles: frozenset[Profile]
    requires: tuple[str, ...] = ()  # inputs (INPUTS) or form items (dotted ids) that must be given
    form: str | None = None  # the catalogue section filled in with this step
    assign: str | None = None  # the party the step names (`to_authority` or `authorities`)
    stamps: tuple[str, ...] = ()  # moments recorded (e.g. sent_at)
    line: int | None = None

    @property
    def changes_state(self) -> bool:
        return self.to is not None


@dataclass(frozen=True, slots=True)
class Start:
    """Creating an exchange: who may, with which form, naming which party at once."""

    by: str
    profiles: frozenset[Profile]
    form: str | None = None
    requires: tuple[str, ...] = ()
    assign: str | None = None
    stamps: tuple[str, ...] = ()
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Condition:
    """A deadline that applies only when a form item has one of some values."""

    item: str
    values: frozenset[str]

    def holds(self, answers: Mapping[str, object]) -> bool:
        value = answers.get(self.item)
        chosen = value if isinstance(value, list) else [value]
        return any(str(v) in self.values for v in chosen if v is not None)


@dataclass(frozen=True, slots=True)
class Deadline:
    """A time limit in a state, in calendar days (or months) from a moment (`from_field`) of the exchange."""

    state: str
    days: int
    from_field: str
    effect: DeadlineEffect
    then: str | None = None  # for a legal effect: the action applied automatically
    months: int = 0
    when: Condition | None = None
    key: str = ""  # stable within the workflow: `<state>.<n>` unless named
    line: int | None = None

    def applies(self, answers: Mapping[str, object]) -> bool:
        return self.when is None or self.when.holds(answers)


@dataclass(frozen=True, slots=True)
class Workflow:
    name: str
    parties: tuple[str, ...]
    states: tuple[str, ...]
    initial: str
    terminal: frozenset[str]
    transitions: tuple[Transition, ...]
    deadlines: tuple[Deadline, ...] = ()
    party_specs: tuple[Party, ...] = ()
    start: Start | None = None
    source: str = ""  # the file it was read from
    lines: Mapping[str, int] = field(default_factory=dict)  # the line of each top-level key

    @property
    def actions(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t.action for t in self.transitions))

    @property
    def generic(self) -> bool:
        """Every party says where the exchange names it: the generic engine runs it, whatever the kind."""
        return bool(self.party_specs) and all(p.source is not None for p in self.party_specs)

    def party(self, name: str) -> Party:
        return next((p for p in self.party_specs if p.name == name), Party(name))

    def parties_from(self, source: PartySource) -> tuple[str, ...]:
        return tuple(p.name for p in self.party_specs if p.source is source)

    @property
    def creator(self) -> str | None:
        found = self.parties_from(PartySource.REQUESTING_AUTHORITY)
        return found[0] if found else None

    def transitions_of(self, action: str) -> tuple[Transition, ...]:
        return tuple(t for t in self.transitions if t.action == action)

    def deadlines_in(self, state: str) -> tuple[Deadline, ...]:
        return tuple(d for d in self.deadlines if d.state == state)

    def with_deadlines(self, extra: tuple[Deadline, ...]) -> "Workflow":
        """The workflow with a procedure's own deadlines added."""
        return replace(self, deadlines=self.deadlines + extra)

    @property
    def label_codes(self) -> tuple[set[str], set[str], set[str]]:
        """The state, action and party codes the catalogue must label."""
        return set(self.states), set(self.actions), {p for p in self.parties if p != SYSTEM}


def line_of(flow: Workflow, key: str) -> int | None:
    return flow.lines.get(key)


def validate(flow: Workflow) -> None:
    """Refuse a definition with unknown states or parties, transitions without a party or right, states that
    cannot be reached, steps that assign or require what cannot be given, or deadlines that do not fit."""
    path = flow.source
    states = set(flow.states)
    if flow.initial not in states:
        raise WorkflowError(path, line_of(flow, "initial"), f"initial state {flow.initial} is not among the states")
    if not flow.terminal <= states:
        raise WorkflowError(path, line_of(flow, "terminal"),
                            f"terminal states {sorted(flow.terminal - states)} are not states")
    _validate_parties(flow)
    for transition in flow.transitions:
        _validate_transition(flow, transition)
    if flow.start is not None:
        _validate_step(flow, "start", flow.start.by, flow.start.requires, flow.start.assign, flow.start.stamps,
                       flow.start.line)
        if flow.generic and flow.start.by != flow.creator:
            raise WorkflowError(path, flow.start.line, f"start: {flow.start.by} is not the creating party")
    reached, frontier = {flow.initial}, [flow.initial]
    while frontier:
        state = frontier.pop()
        for transition in flow.transitions:
            if state in transition.from_states and transition.to and transition.to not in reached:
                reached.add(transition.to)
                frontier.append(transition.to)
    if states - reached:
        raise WorkflowError(path, line_of(flow, "states"), f"unreachable states: {sorted(states - reached)}")
    for deadline in flow.deadlines:
        validate_deadline(flow, deadline, path)


def _validate_parties(flow: Workflow) -> None:
    if SYSTEM in {p.name for p in flow.party_specs}:
        raise WorkflowError(flow.source, line_of(flow, "parties"), f"{SYSTEM} is reserved for deadline effects")
    if flow.party_specs and any(p.source is not None for p in flow.party_specs):
        unsourced = [p.name for p in flow.party_specs if p.source is None]
        if unsourced:
            raise WorkflowError(flow.source, line_of(flow, "parties"),
                                f"parties {unsourced} do not say where the exchange names them")
        creators = flow.parties_from(PartySource.REQUESTING_AUTHORITY)
        if len(creators) != 1:
            raise WorkflowError(flow.source, line_of(flow, "parties"),
                                "exactly one party is the requesting_authority (the creator)")


def _validate_transition(flow: Workflow, transition: Transition) -> None:
    path, where, action = flow.source, transition.line, transition.action
    if transition.by != SYSTEM and transition.by not in flow.parties:
        raise WorkflowError(path, where, f"{action}: party {transition.by!r} is not declared")
    if transition.by != SYSTEM and not transition.profiles:
        raise WorkflowError(path, where, f"{action}: no right allows it")
    if transition.by == SYSTEM and transition.to is None:
        raise WorkflowError(path, where, f"{action}: a {SYSTEM} step must change the state")
    unknown = (transition.from_states | {transition.to or next(iter(transition.from_states))}) - set(flow.states)
    if unknown:
        raise WorkflowError(path, where, f"{action}: unknown states {sorted(unknown)}")
    if transition.from_states & flow.terminal and transition.to is not None:
        raise WorkflowError(path, where, f"{action}: leaves a terminal state")
    _validate_step(flow, action, transition.by, transition.requires, transition.assign, transition.stamps, where)


def _validate_step(flow: Workflow, action: str, by: str, requires: tuple[str, ...], assign: str | None,
                   stamps: tuple[str, ...], where: int | None) -> None:
    path = flow.source
    odd = [r for r in requires if r not in INPUTS and "." not in r]
    if odd:
        raise WorkflowError(path, where, f"{action}: cannot require {odd} (inputs: {sorted(INPUTS)}, or form items)")
    if set(stamps) - STAMPS:
        raise WorkflowError(path, where, f"{action}: unknown moments {sorted(set(stamps) - STAMPS)}")
    if assign is None:
        return
    if assign not in flow.parties:
        raise WorkflowError(path, where, f"{action}: assigns an undeclared party {assign!r}")
    if flow.party(assign).source in (None, PartySource.REQUESTING_AUTHORITY):
        raise WorkflowError(path, where, f"{action}: party {assign} cannot be assigned by a step")


def validate_deadline(flow: Workflow, deadline: Deadline, path: Path | str) -> None:
    where = deadline.line
    if deadline.state not in flow.states or deadline.days < 0 or deadline.months < 0 or (
            deadline.days == 0 and deadline.months == 0):
        raise WorkflowError(path, where, f"deadline in {deadline.state}: unknown state or days <= 0")
    if deadline.state in flow.terminal:
        raise WorkflowError(path, where, f"deadline in {deadline.state}: a terminal state has no deadline")
    if deadline.from_field not in MOMENTS and "." not in deadline.from_field:
        raise WorkflowError(path, where, f"deadline in {deadline.state}: cannot count from {deadline.from_field!r} "
                                         f"(moments: {sorted(MOMENTS)}, or a date item of the form)")
    if deadline.effect is DeadlineEffect.LEGAL_EFFECT:
        if deadline.then not in flow.actions:
            raise WorkflowError(path, where, f"deadline in {deadline.state}: `then` must be an action")
        if not any(t.action == deadline.then and deadline.state in t.from_states and t.to for t in flow.transitions):
            raise WorkflowError(path, where, f"deadline in {deadline.state}: `then` {deadline.then} does not change "
                                             f"the state from {deadline.state}")
        if flow.generic and not any(t.action == deadline.then and t.by == SYSTEM for t in flow.transitions):
            raise WorkflowError(path, where, f"deadline in {deadline.state}: `then` must be a {SYSTEM} step")
    elif deadline.then is not None:
        raise WorkflowError(path, where, f"deadline in {deadline.state}: only a legal effect has `then`")


def validate_labels(flow: Workflow, labelled: Mapping[str, set[str]]) -> None:
    """Every state, action and party has a label in the catalogue (`workflow_states`, `workflow_actions`,
    `workflow_parties`; the catalogue itself guarantees all 26 languages)."""
    states, _, parties = flow.label_codes
    for kind, codes, key in (("workflow_states", states, "states"), ("workflow_parties", parties, "parties")):
        missing = sorted(codes - labelled.get(kind, set()))
        if missing:
            raise WorkflowError(flow.source, line_of(flow, key), f"missing translations: {kind} {missing}")
    for transition in flow.transitions:
        if transition.action not in labelled.get("workflow_actions", set()):
            raise WorkflowError(flow.source, transition.line,
                                f"missing translations: workflow_actions ['{transition.action}']")
