"""The information-request workflow through GraphQL: the full scenario, visibility and refusals."""

from datetime import date, timedelta

from tests import operations as ops
from tests.exchanges.conftest import Cast
from tests.world import PROCEDURE

QUESTIONS = [{"item": "pq.establishment.legally_established", "parameters": [{"name": "profession", "value": "Arzt"}]}]


async def _draft(client, cast: Cast, reply: date) -> dict:
    data = await client.gql(ops.CREATE, {"input": {
        "procedure": PROCEDURE, "subject": "Anerkennung: Facharzt für Innere Medizin",
        "respondingAuthorityId": cast.responder.authority_gid, "requestedReplyDate": reply.isoformat(),
        "questions": QUESTIONS, "personalData": [{"field": "full_name", "value": "Jan Kowalski"},
                                                  {"field": "date_of_birth", "value": "1980-04-01"}],
    }})
    result = data["createRequest"]
    assert result["__typename"] == "ExchangeSuccess", result
    return result["exchange"]


def _ok(data: dict, field: str) -> dict:
    result = data[field]
    assert result["__typename"] == "ExchangeSuccess", result
    return result["exchange"]


async def test_a_request_through_its_whole_life(cast: Cast, client_for, clock) -> None:
    requester, responder = await client_for(cast.requester), await client_for(cast.responder)
    bystander = await client_for(cast.bystander)
    today = clock.now().date()
    draft = await _draft(requester, cast, today + timedelta(days=14))
    assert draft["state"] == "DRAFT" and "SEND" in draft["allowedActions"]
    gid = draft["id"]
    assert (await responder.gql(ops.DETAIL, {"id": gid}))["exchange"] is None, "a draft is the requester's only"

    sent = _ok(await requester.gql(ops.SEND, {"input": {"exchangeId": gid, "version": draft["version"]}}),
               "sendRequest")
    assert sent["state"] == "SENT"

    seen = (await responder.gql(ops.DETAIL, {"id": gid}))["exchange"]
    assert seen["personalDataStatus"] == "HIDDEN_UNTIL_ACCEPTED" and seen["personalData"] is None
    assert seen["attachments"] is None
    assert seen["allowedActions"] == ["ACCEPT", "FORWARD", "ADD_MESSAGE", "ADD_ATTACHMENT"]
    assert seen["myParties"] == ["RESPONDER"]
    boxes = await responder.gql(ops.BOX, {"input": {"box": "TO_ACCEPT", "first": 10}})
    assert [e["node"]["id"] for e in boxes["exchanges"]["edges"]] == [gid]

    proposed = today + timedelta(days=21)
    accepted = _ok(await responder.gql(ops.ACCEPT, {"input": {
        "exchangeId": gid, "version": seen["version"], "proposedReplyDate": proposed.isoformat()}}), "acceptRequest")
    assert accepted["state"] == "ACCEPTED"
    assert accepted["agreedReplyDate"] == accepted["proposedReplyDate"] == proposed.isoformat()
    assert accepted["personalDataStatus"] == "VISIBLE"
    assert {"field": "full_name", "value": "Jan Kowalski"} in accepted["personalData"]

    answered = _ok(await responder.gql(ops.ANSWER, {"input": {
        "exchangeId": gid, "version": accepted["version"],
        "answers": [{"item": "pq.establishment.legally_established", "yesNo": "YES"}],
        "message": "Lekarz posiada pełne prawo wykonywania zawodu."}}), "answerRequest")
    assert answered["state"] == "ANSWERED"

    further = _ok(await requester.gql(ops.FURTHER, {"input": {
        "exchangeId": gid, "version": answered["version"],
        "message": "Bitte bestätigen Sie auch die Dauer der Facharztausbildung."}}), "requestFurtherInformation")
    assert further["state"] == "ACCEPTED"

    again = _ok(await responder.gql(ops.ANSWER, {"input": {
        "exchangeId": gid, "version": further["version"], "message": "Specjalizacja trwała 5 lat."}}),
        "answerRequest")
    closed = _ok(await requester.gql(ops.CLOSE, {"input": {
        "exchangeId": gid, "version": again["version"], "timeliness": 4, "efforts": 5}}), "closeRequest")
    assert closed["state"] == "CLOSED" and closed["allowedActions"] == []

    mine = (await requester.gql(ops.DETAIL, {"id": gid}))["exchange"]
    assert [e["action"] for e in mine["timeline"]] == [
        "CREATE", "SEND", "ACCEPT", "ANSWER", "REQUEST_FURTHER_INFORMATION", "ANSWER", "CLOSE"]
    assert mine["timeline"][2]["proposedReplyDate"] == proposed.isoformat()
    assert mine["survey"] == {"timeliness": 4, "efforts": 5}
    assert mine["answers"] == [{"item": "pq.establishment.legally_established", "value": "YES"}]
    assert mine["round"] == 1
    theirs = (await responder.gql(ops.DETAIL, {"id": gid}))["exchange"]
    assert theirs["survey"] is None, "the survey is the requester's"
    assert [e["action"] for e in theirs["timeline"]] == [e["action"] for e in mine["timeline"]]

    assert (await bystander.gql(ops.DETAIL, {"id": gid}))["exchange"] is None
    for box in ("ALL", "TO_ACCEPT", "SENT"):
        listed = await bystander.gql(ops.BOX, {"input": {"box": box, "first": 10}})
        assert listed["exchanges"]["edges"] == []
    node = await bystander.gql('query($id: ID!) { node(id: $id) { id } }', {"id": gid})
    assert node["node"] is None


