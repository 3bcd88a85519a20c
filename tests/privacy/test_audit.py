"""The audit log records every read of personal data (personal data, a broadcast's personal answers, the file
list, downloads) and every change, with who, when and from where, and never the data itself."""

import json
from datetime import timedelta

from imi.accounts import service as accounts
from imi.broadcasts import service as broadcasts
from imi.clock import FixedClock
from imi.exchanges.models import ExchangeEvent
from imi.graphql.ids import encode
from imi.privacy.models import ActorKind, AuditAction, AuditEntry
from imi.privacy.verify import verify
from tests import operations as ops
from tests import world
from tests.privacy.conftest import PDF, Flows, MakeClient

ALERT_VIEW = """query($id: ID!) { exchange(id: $id) { limitedView personalDataStatus answers { item value } } }"""


async def reads(action: AuditAction = AuditAction.READ_PERSONAL_DATA) -> list[AuditEntry]:
    return await AuditEntry.filter(action=action).order_by("id")


async def test_reading_personal_data_is_recorded_with_who_when_and_where(flows: Flows, client_for: MakeClient,
                                                                         clock: FixedClock) -> None:
    closed = await flows.request(attachment=PDF)
    gid = encode("Exchange", closed.id)
    requester = await client_for(flows.cast.requester)
    response = await requester.http.post("/graphql", json={"query": ops.DETAIL, "variables": {"id": gid}},
                                         headers={**requester._headers(), "x-request-id": "case-4711"})
    seen = response.json()["data"]["exchange"]
    assert seen["personalData"] and seen["attachments"]
    assert response.headers["x-request-id"] == "case-4711"

    entries = await reads()
    assert sorted(e.personal_fields for e in entries) == [["attachments"], ["full_name", "registration_number"]]
    for entry in entries:
        assert (entry.actor, entry.user_id, entry.authority_id, entry.country) == (
            ActorKind.USER, flows.cast.requester.user_id, flows.cast.requester.authority.id, "DE")
        assert (entry.exchange_id, entry.exchange_reference, entry.at) == (closed.id, closed.reference, clock.now())
        assert entry.client_address == "127.0.0.1" and (entry.user_agent or "").startswith("python-httpx")
        assert entry.request_id == "case-4711" and entry.token_prefix is None

    other = await requester.post(ops.DETAIL, {"id": gid})
    assert other.headers["x-request-id"] not in ("", "case-4711"), "each request has an id of its own"
    assert len(await reads()) == 4
    dump = json.dumps([[e.personal_fields, e.detail, e.exchange_reference] for e in await AuditEntry.all()])
    assert "Kowalski" not in dump and "4711" not in dump.replace("case-4711", ""), "names of fields, never values"
    assert (await verify()).intact


async def test_nothing_is_recorded_when_no_personal_data_is_shown(flows: Flows, client_for: MakeClient) -> None:
    sent = await flows.request(accept=False, attachment=PDF)
    gid = encode("Exchange", sent.id)
    responder = await client_for(flows.cast.responder)
    hidden = (await responder.gql(ops.DETAIL, {"id": gid}))["exchange"]
    assert hidden["personalDataStatus"] == "HIDDEN_UNTIL_ACCEPTED" and hidden["attachments"] is None
    await responder.gql(ops.BOX, {"input": {"box": "ALL", "first": 20}})
    colleague = await client_for(flows.cast.colleague)
    assert (await colleague.gql(ops.DETAIL, {"id": gid}))["exchange"] is None
    assert await reads() == []


