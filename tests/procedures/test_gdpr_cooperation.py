"""GDPR cooperation besides the one-stop-shop: Article 61 mutual assistance (an information request, here driven
entirely through the generic mutations, with its one-month deadline) and Article 56 identification of the lead
authority (replies of each authority asked, then the outcome)."""

from datetime import timedelta

from imi.clock import FixedClock
from tests.procedures.conftest import MakeParty, answers, ok, refused

AREA = "GDPR"


async def test_mutual_assistance_through_the_generic_mutations(party: MakeParty, clock: FixedClock, travel,
                                                              run_deadlines) -> None:
    requester, requested = await party("DE", AREA, language="de"), await party("IE", AREA)
    reply_by = (clock.now() + timedelta(days=30)).date().isoformat()
    draft = ok(await requester.create("GDPR_MUTUAL_ASSISTANCE", "Auskunft zu einer Verarbeitung",
                                      counterpartId=requested.authority_gid, requestedReplyDate=reply_by,
                                      questions=[{"item": "gdpr61.assistance.complaints"},
                                                 {"item": "gdpr61.assistance.main_establishment"}],
                                      personalData=[{"field": "business_name", "value": "Example Apps Ltd"}]))
    assert (draft["kind"], draft["state"]) == ("REQUEST", "DRAFT")
    sent = ok(await requester.act(draft, "SEND"))
    assert sent["state"] == "SENT"
    seen = await requested.detail(sent)
    assert [d["key"] for d in seen["stateDeadlines"]] == ["SENT.1", "one_month"]
    assert {d["key"]: d["effect"] for d in seen["stateDeadlines"]}["one_month"] == "ESCALATION"
    accepted = ok(await requested.act(seen, "ACCEPT"))
    assert accepted["state"] == "ACCEPTED"
    await travel(days=32)
    assert [(a.deadline, a.action) for a in await run_deadlines()] == [("one_month", "DEADLINE_ESCALATION")]
    answered = ok(await requested.act(accepted, "ANSWER", form=answers({
        "gdpr61.assistance.complaints": "YES", "gdpr61.assistance.main_establishment": "YES"})))
    assert answered["state"] == "ANSWERED"
    assert {a["item"]: a["value"] for a in answered["answers"]} == {
        "gdpr61.assistance.complaints": "YES", "gdpr61.assistance.main_establishment": "YES"}
    assert refused(await requester.act(answered, "NO_SUCH_ACTION"), "NotAllowed")
    closed = ok(await requester.act(answered, "CLOSE", timeliness=4, efforts=5))
    assert closed["state"] == "CLOSED"
    timeline = [e["action"] for e in (await requester.detail(closed))["timeline"]]
    assert timeline == ["CREATE", "SEND", "ACCEPT", "DEADLINE_ESCALATION", "ANSWER", "CLOSE"]


async def test_identifying_the_lead_authority(party: MakeParty) -> None:
    initiating = await party("FR", AREA, language="fr")
    irish, dutch = await party("IE", AREA), await party("NL", AREA, language="nl")
    case = ok(await initiating.create("GDPR_LEAD_AUTHORITY", "Traitement transfrontalier d'une application",
                                      form=answers({"gdpr56.case.controller": "Example Apps Ltd"})))
    sent = ok(await initiating.act(case, "SEND", authorityIds=[irish.authority_gid, dutch.authority_gid],
                                   form=answers({
                                       "gdpr56.case.processing": "Profilage publicitaire des utilisateurs.",
                                       "gdpr56.case.cross_border": "gdpr56.case.cross_border.opt.establishments",
                                       "gdpr56.case.main_establishment": "Dublin"})))
    assert sent["state"] == "OPEN"
    irish_view = await irish.detail(sent)
    assert irish_view["allowedActions"] == ["RESPOND", "ADD_MESSAGE", "ADD_ATTACHMENT"]
    assert [a["form"]["id"] for a in irish_view["actions"] if a["action"] == "RESPOND"] == ["gdpr56.response"]
    ok(await irish.act(irish_view, "RESPOND", form=answers({
        "gdpr56.response.concerned": "YES", "gdpr56.response.ground": "gdpr56.response.ground.opt.establishment",
        "gdpr56.response.lead": "YES"})))
    dutch_view = await dutch.detail(sent)
    assert refused(await dutch.act(dutch_view, "RESPOND", form=answers({"gdpr56.response.lead": "NO"})),
                   "ValidationFailed")["problems"][0]["field"] == "form.gdpr56.response.concerned"
    replied = ok(await dutch.act(dutch_view, "RESPOND", form=answers({
        "gdpr56.response.concerned": "YES", "gdpr56.response.ground": "gdpr56.response.ground.opt.data_subjects",
        "gdpr56.response.lead": "NO"})))
    replies = {p["country"]: {a["item"]: a["value"] for a in p["answers"]}
               for p in (await initiating.detail(replied))["caseParticipants"]}
    assert replies["IE"]["gdpr56.response.lead"] == "YES" and replies["NL"]["gdpr56.response.lead"] == "NO"
    concluded = ok(await initiating.act(replied, "CONCLUDE", form=answers({
        "gdpr56.conclusion.lead_authority": "Data Protection Commission (IE)",
        "gdpr56.conclusion.main_establishment": "Example Apps Ltd, Dublin"})))
    assert concluded["state"] == "CONCLUDED"