async def test_refusals_change_nothing(cast: Cast, client_for, clock) -> None:
    requester, bystander = await client_for(cast.requester), await client_for(cast.bystander)
    today = clock.now().date()
    draft = await _draft(requester, cast, today + timedelta(days=10))
    gid, version = draft["id"], draft["version"]

    wrong_state = (await requester.gql(ops.CLOSE, {"input": {"exchangeId": gid, "version": version}}))["closeRequest"]
    assert wrong_state["__typename"] == "InvalidTransition" and wrong_state["state"] == "DRAFT"
    not_mine = (await bystander.gql(ops.SEND, {"input": {"exchangeId": gid, "version": version}}))["sendRequest"]
    assert not_mine["__typename"] == "NotFound"
    stale = (await requester.gql(ops.SEND, {"input": {"exchangeId": gid, "version": version + 3}}))["sendRequest"]
    assert stale["__typename"] == "StaleVersion" and stale["currentVersion"] == version
    past = (await requester.gql(ops.SEND, {"input": {"exchangeId": gid, "version": version,
                                                     "requestedReplyDate": today.isoformat()}}))["sendRequest"]
    assert past["__typename"] == "ValidationFailed" and past["problems"][0]["field"] == "requestedReplyDate"
    malformed = (await requester.gql(ops.SEND, {"input": {"exchangeId": "not-an-id", "version": 1}}))["sendRequest"]
    assert malformed["__typename"] == "ValidationFailed"
    foreign = (await requester.gql(ops.SEND, {"input": {"exchangeId": cast.responder.authority_gid,
                                                        "version": 1}}))["sendRequest"]
    assert foreign["__typename"] == "ValidationFailed", "an authority's ID is not an exchange's"

    unchanged = (await requester.gql(ops.DETAIL, {"id": gid}))["exchange"]
    assert unchanged["state"] == "DRAFT" and unchanged["version"] == version
    assert [e["action"] for e in unchanged["timeline"]] == ["CREATE"]

    sent = _ok(await requester.gql(ops.SEND, {"input": {"exchangeId": gid, "version": version}}), "sendRequest")
    own_action = (await requester.gql(ops.ACCEPT, {"input": {"exchangeId": gid, "version": sent["version"]}}))
    assert own_action["acceptRequest"]["__typename"] == "NotAllowed", "a requester cannot accept its own request"
    rating = (await requester.gql(ops.CLOSE, {"input": {"exchangeId": gid, "version": sent["version"],
                                                        "timeliness": 7}}))["closeRequest"]
    assert rating["__typename"] == "ValidationFailed"