async def test_every_change_is_recorded_with_its_timeline_event(flows: Flows, client_for: MakeClient,
                                                                clock: FixedClock) -> None:
    requester, responder = await client_for(flows.cast.requester), await client_for(flows.cast.responder)
    result = """{ __typename ... on ExchangeSuccess { exchange { id version } } ... on Error { message } }"""
    draft = (await requester.gql(f"""mutation($input: CreateRequestInput!) {{ createRequest(input: $input)
      {result} }}""", {"input": {
        "procedure": world.PROCEDURE, "subject": "Zulassung",
        "respondingAuthorityId": flows.cast.responder.authority_gid,
        "requestedReplyDate": (clock.now().date() + timedelta(days=9)).isoformat(), "questions": world.QUESTIONS,
        "personalData": [{"field": "full_name", "value": "Jan Kowalski"}]}}))["createRequest"]["exchange"]
    sent = (await requester.gql(ops.SEND, {"input": {"exchangeId": draft["id"], "version": 1}}))["sendRequest"]
    stale = await responder.gql(ops.ACCEPT, {"input": {"exchangeId": draft["id"], "version": 1}})
    assert stale["acceptRequest"]["__typename"] == "StaleVersion"
    await responder.gql(ops.ACCEPT, {"input": {"exchangeId": draft["id"], "version": sent["exchange"]["version"]}})
    await responder.gql(ops.ADD_MESSAGE, {"input": {"exchangeId": draft["id"], "text": "Wir prüfen das."}})

    changes = await AuditEntry.filter(action=AuditAction.CHANGE).order_by("id")
    events = await ExchangeEvent.all().order_by("id")
    assert [(c.event_id, c.detail["action"]) for c in changes] == [(e.id, e.action) for e in events]
    assert [e.action for e in events] == ["CREATE", "SEND", "ACCEPT", "ADD_MESSAGE"], "the refusal changed nothing"
    assert [c.user_id for c in changes] == [flows.cast.requester.user_id] * 2 + [flows.cast.responder.user_id] * 2
    assert {c.client_address for c in changes} == {"127.0.0.1"} and all(c.request_id for c in changes)
    assert (await verify()).intact


async def test_downloads_are_recorded(flows: Flows, client_for: MakeClient) -> None:
    closed = await flows.request(attachment=PDF, close=False)
    requester = await client_for(flows.cast.requester)
    [attachment] = (await requester.gql(ops.DETAIL, {"id": encode("Exchange", closed.id)}))["exchange"]["attachments"]
    assert (await requester.http.get(attachment["downloadUrl"], headers=requester._headers())).status_code == 200
    [download] = await reads(AuditAction.DOWNLOAD_ATTACHMENT)
    assert (download.exchange_id, download.user_id) == (closed.id, flows.cast.requester.user_id)
    assert download.attachment_id is not None and download.exchange_reference == closed.reference
    bystander = await client_for(flows.cast.colleague)
    assert (await bystander.http.get(attachment["downloadUrl"], headers=bystander._headers())).status_code == 404
    assert len(await reads(AuditAction.DOWNLOAD_ATTACHMENT)) == 1, "a refused download is no read"


async def test_personal_answers_of_an_alert_are_recorded_for_those_who_see_them(flows: Flows,
                                                                                client_for: MakeClient,
                                                                                clock: FixedClock) -> None:
    alert = await flows.alert()
    gid = encode("Exchange", alert.id)
    incoming = await client_for(flows.cast.pl_coordinator)
    limited = (await incoming.gql(ALERT_VIEW, {"id": gid}))["exchange"]
    assert limited["limitedView"] and await reads() == []
    await broadcasts.hand_on(await world.principal_of(flows.cast.pl_coordinator), alert.id,
                             [flows.cast.responder.authority.id], clock.now(), "ALLOCATE")
    handler = await client_for(flows.cast.responder)
    full = (await handler.gql(ALERT_VIEW, {"id": gid}))["exchange"]
    assert {"value": "Kowalski", "item": "pq_alert.professional.surname"} in full["answers"]
    [entry] = await reads()
    assert alert.personal_data and "pq_alert.professional.surname" in alert.personal_data
    assert entry.personal_fields == sorted(alert.personal_data), "the personal items, not the rest of the form"
    assert (entry.user_id, entry.country) == (flows.cast.responder.user_id, "PL")


async def test_reads_through_an_api_token_name_the_token(flows: Flows, client_for: MakeClient,
                                                         clock: FixedClock) -> None:
    closed = await flows.request()
    token = await accounts.create_token(name="back office", scopes=["exchanges:read", "personal-data:read"], days=5,
                                        now=clock.now(), user_id=flows.cast.requester.user_id)
    tool = await client_for(flows.cast.colleague)
    tool.cookies, tool.csrf, tool.bearer = {}, None, token.plaintext
    seen = (await tool.gql(ops.DETAIL, {"id": encode("Exchange", closed.id)}))["exchange"]
    assert seen["personalData"]
    [entry] = await reads()
    assert (entry.actor, entry.user_id, entry.token_prefix) == (
        ActorKind.TOKEN, flows.cast.requester.user_id, token.token.prefix)
