"""The professional-qualification alert through GraphQL: validation by the sender's coordinator, broadcast to
every other country, the limited view of incoming coordinators until allocation, acknowledgement, deadlines."""

from dataclasses import dataclass
from datetime import timedelta

import pytest

from imi.accounts.profiles import Profile
from imi.reference import countries
from tests import world
from tests.forms import required_form

AREA = "PROFESSIONAL_QUALIFICATIONS"
RESULT = """__typename ... on ExchangeSuccess { exchange { id version state allowedActions limitedView
  personalDataStatus answers { item value } alertDeadlines { sendBy sentLateDays closeBy closeOverdueDays } } }
  ... on Error { message } ... on ValidationFailed { problems { field message } }"""
CREATE = f"mutation($input: CreateBroadcastInput!) {{ createBroadcast(input: $input) {{ {RESULT} }} }}"
SUBMIT = f"mutation($input: BroadcastStepInput!) {{ submitAlert(input: $input) {{ {RESULT} }} }}"
VALIDATE = f"mutation($input: BroadcastStepInput!) {{ validateAlert(input: $input) {{ {RESULT} }} }}"
CLOSE = f"mutation($input: BroadcastStepInput!) {{ closeBroadcast(input: $input) {{ {RESULT} }} }}"
ACK = f"mutation($input: AcknowledgeInput!) {{ acknowledgeBroadcast(input: $input) {{ {RESULT} }} }}"
HAND_ON = """mutation($input: HandOnInput!) { handOnBroadcast(input: $input) {
  __typename ... on HandOnSuccess { added } ... on Error { message } } }"""
VIEW = """query($id: ID!) { exchange(id: $id) { state limitedView personalDataStatus personalData { field value }
  answers { item value } allowedActions participants { country role acknowledgedAt }
  timeline { action } } }"""
BOX = """query($box: Box!) { exchanges(input: {box: $box, first: 50, kinds: [ALERT]}) { edges { node { id } } } }"""


@dataclass
class Cast:
    sender: world.Official  # a German chamber with alert rights
    validator: world.Official  # the German national coordinator
    incoming: world.Official  # the Polish national coordinator (receives alerts for Poland)
    handler: world.Official  # a Polish chamber
    bystander: world.Official  # a French authority


@pytest.fixture
async def cast(clean_db: str, clock) -> Cast:
    now = clock.now()
    for code in (c.code for c in countries()):
        await world.coordinator(code, now)
    coordinator_rights = [(None, Profile.VALIDATOR), (None, Profile.ALLOCATOR), (None, Profile.ALERT_HANDLER),
                          (None, Profile.REFERRAL_HANDLER)]
    handler_rights = [(AREA, Profile.ALERT_HANDLER), (AREA, Profile.REQUEST_HANDLER)]
    return Cast(
        sender=await world.official(await world.authority("DE", now), now, rights=handler_rights, language="de"),
        validator=await world.official(await world.coordinator("DE", now), now, rights=coordinator_rights),
        incoming=await world.official(await world.coordinator("PL", now), now, rights=coordinator_rights,
                                      language="pl"),
        handler=await world.official(await world.authority("PL", now), now, rights=handler_rights, language="pl"),
        bystander=await world.official(await world.authority("FR", now), now, rights=handler_rights),
    )


def _ok(data: dict, field: str) -> dict:
    assert data[field]["__typename"] == "ExchangeSuccess", data[field]
    return data[field]["exchange"]


