"""A SOLVIT case end to end through GraphQL, its deadlines driven by the test clock: registration, the reply to
the applicant and the preparation (reminders), submission to the lead centre, acceptance (reminder), handling
within 10 weeks (escalation to the lead centre's coordinator), a proposed solution and its acceptance."""

from datetime import timedelta

from imi.clock import FixedClock
from tests.procedures.conftest import MakeParty, answers, ok, refused

AREA = "SOLVIT"
PROCEDURE = "SOLVIT_CASE"
COMPLAINT = {
    "solvit.complaint.applicant_type": "solvit.complaint.applicant_type.opt.citizen",
    "solvit.complaint.applicant_name": "Maria Nowak",
    "solvit.complaint.applicant_contact": "maria.nowak@example.eu",
    "solvit.complaint.problem_area": "solvit.complaint.problem_area.opt.qualifications",
    "solvit.complaint.description": "Die polnische Kammer erkennt das deutsche Diplom nicht an.",
    "solvit.complaint.received_on": "2026-03-02",
}
SUBMISSION = {
    "solvit.submission.legal_assessment": "Artikel 21 der Richtlinie 2005/36/EG: automatische Anerkennung.",
    "solvit.submission.authority_concerned": "Naczelna Izba Lekarska, Warszawa",
    "solvit.submission.solution_sought": "Anerkennung des Diploms ohne Ausgleichsmaßnahme.",
    "solvit.submission.court_proceedings": "NO",
}


def _deadline(detail: dict, key: str) -> dict:
    return next(d for d in detail["stateDeadlines"] if d["key"] == key)


