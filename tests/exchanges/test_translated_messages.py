"""Free text on a request reaches a reader of another language machine-translated, the original at hand:
a message written in Spanish is read in Portuguese, translated by the real Apertium."""

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from tests import operations as ops
from tests import world
from tests.server import running_server
from tests.translation.conftest import needs_apy

pytestmark = [pytest.mark.slow, needs_apy]
MESSAGES = """query($id: ID!) { exchange(id: $id) { messages { text language languageFlagged
  translation { language status text provider route } } } }"""
SPANISH = "El profesional está inscrito en el registro desde el año 2015 y no tiene sanciones disciplinarias."


async def test_a_spanish_message_reaches_a_portuguese_reader_translated_by_apertium(clean_db: str,
                                                                                   tmp_path: Path) -> None:
    now = datetime.now(UTC)
    es = await world.authority("ES", now)
    pt = await world.authority("PT", now)
    lucia = await world.official(es, now, email="lucia@es.example.eu", language="es")
    joao = await world.official(pt, now, email="joao@pt.example.eu", language="pt")
    env = {"IMI_TRANSLATORS": "apertium", "IMI_LANGUAGE_DETECTOR": "low", "IMI_TRANSLATION_WAIT": "10"}
    with running_server(clean_db, tmp_path, **env) as base:
        async with httpx.AsyncClient(base_url=base, timeout=30) as http:
            spanish, portuguese = world.Client(http), world.Client(http)
            await spanish.sign_in(lucia.email)
            await portuguese.sign_in(joao.email)
            draft = (await spanish.gql(ops.CREATE, {"input": {
                "procedure": world.PROCEDURE, "subject": "Reconocimiento", "respondingAuthorityId": joao.authority_gid,
                "requestedReplyDate": (now.date() + timedelta(days=10)).isoformat(),
                "questions": [{"item": "pq.establishment.legally_established",
                               "parameters": [{"name": "profession", "value": "médico"}]}]}}))["createRequest"]
            gid = draft["exchange"]["id"]
            await spanish.gql(ops.SEND, {"input": {"exchangeId": gid, "version": 1}})
            added = await spanish.gql(ops.ADD_MESSAGE, {"input": {"exchangeId": gid, "text": SPANISH}})
            assert added["addMessage"]["__typename"] == "MessageSuccess"

            for _ in range(40):
                message = (await portuguese.gql(MESSAGES, {"id": gid}))["exchange"]["messages"][0]
                if message["translation"]["status"] != "PENDING":
                    break
                await asyncio.sleep(0.25)
            assert message["text"] == SPANISH and message["language"] == "es" and not message["languageFlagged"]
            translation = message["translation"]
            assert translation["status"] == "DONE", translation
            assert translation["language"] == "pt" and translation["provider"] == "apertium"
            assert translation["text"].startswith("O profissional está inscrito"), translation
            own = (await spanish.gql(MESSAGES, {"id": gid}))["exchange"]["messages"][0]
            assert own["translation"] is None, "the author reads the original"