async def test_an_alert_from_decision_to_closure(cast: Cast, client_for, clock) -> None:
    sender, validator = await client_for(cast.sender), await client_for(cast.validator)
    incoming, handler = await client_for(cast.incoming), await client_for(cast.handler)
    bystander = await client_for(cast.bystander)
    today = clock.now().date()
    decided = today - timedelta(days=5)
    form = required_form("PQ_ALERT", pq_alert__professional__surname={"text": "Kowalski"},
                         pq_alert__professional__profession={"text": "Arzt"},
                         pq_alert__period__decision_date={"date": decided.isoformat()})

    draft = _ok(await sender.gql(CREATE, {"input": {
        "procedure": "PQ_ALERT", "subject": "Berufsverbot", "form": form, "decisionDate": decided.isoformat(),
        "periodEnd": (today - timedelta(days=1)).isoformat()}}), "createBroadcast")
    assert draft["state"] == "DRAFT" and draft["allowedActions"][0] == "SUBMIT"
    assert draft["alertDeadlines"]["sendBy"] == (decided + timedelta(days=3)).isoformat()
    gid = draft["id"]
    assert (await validator.gql(VIEW, {"id": gid}))["exchange"] is None, "a draft is the sender's only"

    submitted = _ok(await sender.gql(SUBMIT, {"input": {"exchangeId": gid, "version": draft["version"]}}),
                    "submitAlert")
    assert submitted["state"] == "AWAITING_VALIDATION"
    to_validate = (await validator.gql(BOX, {"box": "TO_VALIDATE"}))["exchanges"]["edges"]
    assert [e["node"]["id"] for e in to_validate] == [gid]
    assert (await incoming.gql(VIEW, {"id": gid}))["exchange"] is None, "not yet broadcast"

    sent = _ok(await validator.gql(VALIDATE, {"input": {"exchangeId": gid, "version": submitted["version"]}}),
               "validateAlert")
    assert sent["state"] == "BROADCAST" and sent["alertDeadlines"]["sentLateDays"] == 2
    assert sent["alertDeadlines"]["closeOverdueDays"] == 0

    mine = (await sender.gql(VIEW, {"id": gid}))["exchange"]
    reached = {p["country"] for p in mine["participants"] if p["role"] == "RECIPIENT_COORDINATOR"}
    assert reached == {c.code for c in countries()} - {"DE"}, "to every other EEA country"

    limited = (await incoming.gql(VIEW, {"id": gid}))["exchange"]
    assert limited["limitedView"] and limited["personalDataStatus"] == "LIMITED_VIEW"
    assert limited["personalData"] is None
    assert {a["item"] for a in limited["answers"]} <= {
        "pq_alert.professional.profession", "pq_alert.decision.scope", "pq_alert.decision.activities"}
    assert "Kowalski" not in str(limited)
    assert [p["country"] for p in limited["participants"]] == ["PL"], "only its own country's rows"
    incoming_box = (await incoming.gql(BOX, {"box": "INCOMING"}))["exchanges"]["edges"]
    assert [e["node"]["id"] for e in incoming_box] == [gid]

    assert (await bystander.gql(VIEW, {"id": gid}))["exchange"] is None, "not allocated to it"
    foreign = await handler.gql(HAND_ON, {"input": {"exchangeId": gid, "authorityIds": [cast.bystander.authority_gid]}})
    assert foreign["handOnBroadcast"]["__typename"] in ("NotFound", "NotAllowed")
    wrong_country = await incoming.gql(HAND_ON, {"input": {"exchangeId": gid,
                                                           "authorityIds": [cast.bystander.authority_gid]}})
    assert wrong_country["handOnBroadcast"]["__typename"] == "ValidationFailed"
    allocated = await incoming.gql(HAND_ON, {"input": {"exchangeId": gid,
                                                       "authorityIds": [cast.handler.authority_gid]}})
    assert allocated["handOnBroadcast"] == {"__typename": "HandOnSuccess", "added": 1}

    full = (await handler.gql(VIEW, {"id": gid}))["exchange"]
    assert not full["limitedView"] and full["personalDataStatus"] == "VISIBLE"
    assert any(a["value"] == "Kowalski" for a in full["answers"])
    assert [e["node"]["id"] for e in (await handler.gql(BOX, {"box": "TO_ACKNOWLEDGE"}))["exchanges"]["edges"]] == [gid]
    assert (await handler.gql(ACK, {"input": {"exchangeId": gid}}))["acknowledgeBroadcast"]["__typename"] == \
        "ExchangeSuccess"
    again = (await handler.gql(ACK, {"input": {"exchangeId": gid}}))["acknowledgeBroadcast"]
    assert again["__typename"] == "ValidationFailed"
    assert (await handler.gql(BOX, {"box": "TO_ACKNOWLEDGE"}))["exchanges"]["edges"] == []

    request = (await handler.gql("""mutation($input: CreateRequestInput!) { createRequest(input: $input) {
        __typename ... on ExchangeSuccess { exchange { relatedExchange { id } } } ... on Error { message } } }""",
        {"input": {"procedure": "PQ_REQUEST", "subject": "Pytanie o ostrzeżenie", "relatedExchangeId": gid}}))
    assert request["createRequest"]["exchange"]["relatedExchange"]["id"] == gid, request

    closed = _ok(await sender.gql(CLOSE, {"input": {"exchangeId": gid, "version": sent["version"]}}),
                 "closeBroadcast")
    assert closed["state"] == "CLOSED"
    timeline = [e["action"] for e in (await sender.gql(VIEW, {"id": gid}))["exchange"]["timeline"]]
    assert timeline == ["CREATE", "SUBMIT", "VALIDATE", "ALLOCATE", "ACKNOWLEDGE", "CLOSE"]


async def test_an_incomplete_alert_cannot_be_submitted(cast: Cast, client_for) -> None:
    sender = await client_for(cast.sender)
    draft = _ok(await sender.gql(CREATE, {"input": {"procedure": "PQ_ALERT", "subject": "Unvollständig", "form": [
        {"item": "pq_alert.professional.surname", "text": "Nowak"}]}}), "createBroadcast")
    refused = (await sender.gql(SUBMIT, {"input": {"exchangeId": draft["id"], "version": draft["version"]}}))
    assert refused["submitAlert"]["__typename"] == "ValidationFailed"
    wrong = await sender.gql(CREATE, {"input": {"procedure": "PQ_ALERT", "subject": "x", "form": [
        {"item": "pq_alert.professional.date_of_birth", "text": "gestern"}]}})
    assert wrong["createBroadcast"]["__typename"] == "ValidationFailed"
    handlerless = await client_for(cast.bystander)
    assert (await handlerless.gql(CREATE, {"input": {"procedure": "PQ_REQUEST", "subject": "x"}})
            )["createBroadcast"]["__typename"] == "ValidationFailed"
