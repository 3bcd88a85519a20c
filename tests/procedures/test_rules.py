"""The generic engine's pure rules: deadline arithmetic, which deadlines are due and in what order, who plays which
party, what a step still needs, where an assigned authority may be, and whom a late state awaits."""

from datetime import UTC, date, datetime

import pytest

from imi.errors import InvalidTransition, NotAllowed
from imi.procedures import rules
from imi.procedures.deadlines import Moments, add_months, due_date, next_due, passing, pending, statuses
from imi.procedures.definitions import definitions
from imi.workflows import engine, workflow
from imi.workflows.definition import Condition, CountryRule, Deadline, DeadlineEffect

SENT = datetime(2026, 1, 31, 15, 30, tzinfo=UTC)


@pytest.mark.parametrize(("start", "months", "expected"), [
    (date(2026, 1, 31), 1, date(2026, 2, 28)), (date(2024, 1, 31), 1, date(2024, 2, 29)),
    (date(2026, 11, 15), 2, date(2027, 1, 15)), (date(2026, 3, 2), 12, date(2027, 3, 2)),
])
def test_months_end_on_the_same_date_or_the_months_last_day(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_a_deadline_passes_at_the_start_of_the_day_after_its_last_day() -> None:
    deadline = Deadline(state="SENT", days=7, from_field="sent_at", effect=DeadlineEffect.REMINDER)
    assert due_date(date(2026, 3, 2), deadline) == date(2026, 3, 9)
    assert passing(date(2026, 3, 9)) == datetime(2026, 3, 10, tzinfo=UTC)


def test_due_deadlines_of_the_epc_decision_depend_on_the_recognition_basis() -> None:
    flow = definitions()["EPC_APPLICATION"].workflow
    moments = Moments(state_entered=SENT, created_at=SENT, sent_at=SENT)
    automatic = {"epc.application.recognition_basis": "epc.application.recognition_basis.opt.automatic"}
    general = {"epc.application.recognition_basis": "epc.application.recognition_basis.opt.general"}
    assert [s.due_date for s in statuses(flow, "HOST_DECISION", moments, automatic, [])] == [date(2026, 2, 28)]
    assert [s.due_date for s in statuses(flow, "HOST_DECISION", moments, general, [])] == [date(2026, 3, 31)]
    assert statuses(flow, "HOST_DECISION", moments, {}, []) == [], "no basis, no period"


def test_pending_deadlines_come_earliest_first_and_once() -> None:
    flow = definitions()["SOLVIT_CASE"].workflow
    received = {"solvit.complaint.received_on": "2026-03-02"}
    moments = Moments(state_entered=SENT, created_at=SENT)
    found = statuses(flow, "REGISTERED", moments, received, [])
    assert [(s.deadline.key, s.due_date) for s in found] == [
        ("first_reply", date(2026, 3, 9)), ("preparation", date(2026, 4, 1))]
    late = datetime(2026, 4, 5, tzinfo=UTC)
    assert [s.deadline.key for s in pending(found, late)] == ["first_reply", "preparation"]
    assert [s.deadline.key for s in pending(statuses(flow, "REGISTERED", moments, received, ["first_reply"]),
                                            late)] == ["preparation"]
    assert next_due(found) == datetime(2026, 3, 10, tzinfo=UTC)
    assert statuses(flow, "REGISTERED", moments, {}, [])[0].due_date is None, "counted from a date not given"


def test_a_condition_holds_for_one_of_its_values_even_in_a_list() -> None:
    condition = Condition(item="x.y.z", values=frozenset({"a", "b"}))
    assert condition.holds({"x.y.z": "a"}) and condition.holds({"x.y.z": ["c", "b"]})
    assert not condition.holds({"x.y.z": "c"}) and not condition.holds({})


def test_parties_come_from_the_exchange_as_the_workflow_says() -> None:
    flow = workflow("gdpr_one_stop_shop")
    participants = [(7, "CONCERNED_AUTHORITY"), (8, "CONCERNED_AUTHORITY"), (9, rules.COORDINATOR)]
    assert rules.parties(flow, 1, 1, None, None, participants) == {"LEAD_AUTHORITY"}
    assert rules.parties(flow, 8, 1, None, None, participants) == {"CONCERNED_AUTHORITY"}
    assert rules.parties(flow, 9, 1, None, None, participants) == {rules.COORDINATOR}
    assert rules.parties(flow, 5, 1, None, None, participants) == frozenset()
    solvit = workflow("solvit_case")
    assert rules.parties(solvit, 2, 1, 2, None, []) == {"LEAD_CENTRE"}


def test_what_a_step_still_needs() -> None:
    flow = workflow("solvit_case")
    submit = flow.transitions_of("SUBMIT")[0]
    required = ["solvit.submission.legal_assessment", "solvit.submission.court_proceedings"]
    problems = rules.missing(submit, {"form"}, {"solvit.submission.legal_assessment"}, required)
    assert [p.field for p in problems] == ["form.solvit.submission.court_proceedings", "toAuthorityId"]
    assert rules.missing(submit, {"form", "to_authority"}, set(required), required) == []


def test_where_an_assigned_authority_may_be() -> None:
    assert rules.country_problem(CountryRule.OTHER, "DE", "DE") == "choose an authority of another country"
    assert rules.country_problem(CountryRule.OTHER, "DE", "PL") is None
    assert rules.country_problem(CountryRule.SAME, "DE", "PL") == "choose an authority of your own country"
    assert rules.country_problem(CountryRule.ANY, "DE", "DE") is None


def test_entering_a_terminal_state_records_closure_unless_withdrawn() -> None:
    flow = workflow("solvit_case")
    assert rules.stamps(flow.transitions_of("ACCEPT_SOLUTION")[0], flow.terminal) == {"closed_at"}
    assert rules.stamps(flow.transitions_of("WITHDRAW")[0], flow.terminal) == {"withdrawn_at"}
    assert rules.stamps(flow.transitions_of("SUBMIT")[0], flow.terminal) == {"sent_at"}


@pytest.mark.parametrize(("name", "state", "party"), [
    ("solvit_case", "SUBMITTED", "LEAD_CENTRE"), ("solvit_case", "IN_PREPARATION", "HOME_CENTRE"),
    ("epc_application", "HOST_DECISION", "HOST_AUTHORITY"), ("gdpr_one_stop_shop", "DRAFT_SHARED",
                                                             "CONCERNED_AUTHORITY"),
    ("information_request", "SENT", "RESPONDER"), ("alert", "AWAITING_VALIDATION", "SENDER_COORDINATOR"),
])
def test_whom_a_state_awaits(name: str, state: str, party: str) -> None:
    assert rules.awaited_party(workflow(name), state) == party


def test_system_steps_are_nobodys_to_take() -> None:
    flow = workflow("epc_application")
    assert "RECOGNISE_TACITLY" not in engine.allowed_actions(flow, "HOST_DECISION", {"HOST_AUTHORITY", "SYSTEM"},
                                                             {"REQUEST_HANDLER"})
    with pytest.raises(NotAllowed):
        engine.decide(flow, "HOST_DECISION", "RECOGNISE_TACITLY", {"SYSTEM", "HOST_AUTHORITY"}, {"REQUEST_HANDLER"})
    assert engine.system_transition(flow, "HOST_DECISION", "RECOGNISE_TACITLY").to == "TACITLY_RECOGNISED"
    with pytest.raises(InvalidTransition):
        engine.system_transition(flow, "ISSUED", "RECOGNISE_TACITLY")
