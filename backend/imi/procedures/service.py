"""The generic engine path: create and act on an exchange of any procedure whose workflow is data only. Each
step is checked against the definition (party, right, state, the step's form from the catalogue, what it
requires, whom it assigns), then applied through `exchanges.service.act` (optimistic version, timeline event,
outbox, state clock). Deadlines already passed are applied first, so that nobody acts after a legal effect."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from imi.accounts.principal import Principal
from imi.authorities.models import Authority, AuthorityProcedure, AuthorityStatus
from imi.authorities.service import coordinator_of
from imi.errors import NotAllowed, StaleVersion, ValidationFailed
from imi.exchanges import service as exchanges
from imi.exchanges.content import check_values
from imi.exchanges.models import Exchange
from imi.exchanges.visibility import Visible, get_visible
from imi.procedures import deadline_job, rules
from imi.procedures.definitions import Definition, definitions
from imi.procedures.models import CaseParty
from imi.workflows import engine
from imi.workflows.definition import Party, PartySource, Start, Transition, Workflow

NOTE_ACTIONS = frozenset({"ADD_MESSAGE"})


@dataclass(frozen=True)
class StepInput:
    """What an official gives with a step: form values (catalogue item id -> value), free text, authorities."""

    form: Mapping[str, Any] = field(default_factory=dict)
    message: str | None = None
    to_authority_id: int | None = None
    authority_ids: tuple[int, ...] = ()
    countries: tuple[str, ...] = ()

    def given(self) -> set[str]:
        return rules.given_inputs({"form": self.form, "message": self.message, "to_authority": self.to_authority_id,
                                   "authorities": self.authority_ids, "countries": self.countries})


@dataclass(frozen=True)
class CaseDraft:
    procedure: str
    subject: str
    step: StepInput = field(default_factory=StepInput)
    related_exchange_id: int | None = None


def definition_of(code: str) -> Definition:
    try:
        return definitions()[code]
    except KeyError:
        raise ValidationFailed.single("procedure", f"unknown procedure {code}") from None


def check_step_form(found: Definition, section_id: str | None, values: Mapping[str, Any]) -> dict[str, Any]:
    """Values of the step's form (a section of the procedure's catalogue), each valid for its item."""
    if not values:
        return {}
    if section_id is None:
        raise ValidationFailed.single("form", "this step has no form")
    items = {item.id: item for item in found.section(section_id).items}
    valid, problems = check_values(items, values, "form",
                                   lambda item: f"{item} is not a field of this step's form ({section_id})")
    if problems:
        raise ValidationFailed(problems)
    return valid


def _check_requirements(found: Definition, step: Transition | Start, given: set[str], answered: set[str]) -> None:
    """What the step requires: inputs, named items, and with `form` its form's required items (after merging)."""
    required = [i.id for i in found.section(step.form).items if i.required] if step.form else []
    problems = rules.missing(step, given, answered, required)
    if problems:
        raise ValidationFailed(problems)


async def _assignable(found: Definition, party: Party, authority_id: int, creator: Authority,
                      field_name: str) -> Authority:
    target = await Authority.get_or_none(id=authority_id)
    if target is None or target.id == creator.id:
        raise ValidationFailed.single(field_name, "choose another authority")
    if target.status is not AuthorityStatus.ACTIVE or not await AuthorityProcedure.exists(
        authority_id=target.id, procedure=found.code
    ):
        raise ValidationFailed.single(field_name, "the authority is not active for this procedure")
    problem = rules.country_problem(party.country, creator.country, target.country)
    if problem:
        raise ValidationFailed.single(field_name, problem)
    return target


@dataclass
class _Assignment:
    changes: dict[str, object] = field(default_factory=dict)
    participants: list[Authority] = field(default_factory=list)
    data: dict[str, object] = field(default_factory=dict)


async def _assign(found: Definition, flow: Workflow, party_name: str | None, step: StepInput,
                  creator: Authority) -> _Assignment:
    """The authorities a step names for a party: one counterpart (`toAuthorityId`), the creator's coordinator, or
    several participants (`authorityIds`)."""
    done = _Assignment()
    if party_name is None:
        return done
    party = flow.party(party_name)
    if party.source is PartySource.RESPONDING_AUTHORITY:
        if step.to_authority_id is None:
            raise ValidationFailed.single("toAuthorityId", f"choose the authority that is the {party.name}")
        target = await _assignable(found, party, step.to_authority_id, creator, "toAuthorityId")
        done.changes.update(responding_authority_id=target.id, responding_country=target.country)
        done.data["to"] = target.id
    elif party.source is PartySource.REFERRAL_COORDINATOR:
        coordinator = await coordinator_of(creator, found.procedure.legal_area)
        if coordinator is None or coordinator == creator.id:
            raise ValidationFailed.single("exchangeId", "the authority has no coordinator")
        done.changes["referral_coordinator_id"] = coordinator
        done.data["to"] = coordinator
    elif party.source is PartySource.PARTICIPANTS:
        if not step.authority_ids:
            raise ValidationFailed.single("authorityIds", f"choose the authorities that are {party.name}")
        for authority_id in dict.fromkeys(step.authority_ids):
            done.participants.append(await _assignable(found, party, authority_id, creator, "authorityIds"))
        done.data["authorities"] = [a.id for a in done.participants]
    return done


