"""Attachments (limits, sniffing, storage outside the database, who may download) and token readers."""

import json
from datetime import timedelta

from imi.accounts import service as accounts
from tests import operations as ops
from tests import world
from tests.exchanges.conftest import Cast
from tests.world import PROCEDURE

PDF = b"%PDF-1.7\n" + b"0" * 2000
UPLOAD = """mutation($input: AddAttachmentInput!) { addAttachment(input: $input) {
  __typename ... on AttachmentSuccess { attachment { id filename size contentType downloadUrl } }
  ... on Error { message } } }"""


async def _sent_request(client, cast: Cast, clock) -> dict:
    draft = (await client.gql(ops.CREATE, {"input": {
        "procedure": PROCEDURE, "subject": "Zulassung", "respondingAuthorityId": cast.responder.authority_gid,
        "requestedReplyDate": (clock.now().date() + timedelta(days=9)).isoformat(),
        "questions": world.QUESTIONS,
        "personalData": [{"field": "full_name", "value": "Ewa Zielińska"}]}}))["createRequest"]["exchange"]
    return (await client.gql(ops.SEND, {"input": {"exchangeId": draft["id"], "version": 1}}))["sendRequest"]["exchange"]


async def _upload(client, exchange_id: str, name: str, content_type: str, content: bytes) -> dict:
    operations = json.dumps({"query": UPLOAD, "variables": {"input": {"exchangeId": exchange_id, "file": None}}})
    response = await client.http.post(
        "/graphql", data={"operations": operations, "map": json.dumps({"0": ["variables.input.file"]})},
        files={"0": (name, content, content_type)}, headers={**client._headers(), "graphql-preflight": "1"})
    assert response.status_code == 200, response.text
    return response.json()["data"]["addAttachment"]


async def test_attachments_are_checked_stored_and_hidden_until_acceptance(cast: Cast, client_for, clock,
                                                                          settings) -> None:
    requester, responder = await client_for(cast.requester), await client_for(cast.responder)
    bystander = await client_for(cast.bystander)
    sent = await _sent_request(requester, cast, clock)
    done = await _upload(requester, sent["id"], "diplom.pdf", "application/pdf", PDF)
    assert done["__typename"] == "AttachmentSuccess" and done["attachment"]["size"] == len(PDF)
    url = done["attachment"]["downloadUrl"]
    assert list(settings.attachment_dir.rglob("*")), "the bytes live outside the database"

    refused = [
        await _upload(requester, sent["id"], "x.exe", "application/x-msdownload", b"MZ" + b"0" * 100),
        await _upload(requester, sent["id"], "fake.pdf", "application/pdf", b"<html>not a pdf</html>"),
        await _upload(requester, sent["id"], "big.pdf", "application/pdf", b"%PDF-" + b"0" * 300_000),
        await _upload(requester, sent["id"], "empty.txt", "text/plain", b""),
    ]
    assert [r["__typename"] for r in refused] == ["ValidationFailed"] * 4

    async def download(client) -> int:
        return (await client.http.get(url, headers=client._headers())).status_code

    assert await download(requester) == 200
    assert await download(responder) == 404, "hidden from the responder until it accepts"
    assert await download(bystander) == 404
    assert (await responder.gql(ops.DETAIL, {"id": sent["id"]}))["exchange"]["attachments"] is None
    await responder.gql(ops.ACCEPT, {"input": {"exchangeId": sent["id"], "version": sent["version"]}})
    assert await download(responder) == 200
    seen = (await responder.gql(ops.DETAIL, {"id": sent["id"]}))["exchange"]
    assert [a["filename"] for a in seen["attachments"]] == ["diplom.pdf"]
    assert (await requester.http.get(url)).status_code == 404, "anonymous"


async def test_tokens_read_within_their_scopes_and_never_act(cast: Cast, client_for, clock, http) -> None:
    requester = await client_for(cast.requester)
    sent = await _sent_request(requester, cast, clock)
    reader = await accounts.create_token(name="back office", scopes=["exchanges:read"], days=5, now=clock.now(),
                                         user_id=cast.requester.user_id)
    stats = await accounts.create_token(name="stats", scopes=["statistics:read"], days=5, now=clock.now(),
                                        user_id=cast.requester.user_id)
    from tests.world import Client

    tool = Client(http)
    tool.bearer = reader.plaintext
    seen = (await tool.gql(ops.DETAIL, {"id": sent["id"]}))["exchange"]
    assert seen["reference"] and seen["personalData"] is None and seen["allowedActions"] == []
    assert seen["personalDataStatus"] == "NOT_ENTITLED"
    act = await tool.gql(ops.WITHDRAW, {"input": {"exchangeId": sent["id"], "version": sent["version"]}})
    assert act["withdrawRequest"]["__typename"] == "NotAllowed"
    statistician = Client(http)
    statistician.bearer = stats.plaintext
    assert (await statistician.gql(ops.DETAIL, {"id": sent["id"]}))["exchange"] is None
    forged = Client(http)
    forged.bearer = "imi_abc_def"
    assert (await forged.gql(ops.DETAIL, {"id": sent["id"]}))["exchange"] is None