async def test_the_second_of_two_concurrent_actions_gets_stale_version(cast: Cast, client_for, clock) -> None:
    requester, responder = await client_for(cast.requester), await client_for(cast.responder)
    draft = await _draft(requester, cast, clock.now().date() + timedelta(days=10))
    sent = _ok(await requester.gql(ops.SEND, {"input": {"exchangeId": draft["id"], "version": draft["version"]}}),
               "sendRequest")
    first = await responder.gql(ops.ACCEPT, {"input": {"exchangeId": sent["id"], "version": sent["version"]}})
    second = await requester.gql(ops.WITHDRAW, {"input": {"exchangeId": sent["id"], "version": sent["version"]}})
    assert first["acceptRequest"]["__typename"] == "ExchangeSuccess"
    assert second["withdrawRequest"]["__typename"] == "StaleVersion"


async def test_forward_within_the_country_makes_the_new_recipient_accept(cast: Cast, client_for, clock) -> None:
    requester, responder = await client_for(cast.requester), await client_for(cast.responder)
    colleague = await client_for(cast.colleague)
    draft = await _draft(requester, cast, clock.now().date() + timedelta(days=10))
    sent = _ok(await requester.gql(ops.SEND, {"input": {"exchangeId": draft["id"], "version": draft["version"]}}),
               "sendRequest")
    wrong_country = await responder.gql(ops.FORWARD, {"input": {
        "exchangeId": sent["id"], "version": sent["version"], "toAuthorityId": cast.bystander.authority_gid}})
    assert wrong_country["forwardRequest"]["__typename"] == "ValidationFailed"
    forwarded = (await responder.gql(ops.FORWARD, {"input": {
        "exchangeId": sent["id"], "version": sent["version"], "toAuthorityId": cast.colleague.authority_gid,
        "message": "Właściwa jest izba krakowska."}}))["forwardRequest"]
    assert forwarded["toAuthority"]["officialName"] == "Okręgowa Izba Lekarska w Krakowie"
    assert (await responder.gql(ops.DETAIL, {"id": sent["id"]}))["exchange"] is None, "the forwarder lets go"
    theirs = (await colleague.gql(ops.DETAIL, {"id": sent["id"]}))["exchange"]
    assert theirs["state"] == "SENT"
    assert theirs["personalDataStatus"] == "HIDDEN_UNTIL_ACCEPTED"
    assert theirs["timeline"][-1]["toAuthority"]["officialName"] == "Okręgowa Izba Lekarska w Krakowie"


async def test_referral_to_the_requesters_coordinator(cast: Cast, client_for, clock) -> None:
    requester, responder = await client_for(cast.requester), await client_for(cast.responder)
    coordinator = await client_for(cast.coordinator)
    draft = await _draft(requester, cast, clock.now().date() + timedelta(days=10))
    step = _ok(await requester.gql(ops.SEND, {"input": {"exchangeId": draft["id"], "version": 1}}), "sendRequest")
    step = _ok(await responder.gql(ops.ACCEPT, {"input": {"exchangeId": step["id"], "version": step["version"]}}),
               "acceptRequest")
    step = _ok(await responder.gql(ops.ANSWER, {"input": {"exchangeId": step["id"], "version": step["version"],
                                                          "message": "Brak danych."}}), "answerRequest")
    assert (await coordinator.gql(ops.DETAIL, {"id": step["id"]}))["exchange"] is None
    step = _ok(await requester.gql(ops.REFER, {"input": {"exchangeId": step["id"], "version": step["version"],
                                                         "message": "Die Antwort ist unvollständig."}}),
               "referRequest")
    assert step["state"] == "REFERRED"
    referred = (await coordinator.gql(ops.BOX, {"input": {"box": "REFERRED", "first": 5}}))["exchanges"]["edges"]
    assert [e["node"]["id"] for e in referred] == [step["id"]]
    seen = (await coordinator.gql(ops.DETAIL, {"id": step["id"]}))["exchange"]
    assert seen["allowedActions"] == ["RETURN_FROM_REFERRAL", "CLOSE_REFERRAL", "ADD_MESSAGE", "ADD_ATTACHMENT"]
    step = _ok(await coordinator.gql(ops.RETURN, {"input": {"exchangeId": step["id"], "version": seen["version"],
                                                            "message": "Bitte vollständig beantworten."}}),
               "returnReferral")
    assert step["state"] == "ACCEPTED"


