"""GraphQL types of procedure definitions and of what the generic engine shows on any exchange: labelled
states and actions, the actions allowed now with the form each needs, the current state's deadlines, and the
authorities playing a party of many. Every label is in the reader's language."""

import weakref
from datetime import date, datetime
from typing import Self, cast

import strawberry
from strawberry.dataloader import DataLoader
from strawberry.scalars import JSON

from imi.authorities.schema import AuthorityNode
from imi.catalogue.model import Section
from imi.catalogue.schema import CatalogueItem, CatalogueSection, display_answer, reader_language, shared_label
from imi.clock import day_of
from imi.exchanges.models import Exchange
from imi.graphql.context import Info
from imi.graphql.loaders import Loaders
from imi.procedures.deadlines import statuses
from imi.procedures.definitions import Definition, definitions
from imi.procedures.models import CaseParty, StateClock
from imi.procedures.tracking import moments_of
from imi.reference.schema import ExchangeKind, LegalArea
from imi.workflows.definition import SYSTEM, Deadline, DeadlineEffect, Transition

strawberry.enum(DeadlineEffect, name="DeadlineEffect",
                description="What happens when a deadline passes: a reminder, the coordinator is told, or a legal "
                            "effect (a step applied automatically, e.g. tacit recognition).")


def label(kind: str, code: str, language: str) -> str:
    return shared_label(kind, code, language, code.replace("_", " ").capitalize())


def section_of(found: Definition, section_id: str | None, language: str) -> CatalogueSection | None:
    if section_id is None:
        return None
    section: Section = found.section(section_id)
    return CatalogueSection(id=section.id, title=section.title[language], language=language,
                            items=[CatalogueItem.of(item, language) for item in section.items])


@strawberry.type(description="A party of a workflow and where an exchange names the authority playing it.")
class PartyDefinition:
    code: str
    label: str
    source: str | None = strawberry.field(description="requesting_authority, responding_authority, "
                                                      "referral_coordinator or participants; null: the kind's own "
                                                      "rules (requests, alerts, notifications).")
    country: str = strawberry.field(description="any, other or same (as the creator's country).")


@strawberry.type
class StateDefinition:
    code: str
    label: str
    initial: bool
    terminal: bool


@strawberry.type(description="A step of a workflow: who takes it, from which states, to which, and with what.")
class ActionDefinition:
    action: str
    label: str
    by: str = strawberry.field(description="A party, or SYSTEM for a step a deadline's legal effect applies.")
    from_states: list[str]
    to: str | None = strawberry.field(description="Null: the state does not change.")
    to_label: str | None
    profiles: list[str]
    requires: list[str] = strawberry.field(description="Inputs (message, to_authority, authorities, countries, "
                                                       "form: the form's required items) and form items.")
    assigns: str | None = strawberry.field(description="The party this step names.")
    form: CatalogueSection | None


@strawberry.type(description="A time limit in a state, and what happens when it passes.")
class DeadlineDefinition:
    key: str
    state: str
    days: int
    months: int
    counted_from: str = strawberry.field(description="state_entered, created_at, sent_at, accepted_at, "
                                                     "answered_at, decision_date or period_end.")
    effect: DeadlineEffect
    effect_label: str
    then: str | None
    then_label: str | None
    condition_item: str | None = strawberry.field(description="Applies only when this form item has one of "
                                                              "`conditionValues`.")
    condition_values: list[str]


@strawberry.type
class Retention:
    block_after_months: int
    delete_after_years: int


@strawberry.type(description="Everything a procedure is: its kind, workflow, forms, deadlines, personal data and "
                             "retention, as data.")
class ProcedureDefinition:
    code: str
    kind: ExchangeKind
    name: str
    workflow: str
    generic: bool = strawberry.field(description="Runs on the generic engine (createExchange, performAction).")
    personal_data_fields: list[str]
    retention: Retention
    default_reply_days: int
    parties: list[PartyDefinition]
    states: list[StateDefinition]
    actions: list[ActionDefinition]
    deadlines: list[DeadlineDefinition]
    start_form: CatalogueSection | None
    legal_area_code: strawberry.Private[str]

    @strawberry.field
    def legal_area(self) -> LegalArea:
        return LegalArea.of(self.legal_area_code)

    @classmethod
    def of(cls, found: Definition, language: str) -> Self:
        flow, proc = found.workflow, found.procedure
        return cls(
            code=proc.code, kind=proc.kind, name=label("procedures", proc.code, language), workflow=flow.name,
            generic=flow.generic, personal_data_fields=list(proc.personal_data),
            retention=Retention(block_after_months=proc.retention.block_after_months,
                                delete_after_years=proc.retention.delete_after_years),
            default_reply_days=proc.default_reply_days,
            parties=[PartyDefinition(code=p.name, label=label("workflow_parties", p.name, language),
                                     source=p.source.value if p.source else None, country=p.country.value)
                     for p in flow.party_specs],
            states=[StateDefinition(code=s, label=label("workflow_states", s, language), initial=s == flow.initial,
                                    terminal=s in flow.terminal) for s in flow.states],
            actions=[action_definition(found, t, language) for t in flow.transitions],
            deadlines=[deadline_definition(d, language) for d in flow.deadlines],
            start_form=section_of(found, flow.start.form if flow.start else None, language),
            legal_area_code=proc.legal_area,
        )


