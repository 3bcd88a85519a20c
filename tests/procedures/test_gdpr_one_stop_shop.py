"""The GDPR one-stop-shop (Article 60) end to end through GraphQL, its objection periods driven by the test
clock: four weeks for a draft, two for a revised draft, agreement deemed when nobody objects in time, objections
recorded per authority concerned, referral to the Board, and the final decision."""

from imi.clock import FixedClock
from tests.procedures.conftest import MakeParty, Party, answers, ok, refused

AREA = "GDPR"
PROCEDURE = "GDPR_ONE_STOP_SHOP"
DRAFT = {
    "gdpr60.draft.controller": "Example Social Network Ltd, Dublin",
    "gdpr60.draft.summary": "Unlawful processing of location data; order to comply and a fine are envisaged.",
    "gdpr60.draft.outcome": "gdpr60.draft.outcome.opt.infringement",
    "gdpr60.draft.complaint": "YES",
}
OBJECTION = answers({
    "gdpr60.objection.grounds": {"choices": ["gdpr60.objection.grounds.opt.action"]},
    "gdpr60.objection.reasoning": "Die vorgesehene Geldbuße ist nicht wirksam und nicht abschreckend.",
    "gdpr60.objection.risks": "Die Verarbeitung betrifft Millionen betroffener Personen in Deutschland.",
})
FINAL = answers({"gdpr60.final.adopted_on": "2026-06-01",
                 "gdpr60.final.summary": "Order to comply within three months and an administrative fine."})


async def _shared(lead: Party, *concerned: Party) -> dict:
    draft = ok(await lead.create(PROCEDURE, "Location data of app users", form=answers(
        {"gdpr60.draft.controller": DRAFT["gdpr60.draft.controller"]})))
    assert draft["state"] == "DRAFT"
    incomplete = refused(await lead.act(draft, "SHARE_DRAFT", authorityIds=[c.authority_gid for c in concerned]),
                         "ValidationFailed")
    assert "form.gdpr60.draft.summary" in {p["field"] for p in incomplete["problems"]}
    modified = ok(await lead.act(draft, "MODIFY", form=answers(DRAFT)))
    nobody = refused(await lead.act(modified, "SHARE_DRAFT"), "ValidationFailed")
    assert nobody["problems"][0]["field"] == "authorityIds"
    shared = ok(await lead.act(modified, "SHARE_DRAFT", authorityIds=[c.authority_gid for c in concerned]))
    assert shared["state"] == "DRAFT_SHARED"
    return shared


async def test_no_objection_within_four_weeks_means_agreement(party: MakeParty, clock: FixedClock, travel,
                                                             run_deadlines) -> None:
    lead = await party("IE", AREA)
    concerned_de, concerned_fr = await party("DE", AREA, language="de"), await party("FR", AREA, language="fr")
    outsider = await party("NL", AREA)
    shared = await _shared(lead, concerned_de, concerned_fr)

    seen = await concerned_de.detail(shared)
    assert seen["myParties"] == ["CONCERNED_AUTHORITY"] and seen["stateLabel"] == "Beschlussentwurf übermittelt"
    assert seen["allowedActions"] == ["OBJECT", "AGREE", "ADD_MESSAGE", "ADD_ATTACHMENT"]
    [period] = seen["stateDeadlines"]
    assert (period["key"], period["effect"], period["then"], period["dueDate"]) == (
        "objection_period", "LEGAL_EFFECT", "DEEM_AGREED", "2026-03-30")
    assert {p["country"] for p in (await lead.detail(shared))["caseParticipants"]} == {"DE", "FR"}
    assert await outsider.detail(shared) is None
    assert sorted(await concerned_fr.box("TO_ACT")) == [shared["id"]]

    agreed_by_fr = ok(await concerned_fr.act(seen, "AGREE"))
    assert agreed_by_fr["state"] == "DRAFT_SHARED", "an explicit agreement changes nothing for the others"
    await travel(weeks=4)
    assert await run_deadlines() == []
    await travel(days=1)
    [applied] = await run_deadlines()
    assert (applied.deadline, applied.action) == ("objection_period", "DEEM_AGREED")
    agreed = await concerned_de.detail(shared)
    assert agreed["state"] == "AGREED" and agreed["stateLabel"] == "Als vereinbart geltend"
    assert refused(await concerned_de.act(agreed, "OBJECT", form=OBJECTION), "InvalidTransition")["state"] == "AGREED"
    adopted = ok(await lead.act(agreed, "ADOPT_DECISION", form=FINAL))
    assert adopted["state"] == "DECISION_ADOPTED"
    assert [e["action"] for e in (await lead.detail(adopted))["timeline"]] == [
        "CREATE", "MODIFY", "SHARE_DRAFT", "AGREE", "DEEM_AGREED", "ADOPT_DECISION"]


