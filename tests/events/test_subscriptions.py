"""Subscriptions over graphql-transport-ws against a real server: per-event authorisation, resuming from a
cursor without loss or duplicates, and the protocol's refusals with their close codes."""

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from imi.accounts import service as accounts
from imi.exchanges.models import ExchangeEvent
from tests import operations as ops
from tests import world
from tests.events.conftest import WITHOUT_TRANSLATION
from tests.graphql_ws import Socket
from tests.server import running_server

pytestmark = pytest.mark.slow
EVENTS = """subscription($input: ExchangeEventsInput!) { exchangeEvents(input: $input) {
  cursor action toState exchange { reference state } } }"""


@pytest.fixture
async def stage(clean_db: str, tmp_path: Path) -> AsyncIterator[dict]:
    now = datetime.now(UTC)
    de, pl, fr = [await world.authority(c, now) for c in ("DE", "PL", "FR")]
    people = {
        "anna": await world.official(de, now, email="anna@de.example.eu"),
        "jan": await world.official(pl, now, email="jan@pl.example.eu"),
        "luc": await world.official(fr, now, email="luc@fr.example.eu"),
    }
    tokens = {name: (await accounts.create_token(name="partner", scopes=["events:subscribe", "exchanges:read"],
                                                 days=1, now=now, user_id=person.user_id)).plaintext
              for name, person in people.items()}
    stats = (await accounts.create_token(name="stats", scopes=["statistics:read"], days=1, now=now,
                                         user_id=people["luc"].user_id)).plaintext
    with running_server(clean_db, tmp_path, IMI_WS_INIT_TIMEOUT="1", **WITHOUT_TRANSLATION) as base:
        async with httpx.AsyncClient(base_url=base, timeout=20) as http:
            clients = {name: world.Client(http) for name in people}
            for name, client in clients.items():
                await client.sign_in(people[name].email)
            yield {"base": base, "people": people, "tokens": tokens, "clients": clients, "stats": stats}


async def _send_request(stage: dict) -> dict:
    anna = stage["clients"]["anna"]
    question = {"item": "pq.establishment.legally_established",
                "parameters": [{"name": "profession", "value": "Zahnarzt"}]}
    draft = (await anna.gql(ops.CREATE, {"input": {
        "procedure": world.PROCEDURE, "subject": "Approbation", "respondingAuthorityId":
        stage["people"]["jan"].authority_gid, "requestedReplyDate": (datetime.now(UTC).date() + timedelta(days=9))
        .isoformat(), "questions": [question]}}))["createRequest"]["exchange"]
    return (await anna.gql(ops.SEND, {"input": {"exchangeId": draft["id"], "version": 1}}))["sendRequest"]["exchange"]


async def test_a_partner_tool_resumes_from_its_cursor_and_gets_each_event_once(stage: dict) -> None:
    partner = await Socket.open(stage["base"])
    assert (await partner.init({"token": stage["tokens"]["jan"]}))["type"] == "connection_ack"
    bystander = await Socket.open(stage["base"])
    await bystander.init({"token": stage["tokens"]["luc"]})
    await partner.subscribe("1", EVENTS, {"input": {}})
    await bystander.subscribe("1", EVENTS, {"input": {}})

    sent = await _send_request(stage)
    first = (await partner.next_data())["exchangeEvents"]
    assert first["action"] == "SEND" and first["exchange"]["state"] == "SENT", "the draft's CREATE is not Jan's"
    await partner.close()  # the partner tool dies here

    jan, anna = stage["clients"]["jan"], stage["clients"]["anna"]
    accepted = (await jan.gql(ops.ACCEPT, {"input": {"exchangeId": sent["id"], "version": sent["version"]}}))
    version = accepted["acceptRequest"]["exchange"]["version"]
    await anna.gql(ops.ADD_MESSAGE, {"input": {"exchangeId": sent["id"], "text": "Danke!"}})
    await jan.gql(ops.ANSWER, {"input": {"exchangeId": sent["id"], "version": version, "message": "Gotowe."}})

    resumed = await Socket.open(stage["base"])
    await resumed.init({"token": stage["tokens"]["jan"]})
    await resumed.subscribe("again", EVENTS, {"input": {"after": first["cursor"]}})
    actions = [(await resumed.next_data())["exchangeEvents"]["action"] for _ in range(3)]
    assert actions == ["ACCEPT", "ADD_MESSAGE", "ANSWER"]
    assert await resumed.quiet(1.0), "nothing twice"
    assert await bystander.quiet(0.5), "a third authority sees nothing"
    await resumed.close()
    await bystander.close()