def _split(found: Definition, values: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """Form values into answers and personal data (the procedure's personal-data items)."""
    personal = set(found.procedure.personal_data)
    return ({k: v for k, v in values.items() if k not in personal},
            {k: str(v) for k, v in values.items() if k in personal})


def _add_participants(party: str, chosen: list[Authority], by: int, now: datetime, held: set[int]) -> list[CaseParty]:
    return [CaseParty(exchange_id=0, authority_id=a.id, party=party, country=a.country, added_by_id=by,
                      added_at=now) for a in chosen if a.id not in held]


async def create_case(principal: Principal, draft: CaseDraft, now: datetime) -> Exchange:
    """An official of the creating party starts an exchange of a data-only procedure, with its start form."""
    authority_id = exchanges.require_user(principal)
    found = definition_of(draft.procedure)
    flow = found.workflow
    if not flow.generic or flow.creator is None:
        raise ValidationFailed.single("procedure", f"{found.code} has its own mutations (createRequest, "
                                                   "createBroadcast)")
    start = flow.start or Start(by=flow.creator, profiles=frozenset(
        p for t in flow.transitions if t.by == flow.creator and flow.initial in t.from_states for p in t.profiles))
    if not start.profiles & principal.profiles_in(found.procedure.legal_area):
        raise NotAllowed(f"creating it needs one of {', '.join(sorted(start.profiles))} in "
                         f"{found.procedure.legal_area}")
    creator = await Authority.get(id=authority_id)
    if creator.status is not AuthorityStatus.ACTIVE or not await AuthorityProcedure.exists(
        authority_id=authority_id, procedure=found.code
    ):
        raise NotAllowed("your authority is not active for this procedure")
    values = check_step_form(found, start.form, draft.step.form)
    _check_requirements(found, start, draft.step.given(), set(values))
    if draft.related_exchange_id is not None:
        await get_visible(principal, draft.related_exchange_id)
    assigned = await _assign(found, flow, start.assign, draft.step, creator)
    answers, personal = _split(found, values)
    stamps = {moment: now for moment in rules.stamps(start, flow.terminal)}

    async def add_parties(exchange: Exchange) -> None:
        rows = _add_participants(start.assign or "", assigned.participants, creator.id, now, set())
        for row in rows:
            row.exchange_id = exchange.id
        await CaseParty.bulk_create(rows)

    return await exchanges.create_exchange(
        principal, found.procedure, now, sender=creator, subject=draft.subject, answers=answers,
        personal_data=personal, related_exchange_id=draft.related_exchange_id, within=add_parties,
        **assigned.changes, **stamps,
    )


async def perform(principal: Principal, exchange_id: int, version: int, action: str, now: datetime,
                  step: StepInput) -> Exchange:
    """Take one step of a data-only workflow."""
    exchanges.require_user(principal)
    await deadline_job.apply_due(exchange_id, now)
    seen = await get_visible(principal, exchange_id)
    exchange = seen.exchange
    if exchange.version != version:
        raise StaleVersion("the exchange was changed by someone else: reload it", exchange.version)
    found = definition_of(exchange.procedure)
    flow = found.workflow
    transition = engine.transition_for(flow, exchange.state, action, seen.parties, seen.profiles)
    if action in NOTE_ACTIONS and not transition.changes_state:
        await exchanges.add_message(principal, exchange_id, now, step.message or "", action)
        return await Exchange.get(id=exchange_id)
    values = check_step_form(found, transition.form, step.form)
    as_participant = flow.party(transition.by).source is PartySource.PARTICIPANTS
    mine = _my_party_row(seen, transition.by) if as_participant else None
    before = dict(mine.answers) if mine else {**exchange.answers, **(exchange.personal_data or {})}
    merged = {**before, **values}
    _check_requirements(found, transition, step.given(), {k for k, v in merged.items() if v not in (None, "")})
    creator = await Authority.get(id=exchange.requesting_authority_id)
    assigned = await _assign(found, flow, transition.assign, step, creator)
    message = exchanges.check_text("message", step.message) if step.message else None
    changes: dict[str, object] = dict(assigned.changes)
    changes.update({moment: now for moment in rules.stamps(transition, flow.terminal)})
    if values and mine is None:
        if exchange.personal_data_blocked_at is not None and set(values) & set(found.procedure.personal_data):
            raise ValidationFailed.single("form", "its personal data is blocked")
        answers, personal = _split(found, merged)
        changes.update(answers=answers, personal_data=personal)
    held = {p.authority_id for p in seen.case_parties if p.party == transition.assign}

    async def within(changed: Exchange) -> None:
        if mine is not None and values:
            await CaseParty.filter(id=mine.id).update(answers=merged, answered_at=now)
        rows = _add_participants(transition.assign or "", assigned.participants, principal.authority_id or 0, now,
                                 held)
        for row in rows:
            row.exchange_id = changed.id
        await CaseParty.bulk_create(rows)

    data = {**assigned.data, **({"form": sorted(values)} if values else {})}
    return await exchanges.act(principal, exchange_id, version, action, now, changes, data, message, within)


def _my_party_row(seen: Visible, party: str) -> CaseParty:
    return next(p for p in seen.case_parties if p.authority_id == seen.viewer and p.party == party)