async def test_an_objection_in_time_a_revised_draft_and_its_two_weeks(party: MakeParty, travel,
                                                                    run_deadlines) -> None:
    lead = await party("IE", AREA)
    concerned_de, concerned_fr = await party("DE", AREA), await party("FR", AREA)
    shared = await _shared(lead, concerned_de, concerned_fr)
    await travel(days=27)
    objected = ok(await concerned_de.act(shared, "OBJECT", form=OBJECTION))
    assert objected["state"] == "OBJECTION_RAISED"
    also = ok(await concerned_fr.act(objected, "OBJECT", form=OBJECTION))
    assert also["state"] == "OBJECTION_RAISED"
    participants = {p["country"]: p for p in (await lead.detail(also))["caseParticipants"]}
    assert participants["DE"]["answeredAt"] and participants["FR"]["answeredAt"]
    assert {a["item"] for a in participants["DE"]["answers"]} == {
        "gdpr60.objection.grounds", "gdpr60.objection.reasoning", "gdpr60.objection.risks"}
    await travel(days=10)
    assert await run_deadlines() == [], "no period runs while the lead authority weighs the objections"

    revised = ok(await lead.act(also, "SHARE_REVISED_DRAFT", form=answers({
        "gdpr60.revision.changes": "The fine is raised and a processing ban is added."})))
    assert revised["state"] == "REVISED_DRAFT_SHARED"
    [period] = (await concerned_de.detail(revised))["stateDeadlines"]
    assert (period["key"], period["dueDate"]) == ("objection_period", "2026-04-22")
    await travel(days=14)
    assert await run_deadlines() == []
    await travel(days=1)
    assert [a.action for a in await run_deadlines()] == ["DEEM_AGREED"]
    assert (await lead.detail(revised))["state"] == "AGREED"


async def test_a_late_objection_is_refused_and_a_timely_one_goes_to_the_board(party: MakeParty, travel) -> None:
    lead = await party("IE", AREA)
    concerned = await party("DE", AREA)
    joining = await party("AT", AREA)
    shared = await _shared(lead, concerned)
    widened = ok(await lead.act(shared, "ADD_AUTHORITIES", authorityIds=[joining.authority_gid]))
    assert (await joining.detail(widened))["myParties"] == ["CONCERNED_AUTHORITY"]

    await travel(weeks=4, days=1)
    late = refused(await concerned.act(widened, "OBJECT", form=OBJECTION), "StaleVersion")
    reloaded = await concerned.detail(widened)
    assert reloaded["state"] == "AGREED" and reloaded["version"] == late["currentVersion"]
    assert refused(await concerned.act(reloaded, "OBJECT", form=OBJECTION), "InvalidTransition")

    other = await _shared(lead, concerned)
    objected = ok(await concerned.act(other, "OBJECT", form=OBJECTION))
    assert refused(await lead.act(objected, "REFER_TO_EDPB"), "ValidationFailed")["problems"][0]["field"] == "message"
    referred = ok(await lead.act(objected, "REFER_TO_EDPB", message="Objection not followed: Article 65(1)(a)."))
    assert referred["state"] == "CONSISTENCY_PROCEDURE"
    assert ok(await lead.act(referred, "ADOPT_DECISION", form=FINAL))["state"] == "DECISION_ADOPTED"