async def test_protocol_refusals_and_their_close_codes(stage: dict) -> None:
    silent = await Socket.open(stage["base"])
    assert await silent.close_code(seconds=5) == 4408, "no connection_init within the timeout"

    forged = await Socket.open(stage["base"])
    await forged.send({"type": "connection_init", "payload": {"token": "imi_forged_token"}})
    assert await forged.close_code() == 4403

    wrong_scope = await Socket.open(stage["base"])
    await wrong_scope.send({"type": "connection_init", "payload": {"token": stage["stats"]}})
    assert await wrong_scope.close_code() == 4403

    early = await Socket.open(stage["base"])
    await early.subscribe("1", EVENTS, {"input": {}})
    assert await early.close_code() == 4401

    twice = await Socket.open(stage["base"])
    await twice.init({"token": stage["tokens"]["jan"]})
    await twice.send({"type": "ping"})
    assert (await twice.receive())["type"] == "pong"
    await twice.subscribe("same", EVENTS, {"input": {}})
    await twice.subscribe("same", EVENTS, {"input": {}})
    assert await twice.close_code() == 4409

    full = await Socket.open(stage["base"])
    await full.init({"token": stage["tokens"]["jan"]})
    for n in range(20):
        await full.subscribe(f"s{n}", EVENTS, {"input": {}})
    await full.subscribe("s20", EVENTS, {"input": {}})
    refused = await full.receive()
    assert refused["type"] == "error" and refused["id"] == "s20", refused
    assert "limit" in refused["payload"][0]["message"]
    await full.send({"id": "s0", "type": "complete"})
    await full.subscribe("s21", EVENTS, {"input": {}})
    await full.send({"type": "ping"})
    assert await full.receive() == {"type": "pong"}, "the connection lives on, and a freed slot is usable"
    await _send_request(stage)
    assert (await full.next_data())["exchangeEvents"]["action"] == "SEND"
    await full.close()


async def _refusal(stage: dict, after: str) -> dict:
    socket = await Socket.open(stage["base"])
    await socket.init({"token": stage["tokens"]["jan"]})
    await socket.subscribe("1", EVENTS, {"input": {"after": after}})
    message = await socket.receive()
    assert message["type"] == "next" and message["payload"]["data"] is None, message
    assert (await socket.receive())["type"] == "complete", "the subscription ends"
    await socket.close()
    [error] = message["payload"]["errors"]
    return error


async def test_cursors_that_cannot_be_resumed_are_refused_with_a_code(stage: dict) -> None:
    malformed = await _refusal(stage, "yesterday")
    assert malformed["extensions"]["code"] == "CURSOR_MALFORMED", malformed

    sent = await _send_request(stage)
    jan = stage["clients"]["jan"]
    await jan.gql(ops.ACCEPT, {"input": {"exchangeId": sent["id"], "version": sent["version"]}})
    ahead = await _refusal(stage, "999999")
    assert ahead["extensions"]["code"] == "RESYNC_REQUIRED" and "resynchronise" in ahead["message"], ahead

    deadline = asyncio.get_running_loop().time() + 10
    while await ExchangeEvent.filter(position=None).exists():  # the ACCEPT is numbered by the server
        assert asyncio.get_running_loop().time() < deadline
        await asyncio.sleep(0.05)
    await ExchangeEvent.filter(position__lte=2).delete()  # the log no longer holds CREATE and SEND
    too_old = await _refusal(stage, "0")
    assert too_old["extensions"]["code"] == "RESYNC_REQUIRED" and "no longer" in too_old["message"], too_old

    oldest = await Socket.open(stage["base"])
    await oldest.init({"token": stage["tokens"]["jan"]})
    await oldest.subscribe("1", EVENTS, {"input": {"after": "2"}})
    assert (await oldest.next_data())["exchangeEvents"]["action"] == "ACCEPT", "the oldest retained cursor works"
    await oldest.close()


async def test_a_browser_session_subscribes_with_its_cookie_and_foreign_origins_are_refused(stage: dict) -> None:
    cookie = {"cookie": f"imi_session={stage['clients']['anna'].cookies['imi_session']}"}
    browser = await Socket.open(stage["base"], headers=cookie)
    assert (await browser.init())["type"] == "connection_ack"
    await browser.subscribe("1", EVENTS, {"input": {"kinds": ["REQUEST"]}})
    await _send_request(stage)
    assert (await browser.next_data())["exchangeEvents"]["action"] == "CREATE"
    await browser.close()
    import websockets

    with pytest.raises(websockets.InvalidStatus):
        await websockets.connect(stage["base"].replace("http", "ws") + "/graphql",
                                 subprotocols=["graphql-transport-ws"], origin="https://evil.example")
