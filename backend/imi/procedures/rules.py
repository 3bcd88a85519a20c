"""The generic engine's rules (pure): the parties an authority plays in an exchange whose workflow says where
each party comes from, what it may read, what a step requires, where an assigned authority may be, and which
moments a step records."""

from collections.abc import Iterable, Mapping
from typing import Any

from imi.accounts.profiles import Profile
from imi.errors import FieldProblem
from imi.workflows.definition import CountryRule, PartySource, Start, Transition, Workflow

READERS = frozenset(Profile) - {Profile.LOCAL_DATA_ADMINISTRATOR, Profile.VALIDATOR}
COORDINATOR = "COORDINATOR"
"""The party of a coordinator a late party's deadline was escalated to: it follows the exchange."""
TERMINAL_STAMPS = frozenset({"closed_at", "withdrawn_at"})
INPUT_FIELDS = {"message": "message", "to_authority": "toAuthorityId", "authorities": "authorityIds",
                "countries": "countries", "form": "form", "requested_reply_date": "requestedReplyDate",
                "responding_authority": "toAuthorityId"}


def parties(flow: Workflow, authority_id: int | None, requesting_id: int, responding_id: int | None,
            referral_id: int | None, participants: Iterable[tuple[int, str]]) -> frozenset[str]:
    """The parties `authority_id` plays, as the workflow's party sources say."""
    if authority_id is None:
        return frozenset()
    column = {PartySource.REQUESTING_AUTHORITY: requesting_id, PartySource.RESPONDING_AUTHORITY: responding_id,
              PartySource.REFERRAL_COORDINATOR: referral_id}
    found = {p.name for p in flow.party_specs if p.source in column and column[p.source] == authority_id}
    playing = {party for who, party in participants if who == authority_id}
    found |= {p.name for p in flow.party_specs if p.source is PartySource.PARTICIPANTS and p.name in playing}
    found |= playing & {COORDINATOR}
    return frozenset(found)


def can_read(found: Iterable[str], profiles: Iterable[Profile]) -> bool:
    """Users of an authority playing a party, with a reading right in the legal area."""
    return bool(frozenset(found)) and bool(frozenset(profiles) & READERS)


def can_see_personal_data(found: Iterable[str], blocked: bool) -> bool:
    """Every party handles the case together and sees its personal data, until it is blocked."""
    return bool(frozenset(found)) and not blocked


def missing(step: Transition | Start, given: Iterable[str], answered: Iterable[str],
            section_required: Iterable[str]) -> list[FieldProblem]:
    """What the step requires and is not given: inputs (`message`, `to_authority`, ...), the step's form
    complete (its required items), or named form items."""
    given, answered = set(given), set(answered)
    problems = []
    for need in step.requires:
        if need == "form":
            problems += [FieldProblem(f"form.{item}", "is required") for item in section_required
                         if item not in answered]
        elif "." in need:
            if need not in answered:
                problems.append(FieldProblem(f"form.{need}", "is required"))
        elif need not in given:
            problems.append(FieldProblem(INPUT_FIELDS.get(need, need), f"is required to {_verb(step)}"))
    return problems


def _verb(step: Transition | Start) -> str:
    return step.action.lower().replace("_", " ") if isinstance(step, Transition) else "create it"


def given_inputs(values: Mapping[str, Any]) -> set[str]:
    """The input names present (non-empty) among `values`."""
    return {name for name, value in values.items() if value not in (None, "", [], (), {})}


def country_problem(rule: CountryRule, creator_country: str, country: str) -> str | None:
    if rule is CountryRule.OTHER and country == creator_country:
        return "choose an authority of another country"
    if rule is CountryRule.SAME and country != creator_country:
        return "choose an authority of your own country"
    return None


def stamps(step: Transition | Start, terminal: frozenset[str]) -> set[str]:
    """The moments a step records; entering a terminal state records its closure unless it is a withdrawal."""
    found = set(step.stamps)
    if isinstance(step, Transition) and step.to in terminal and not found & TERMINAL_STAMPS:
        found.add("closed_at")
    return found


LEGACY_SOURCES = {"REQUESTER": PartySource.REQUESTING_AUTHORITY, "SENDER": PartySource.REQUESTING_AUTHORITY,
                  "RESPONDER": PartySource.RESPONDING_AUTHORITY,
                  "REFERRAL_COORDINATOR": PartySource.REFERRAL_COORDINATOR}


def awaited_party(flow: Workflow, state: str) -> str | None:
    """The party expected to act in `state`: one that can move the exchange on (a withdrawal does not count),
    preferring a counterpart to the creator."""
    movers = [t.by for t in flow.transitions
              if state in t.from_states and t.to and t.by in flow.parties and "withdrawn_at" not in t.stamps
              and t.action != "WITHDRAW"]
    others = [p for p in movers if p != flow.creator and LEGACY_SOURCES.get(p) is not PartySource.REQUESTING_AUTHORITY]
    chosen = others or movers
    return chosen[0] if chosen else None


def authority_of(flow: Workflow, party: str | None, requesting_id: int, responding_id: int | None,
                 referral_id: int | None) -> int:
    """The authority playing `party` when the exchange names one (else the creator)."""
    source = flow.party(party).source if party else None
    source = source or (LEGACY_SOURCES.get(party) if party else None)
    if source is PartySource.RESPONDING_AUTHORITY and responding_id is not None:
        return responding_id
    if source is PartySource.REFERRAL_COORDINATOR and referral_id is not None:
        return referral_id
    return requesting_id