def action_definition(found: Definition, t: Transition, language: str) -> ActionDefinition:
    return ActionDefinition(
        action=t.action, label=label("workflow_actions", t.action, language), by=t.by,
        from_states=sorted(t.from_states), to=t.to, to_label=label("workflow_states", t.to, language) if t.to else None,
        profiles=sorted(t.profiles), requires=list(t.requires), assigns=t.assign,
        form=section_of(found, t.form, language),
    )


def deadline_definition(d: Deadline, language: str) -> DeadlineDefinition:
    return DeadlineDefinition(
        key=d.key, state=d.state, days=d.days, months=d.months, counted_from=d.from_field, effect=d.effect,
        effect_label=label("deadline_effects", d.effect.value, language), then=d.then,
        then_label=label("workflow_actions", d.then, language) if d.then else None,
        condition_item=d.when.item if d.when else None, condition_values=sorted(d.when.values) if d.when else [],
    )


@strawberry.type(description="An action you may take now, with the form it needs.")
class AvailableAction:
    action: str
    label: str
    to: str | None
    to_label: str | None
    requires: list[str]
    assigns: str | None
    form: CatalogueSection | None


@strawberry.type(description="A deadline of the exchange's current state, as it stands.")
class StateDeadline:
    key: str
    state: str
    effect: DeadlineEffect
    effect_label: str
    then: str | None
    then_label: str | None
    due_date: date | None = strawberry.field(description="The last day to act; null while its moment is not set.")
    passes_at: datetime | None
    days_left: int | None
    passed: bool
    applied: bool = strawberry.field(description="Its effect has been applied (exactly once).")


@strawberry.type(description="A form value, by catalogue item.")
class FormValue:
    item: str
    value: JSON

    @strawberry.field(description="The value as text in your language, or in `language`.")
    def display(self, info: Info, language: str | None = None) -> str:
        return display_answer(self.item, self.value, reader_language(info, language))


@strawberry.type(description="An authority playing a party of many in an exchange (e.g. a supervisory authority "
                             "concerned), with its own answers.")
class CaseParticipant:
    party: str
    party_label: str
    country: str
    added_at: datetime
    answered_at: datetime | None
    answers: list[FormValue]
    authority_pk: strawberry.Private[int]

    @strawberry.field
    async def authority(self, info: Info) -> AuthorityNode | None:
        found = await info.context.loaders.authority.load(self.authority_pk)
        return AuthorityNode.of(found) if found else None

    @classmethod
    def of(cls, row: CaseParty, language: str) -> Self:
        return cls(party=row.party, party_label=label("workflow_parties", row.party, language), country=row.country,
                   added_at=row.added_at, answered_at=row.answered_at,
                   answers=[FormValue(item=k, value=cast(JSON, v)) for k, v in row.answers.items()],
                   authority_pk=row.authority_id)


_clock_loaders: "weakref.WeakKeyDictionary[Loaders, DataLoader[int, StateClock | None]]" = weakref.WeakKeyDictionary()


def _clocks(info: Info) -> DataLoader[int, StateClock | None]:
    loaders = info.context.loaders
    if loaders not in _clock_loaders:
        async def load(ids: list[int]) -> list[StateClock | None]:
            found = {c.exchange_id: c for c in await StateClock.filter(exchange_id__in=ids)}
            return [found.get(i) for i in ids]

        _clock_loaders[loaders] = DataLoader(load)
    return _clock_loaders[loaders]


def available_actions(exchange: Exchange, transitions: list[Transition], language: str) -> list[AvailableAction]:
    found = definitions().get(exchange.procedure)
    if found is None:
        return []
    return [AvailableAction(action=t.action, label=label("workflow_actions", t.action, language), to=t.to,
                            to_label=label("workflow_states", t.to, language) if t.to else None,
                            requires=list(t.requires), assigns=t.assign, form=section_of(found, t.form, language))
            for t in transitions if t.by != SYSTEM]


async def state_deadlines(info: Info, exchange: Exchange, language: str) -> list[StateDeadline]:
    """The current state's deadlines: computed from the definition, counted from the exchange's moments."""
    found = definitions().get(exchange.procedure)
    if found is None or not found.workflow.deadlines_in(exchange.state) or exchange.state in found.workflow.terminal:
        return []
    clock = await _clocks(info).load(exchange.id)
    current = clock is not None and clock.state == exchange.state
    entered = clock.entered_at if clock is not None and current else exchange.updated_at
    done = list(clock.done) if clock is not None and current else []
    today = day_of(info.context.now)
    return [
        StateDeadline(
            key=s.deadline.key, state=s.deadline.state, effect=s.deadline.effect,
            effect_label=label("deadline_effects", s.deadline.effect.value, language), then=s.deadline.then,
            then_label=label("workflow_actions", s.deadline.then, language) if s.deadline.then else None,
            due_date=s.due_date, passes_at=s.passes_at,
            days_left=(s.due_date - today).days if s.due_date else None, passed=s.passed(info.context.now),
            applied=s.applied,
        )
        for s in statuses(found.workflow, exchange.state, moments_of(exchange, entered), exchange.answers, done)
    ]


def case_participants(rows: tuple[CaseParty, ...], language: str) -> list[CaseParticipant]:
    return [CaseParticipant.of(row, language) for row in rows]