async def test_withdrawal_and_modification(cast: Cast, client_for, clock) -> None:
    requester = await client_for(cast.requester)
    draft = await _draft(requester, cast, clock.now().date() + timedelta(days=10))
    modified = _ok(await requester.gql(ops.MODIFY, {"input": {
        "exchangeId": draft["id"], "version": draft["version"], "subject": "Neuer Betreff"}}), "modifyRequest")
    nothing = (await requester.gql(ops.MODIFY, {"input": {"exchangeId": draft["id"],
                                                          "version": modified["version"]}}))["modifyRequest"]
    assert nothing["__typename"] == "ValidationFailed"
    bad_field = (await requester.gql(ops.MODIFY, {"input": {
        "exchangeId": draft["id"], "version": modified["version"],
        "personalData": [{"field": "shoe_size", "value": "44"}]}}))["modifyRequest"]
    assert bad_field["__typename"] == "ValidationFailed"
    withdrawn = _ok(await requester.gql(ops.WITHDRAW, {"input": {"exchangeId": draft["id"],
                                                                 "version": modified["version"]}}), "withdrawRequest")
    assert withdrawn["state"] == "WITHDRAWN"


LANGUAGES_VIEW = """query($id: ID!) { exchange(id: $id) {
  procedure { name } legalArea { name }
  questions { question { text language options { label } } }
  answers { item display } } }"""


async def test_each_side_reads_the_questions_and_answers_in_its_own_language(cast: Cast, client_for, clock) -> None:
    requester, responder = await client_for(cast.requester), await client_for(cast.responder)
    draft = await _draft(requester, cast, clock.now().date() + timedelta(days=14))
    sent = _ok(await requester.gql(ops.SEND, {"input": {"exchangeId": draft["id"], "version": 1}}), "sendRequest")
    polish = (await responder.gql(LANGUAGES_VIEW, {"id": sent["id"]}))["exchange"]
    question = polish["questions"][0]["question"]
    assert question["language"] == "pl" and "(Arzt)" in question["text"]
    assert question["text"].startswith("Czy"), question["text"]
    assert polish["legalArea"]["name"] != "Professional qualifications"
    step = _ok(await responder.gql(ops.ACCEPT, {"input": {"exchangeId": sent["id"], "version": sent["version"]}}),
               "acceptRequest")
    wrong_type = (await responder.gql(ops.ANSWER, {"input": {"exchangeId": sent["id"], "version": step["version"],
        "answers": [{"item": "pq.establishment.legally_established", "number": 3}]}}))["answerRequest"]
    assert wrong_type["__typename"] == "ValidationFailed"
    not_asked = (await responder.gql(ops.ANSWER, {"input": {"exchangeId": sent["id"], "version": step["version"],
        "answers": [{"item": "pq.training.duration_years", "number": 3}]}}))["answerRequest"]
    assert not_asked["__typename"] == "ValidationFailed"
    _ok(await responder.gql(ops.ANSWER, {"input": {"exchangeId": sent["id"], "version": step["version"],
        "answers": [{"item": "pq.establishment.legally_established", "yesNo": "YES"}]}}), "answerRequest")
    german = (await requester.gql(LANGUAGES_VIEW, {"id": sent["id"]}))["exchange"]
    assert german["answers"] == [{"item": "pq.establishment.legally_established", "display": "Ja"}]
    assert german["questions"][0]["question"]["language"] == "de"
    english = await requester.gql('query($id: ID!) { exchange(id: $id) { answers { display(language: "el") } } }',
                                  {"id": sent["id"]})
    assert english["exchange"]["answers"][0]["display"] == "Ναι"


async def test_questions_must_come_from_the_procedures_catalogue(cast: Cast, client_for, clock) -> None:
    requester = await client_for(cast.requester)
    for questions in ([{"item": "services.provider.established"}], [{"item": "no.such.question"}],
                      [{"item": "pq.establishment.legally_established"}],
                      [{"item": "pq.establishment.legally_established",
                        "parameters": [{"name": "profession", "value": "Arzt"}, {"name": "city", "value": "x"}]}]):
        result = (await requester.gql(ops.CREATE, {"input": {
            "procedure": PROCEDURE, "subject": "x", "questions": questions}}))["createRequest"]
        assert result["__typename"] == "ValidationFailed", questions