async def test_a_solvit_case_from_complaint_to_solution(party: MakeParty, clock: FixedClock, travel,
                                                        run_deadlines) -> None:
    home = await party("DE", AREA, language="de")
    lead = await party("PL", AREA, language="pl")
    elsewhere = await party("DE", AREA, name="SOLVIT Deutschland, Außenstelle Bonn")
    bystander = await party("FR", AREA)
    lead_coordinator = await party("PL", AREA, coordinator=True)

    incomplete = await home.create(PROCEDURE, "Anerkennung eines Arztdiploms", form=answers(
        {"solvit.complaint.applicant_name": "Maria Nowak"}))
    assert {p["field"] for p in refused(incomplete, "ValidationFailed")["problems"]} >= {
        "form.solvit.complaint.description", "form.solvit.complaint.received_on"}
    case = ok(await home.create(PROCEDURE, "Anerkennung eines Arztdiploms", form=answers(COMPLAINT)))
    assert case["kind"] == "CASE" and case["state"] == "REGISTERED" and case["reference"].startswith("CAS-2026-")
    detail = await home.detail(case)
    assert detail["stateLabel"] == "Registriert" and detail["myParties"] == ["HOME_CENTRE"]
    assert detail["personalDataStatus"] == "VISIBLE"
    assert {p["field"] for p in detail["personalData"]} == {"solvit.complaint.applicant_name",
                                                            "solvit.complaint.applicant_contact"}
    first_reply = _deadline(detail, "first_reply")
    assert (first_reply["dueDate"], first_reply["effect"], first_reply["effectLabel"]) == (
        "2026-03-09", "REMINDER", "Erinnerung")
    assert _deadline(detail, "preparation")["dueDate"] == "2026-04-01"
    assert [a["action"] for a in detail["actions"]][:3] == ["REPLY_TO_APPLICANT", "MODIFY", "DECLINE"]
    assert await home.box("TO_ACT") == [case["id"]]
    assert await lead.detail(case) is None, "the lead centre takes part only once the case is submitted"

    await travel(days=7)
    assert await run_deadlines() == [], "the last day to reply is not late"
    await travel(days=1)
    applied = await run_deadlines()
    assert [(a.deadline, a.action) for a in applied] == [("first_reply", "DEADLINE_REMINDER")]
    assert await run_deadlines() == [], "each deadline applies once"
    detail = await home.detail(case)
    assert detail["timeline"][-1]["action"] == "DEADLINE_REMINDER"
    assert detail["timeline"][-1]["actionLabel"] == "Fristerinnerung"
    assert _deadline(detail, "first_reply")["applied"] and _deadline(detail, "first_reply")["passed"]
    assert await home.box("TO_ACT_OVERDUE") == [case["id"]]

    prepared = ok(await home.act(detail, "REPLY_TO_APPLICANT"))
    assert prepared["state"] == "IN_PREPARATION" and await home.box("TO_ACT_OVERDUE") == []
    no_lead = refused(await home.act(prepared, "SUBMIT", form=answers(SUBMISSION)), "ValidationFailed")
    assert no_lead["problems"][0]["field"] == "toAuthorityId"
    same_country = refused(await home.act(prepared, "SUBMIT", form=answers(SUBMISSION),
                                          toAuthorityId=elsewhere.authority_gid), "ValidationFailed")
    assert "another country" in same_country["problems"][0]["message"]
    unknown_field = refused(await home.act(prepared, "SUBMIT", toAuthorityId=lead.authority_gid,
                                           form=answers({"solvit.solution.description": "x"})), "ValidationFailed")
    assert "not a field of this step's form" in unknown_field["problems"][0]["message"]
    submitted = ok(await home.act(prepared, "SUBMIT", form=answers(SUBMISSION), toAuthorityId=lead.authority_gid))
    assert submitted["state"] == "SUBMITTED"

    seen = await lead.detail(submitted)
    assert seen["myParties"] == ["LEAD_CENTRE"] and seen["stateLabel"] == "Złożone"
    assert seen["allowedActions"] == ["ACCEPT", "REJECT", "ADD_MESSAGE", "ADD_ATTACHMENT"]
    assert seen["personalDataStatus"] == "VISIBLE"
    assert await bystander.detail(submitted) is None
    assert refused(await lead.act(seen, "PROPOSE_SOLUTION"), "InvalidTransition")["state"] == "SUBMITTED"
    assert refused(await home.act(seen, "ACCEPT"), "NotAllowed")

    await travel(days=8)
    assert [a.deadline for a in await run_deadlines()] == ["acceptance"]
    assert await lead.box("TO_ACT_OVERDUE") == [case["id"]]
    accepted = ok(await lead.act(seen, "ACCEPT"))
    assert accepted["state"] == "IN_HANDLING"
    assert refused(await lead.act(seen, "ACCEPT"), "StaleVersion")["currentVersion"] == accepted["version"]

    solution = _deadline(await lead.detail(accepted), "solution")
    assert solution["effect"] == "ESCALATION" and solution["dueDate"] == (
        clock.now() + timedelta(weeks=10)).date().isoformat()
    await travel(weeks=10, days=1)
    assert [(a.deadline, a.action) for a in await run_deadlines()] == [("solution", "DEADLINE_ESCALATION")]
    assert await lead_coordinator.box("ESCALATED") == [case["id"]]
    followed = await lead_coordinator.detail(accepted)
    assert followed is not None and followed["myParties"] == ["COORDINATOR"] and followed["allowedActions"] == []

    proposed = ok(await lead.act(accepted, "PROPOSE_SOLUTION", form=answers({
        "solvit.solution.description": "Die Kammer erkennt das Diplom nach Artikel 21 an.",
        "solvit.solution.structural": "NO"})))
    assert proposed["state"] == "SOLUTION_PROPOSED" and await lead_coordinator.box("ESCALATED") == []
    reply = answers({"solvit.acceptance.applicant_accepts": "YES", "solvit.acceptance.home_centre_accepts": "YES"})
    assert refused(await home.act(proposed, "REJECT_SOLUTION", form=reply), "ValidationFailed")["problems"][0][
        "field"] == "message"
    resolved = ok(await home.act(proposed, "ACCEPT_SOLUTION", form=reply))
    assert resolved["state"] == "RESOLVED" and resolved["allowedActions"] == []
    final = await home.detail(resolved)
    assert final["closedAt"] is not None and final["stateDeadlines"] == []
    assert [e["action"] for e in final["timeline"]] == [
        "CREATE", "DEADLINE_REMINDER", "REPLY_TO_APPLICANT", "SUBMIT", "DEADLINE_REMINDER", "ACCEPT",
        "DEADLINE_ESCALATION", "PROPOSE_SOLUTION", "ACCEPT_SOLUTION"]
    assert {a["item"]: a["value"] for a in final["answers"]}["solvit.acceptance.applicant_accepts"] == "YES"


async def test_a_lead_centre_rejects_and_a_home_centre_withdraws(party: MakeParty) -> None:
    home, lead = await party("ES", AREA), await party("PT", AREA)
    case = ok(await home.create(PROCEDURE, "Pensión no reconocida", form=answers(COMPLAINT)))
    prepared = ok(await home.act(case, "REPLY_TO_APPLICANT"))
    submitted = ok(await home.act(prepared, "SUBMIT", form=answers(SUBMISSION), toAuthorityId=lead.authority_gid))
    assert refused(await lead.act(submitted, "REJECT"), "ValidationFailed")["problems"][0]["field"] == "message"
    rejected = ok(await lead.act(submitted, "REJECT", message="Não se trata de um problema transfronteiriço."))
    assert rejected["state"] == "REJECTED"
    other = ok(await home.create(PROCEDURE, "Segundo caso", form=answers(COMPLAINT)))
    withdrawn = ok(await home.act(other, "WITHDRAW"))
    assert withdrawn["state"] == "WITHDRAWN"
    assert (await home.detail(withdrawn))["withdrawnAt"] is not None
