"""A European Professional Card application end to end through GraphQL, its deadlines driven by the test clock:
acknowledgement within a week, verification within a month (escalated when late), the host authority's decision
within one month or two, and tacit recognition when it does not decide in time (by the job, or before a late
action)."""

from imi.clock import FixedClock
from tests.procedures.conftest import MakeParty, Party, answers, ok, refused

AREA = "EUROPEAN_PROFESSIONAL_CARD"
PROCEDURE = "EPC_APPLICATION"
AUTOMATIC = "epc.application.recognition_basis.opt.automatic"
GENERAL = "epc.application.recognition_basis.opt.general"


def application(basis: str) -> list[dict]:
    return answers({
        "epc.application.surname": "Gruber", "epc.application.first_names": "Anna Maria",
        "epc.application.date_of_birth": "1990-05-17", "epc.application.profession": "Krankenpflegerin",
        "epc.application.purpose": "epc.application.purpose.opt.establishment",
        "epc.application.recognition_basis": basis, "epc.application.host_country": "FR",
    })


VERIFIED = answers({"epc.verification.documents_authentic": "YES", "epc.verification.legally_established": "YES"})


async def _transmitted(home: Party, host: Party, basis: str) -> dict:
    filed = ok(await home.create(PROCEDURE, "EPC Krankenpflege", form=application(basis)))
    verifying = ok(await home.act(filed, "ACKNOWLEDGE"))
    sent = ok(await home.act(verifying, "TRANSMIT", form=VERIFIED, toAuthorityId=host.authority_gid))
    assert sent["state"] == "HOST_DECISION"
    return sent


async def test_tacit_recognition_when_the_host_authority_does_not_decide_within_a_month(
        party: MakeParty, clock: FixedClock, travel, run_deadlines) -> None:
    home, host = await party("AT", AREA, language="de"), await party("FR", AREA, language="fr")
    filed = ok(await home.create(PROCEDURE, "EPC Krankenpflege", form=application(AUTOMATIC)))
    assert filed["state"] == "RECEIVED"
    missing = ok(await home.act(filed, "REPORT_MISSING_DOCUMENTS", form=answers({
        "epc.missing.documents": "Nachweis der Berufserfahrung"})))
    assert missing["state"] == "AWAITING_DOCUMENTS"
    verifying = ok(await home.act(missing, "RECEIVE_DOCUMENTS"))
    assert refused(await home.act(verifying, "TRANSMIT", toAuthorityId=host.authority_gid), "ValidationFailed")
    sent = ok(await home.act(verifying, "TRANSMIT", form=VERIFIED, toAuthorityId=host.authority_gid))

    seen = await host.detail(sent)
    assert seen["myParties"] == ["HOST_AUTHORITY"] and seen["stateLabel"] == "Décision de l'autorité d'accueil"
    assert [a["action"] for a in seen["actions"]] == ["ISSUE", "REFUSE", "ADD_MESSAGE", "ADD_ATTACHMENT"]
    [decision] = seen["stateDeadlines"]
    assert (decision["key"], decision["effect"], decision["then"], decision["dueDate"]) == (
        "decision", "LEGAL_EFFECT", "RECOGNISE_TACITLY", "2026-04-02")
    assert decision["thenLabel"] == "Reconnaissance tacite à l'expiration du délai"

    await travel(days=31)
    assert await run_deadlines() == [], "the host authority may still decide on the last day"
    await travel(days=1)
    [applied] = await run_deadlines()
    assert (applied.deadline, applied.action) == ("decision", "RECOGNISE_TACITLY")
    assert await run_deadlines() == []
    recognised = await host.detail(sent)
    assert recognised["state"] == "TACITLY_RECOGNISED" and recognised["stateLabel"] == "Reconnaissance tacite"
    event = recognised["timeline"][-1]
    assert (event["action"], event["fromState"], event["toState"], event["actorName"]) == (
        "RECOGNISE_TACITLY", "HOST_DECISION", "TACITLY_RECOGNISED", None)
    assert recognised["allowedActions"] == ["REVOKE", "ADD_MESSAGE"] and recognised["stateDeadlines"] == []
    assert (await home.detail(sent))["state"] == "TACITLY_RECOGNISED"

    revoked = ok(await host.act(recognised, "REVOKE", message="Carte révoquée suite à une sanction disciplinaire."))
    assert revoked["state"] == "REVOKED" and (await host.detail(revoked))["closedAt"] is not None


async def test_two_months_where_compensation_measures_may_apply(party: MakeParty, travel, run_deadlines) -> None:
    home, host = await party("AT", AREA), await party("FR", AREA)
    sent = await _transmitted(home, host, GENERAL)
    assert [(d["key"], d["dueDate"]) for d in (await host.detail(sent))["stateDeadlines"]] == [
        ("decision", "2026-05-02")]
    await travel(days=40)
    assert await run_deadlines() == []
    issued = ok(await host.act(sent, "ISSUE", form=answers({"epc.decision.card_number": "EPC-FR-2026-000123"})))
    assert issued["state"] == "ISSUED" and issued["allowedActions"] == ["REVOKE", "ADD_MESSAGE"]
    assert await run_deadlines() == [], "no effect once the decision is taken"


async def test_a_decision_after_the_period_finds_the_card_recognised(party: MakeParty, travel) -> None:
    home, host = await party("AT", AREA), await party("FR", AREA)
    sent = await _transmitted(home, host, AUTOMATIC)
    await travel(days=45)
    late = refused(await host.act(sent, "REFUSE", form=answers({"epc.refusal.grounds": "Diplôme non conforme."})),
                   "StaleVersion")
    reloaded = await host.detail(sent)
    assert reloaded["state"] == "TACITLY_RECOGNISED" and reloaded["version"] == late["currentVersion"]
    assert refused(await host.act(reloaded, "REFUSE", form=answers({"epc.refusal.grounds": "Trop tard."})),
                   "InvalidTransition")["state"] == "TACITLY_RECOGNISED"


async def test_late_acknowledgement_is_reminded_and_late_verification_escalated(
        party: MakeParty, travel, run_deadlines) -> None:
    home, host = await party("AT", AREA), await party("FR", AREA)
    coordinator = await party("AT", AREA, coordinator=True)
    filed = ok(await home.create(PROCEDURE, "EPC Krankenpflege", form=application(AUTOMATIC)))
    await travel(days=8)
    assert [(a.deadline, a.action) for a in await run_deadlines()] == [("acknowledgement", "DEADLINE_REMINDER")]
    assert await home.box("TO_ACT_OVERDUE") == [filed["id"]]
    verifying = ok(await home.act(filed, "ACKNOWLEDGE"))
    assert await home.box("TO_ACT_OVERDUE") == [] and await home.box("TO_ACT_NEAR_DEADLINE") == []
    await travel(days=29)
    assert await home.box("TO_ACT_NEAR_DEADLINE") == [filed["id"]]
    await travel(days=3)
    [escalated] = await run_deadlines()
    assert (escalated.deadline, escalated.action) == ("verification", "DEADLINE_ESCALATION")
    assert await coordinator.box("ESCALATED") == [filed["id"]]
    ok(await home.act(verifying, "TRANSMIT", form=VERIFIED, toAuthorityId=host.authority_gid))
    assert await coordinator.box("ESCALATED") == []
