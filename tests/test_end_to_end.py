"""The whole request scenario against a real uvicorn over HTTP: two officials in different countries,
send → accept with a new date → answer → further information → answer → close with survey."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from tests import operations as ops
from tests import world
from tests.server import running_server

pytestmark = pytest.mark.slow


async def test_two_officials_run_a_request_over_http(clean_db: str, tmp_path: Path) -> None:
    now = datetime.now(UTC)
    de, pl, fr = [await world.authority(c, now) for c in ("DE", "PL", "FR")]
    anna = await world.official(de, now, email="anna@de.example.eu", language="de")
    jan = await world.official(pl, now, email="jan@pl.example.eu", language="pl")
    luc = await world.official(fr, now, email="luc@fr.example.eu", language="fr")
    today = now.date()

    with running_server(clean_db, tmp_path) as base:
        async with httpx.AsyncClient(base_url=base, timeout=20) as http:
            requester, responder, bystander = world.Client(http), world.Client(http), world.Client(http)
            for client, person in ((requester, anna), (responder, jan), (bystander, luc)):
                assert (await client.sign_in(person.email))["__typename"] == "SignInSuccess"

            no_csrf = await http.post("/graphql", json={"query": "{ me { language } }"},
                                      headers={"cookie": f"imi_session={requester.cookies['imi_session']}"})
            assert no_csrf.status_code == 403, "a cookie session must send its CSRF token"

            async def act(client: world.Client, document: str, field: str, **input: object) -> dict:
                result = (await client.gql(document, {"input": input}))[field]
                assert result["__typename"] == "ExchangeSuccess", result
                return result["exchange"]

            draft = (await requester.gql(ops.CREATE, {"input": {
                "procedure": world.PROCEDURE, "subject": "Anerkennung als Zahnarzt",
                "respondingAuthorityId": jan.authority_gid,
                "requestedReplyDate": (today + timedelta(days=14)).isoformat(),
                "questions": world.QUESTIONS,
                "personalData": [{"field": "full_name", "value": "Piotr Nowak"}]}}))["createRequest"]["exchange"]
            gid = draft["id"]
            step = await act(requester, ops.SEND, "sendRequest", exchangeId=gid, version=draft["version"])
            hidden = (await responder.gql(ops.DETAIL, {"id": gid}))["exchange"]
            assert hidden["personalData"] is None and hidden["personalDataStatus"] == "HIDDEN_UNTIL_ACCEPTED"
            new_date = (today + timedelta(days=30)).isoformat()
            step = await act(responder, ops.ACCEPT, "acceptRequest", exchangeId=gid, version=step["version"],
                             proposedReplyDate=new_date)
            assert step["agreedReplyDate"] == new_date
            step = await act(responder, ops.ANSWER, "answerRequest", exchangeId=gid, version=step["version"],
                             answers=[{"item": "pq.establishment.legally_established", "yesNo": "YES"}])
            step = await act(requester, ops.FURTHER, "requestFurtherInformation", exchangeId=gid,
                             version=step["version"], message="Bitte senden Sie auch den Ausbildungsnachweis.")
            step = await act(responder, ops.ANSWER, "answerRequest", exchangeId=gid, version=step["version"],
                             message="Dyplom został przesłany w załączniku.")
            step = await act(requester, ops.CLOSE, "closeRequest", exchangeId=gid, version=step["version"],
                             timeliness=5, efforts=4)
            assert step["state"] == "CLOSED"

            expected = ["CREATE", "SEND", "ACCEPT", "ANSWER", "REQUEST_FURTHER_INFORMATION", "ANSWER", "CLOSE"]
            mine = (await requester.gql(ops.DETAIL, {"id": gid}))["exchange"]
            theirs = (await responder.gql(ops.DETAIL, {"id": gid}))["exchange"]
            assert [e["action"] for e in mine["timeline"]] == expected
            assert [e["action"] for e in theirs["timeline"]] == expected
            assert mine["survey"] == {"timeliness": 5, "efforts": 4} and theirs["survey"] is None
            assert theirs["personalData"] == [{"field": "full_name", "value": "Piotr Nowak"}]
            assert (await bystander.gql(ops.DETAIL, {"id": gid}))["exchange"] is None
            listed = await bystander.gql(ops.BOX, {"input": {"box": "ALL", "first": 50}})
            assert listed["exchanges"]["edges"] == []
