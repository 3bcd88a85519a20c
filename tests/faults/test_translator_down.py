"""The machine translator out of reach: a message written meanwhile is shown with its translation FAILED (and why),
the exchange's actions go on unaffected and promptly, and the translation is done once the translator is back."""

import asyncio
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests import operations as ops
from tests.faults.fake_apy import FakeApy
from tests.faults.stage import RequestStage, request_stage
from tests.server import running_server

pytestmark = pytest.mark.slow
MESSAGES = """query($id: ID!) { exchange(id: $id) { messages { text language
  translation { status text provider reason } } } }"""
FIRST = "El profesional está inscrito en el registro desde 2015."
SECOND = "No consta ninguna sanción disciplinaria."
PROMPT = 3.0


async def _translation(http: httpx.AsyncClient, stage: RequestStage, text: str, until: set[str],
                       seconds: float = 30) -> dict[str, Any]:
    """The Portuguese reader's view of the translation of `text`, once its status is one of `until`."""
    deadline = time.monotonic() + seconds
    while True:
        data = await stage.responders[0].gql(http, MESSAGES, {"id": stage.gid(stage.exchange_ids[0])})
        translation = next(m for m in data["exchange"]["messages"] if m["text"] == text)["translation"]
        if translation["status"] in until or time.monotonic() > deadline:
            return dict(translation)
        await asyncio.sleep(0.3)


async def _write(http: httpx.AsyncClient, stage: RequestStage, text: str) -> None:
    started = time.monotonic()
    data = await stage.requester.gql(http, ops.ADD_MESSAGE, {"input": {
        "exchangeId": stage.gid(stage.exchange_ids[0]), "text": text}})
    assert data["addMessage"]["__typename"] == "MessageSuccess", data
    assert time.monotonic() - started < PROMPT


async def test_translator_down_fails_translations_not_actions(clean_db: str, tmp_path: Path) -> None:
    stage = await request_stage(1, countries=("ES", "PT"), languages=("es", "pt"))
    apy = FakeApy().start()
    no_local_apertium = tmp_path / "no-apertium"
    no_local_apertium.mkdir()
    env = {"IMI_TRANSLATORS": "apertium", "IMI_APERTIUM_URL": apy.url, "IMI_APERTIUM_APY": "false",
           "IMI_APERTIUM_DATA_DIR": str(no_local_apertium), "IMI_APERTIUM_TIMEOUT": "2",
           "IMI_TRANSLATION_WAIT": "2", "IMI_TRANSLATION_RETRY_BASE": "1", "IMI_TRANSLATION_POLL": "0.5"}
    try:
        with running_server(clean_db, tmp_path, **env) as base:
            async with httpx.AsyncClient(base_url=base, timeout=30) as http:
                await _write(http, stage, FIRST)
                done = await _translation(http, stage, FIRST, {"DONE", "FAILED", "UNAVAILABLE"})
                assert done["status"] == "DONE" and done["text"] == f"[por] {FIRST}", done

                apy.stop()
                await _write(http, stage, SECOND)
                started = time.monotonic()
                accepted = await stage.responders[0].gql(http, ops.ACCEPT, {"input": {
                    "exchangeId": stage.gid(stage.exchange_ids[0]), "version": 2}})
                assert accepted["acceptRequest"]["__typename"] == "ExchangeSuccess", accepted
                assert time.monotonic() - started < PROMPT, "an action waited on the translator"
                failed = await _translation(http, stage, SECOND, {"DONE", "FAILED", "UNAVAILABLE"})
                assert failed["status"] == "FAILED" and failed["text"] is None, failed
                assert "unreachable" in failed["reason"], failed
                assert (await _translation(http, stage, FIRST, {"DONE"}))["status"] == "DONE", "kept"

                apy.start()
                again = await _translation(http, stage, SECOND, {"DONE"})
                assert again["status"] == "DONE" and again["text"] == f"[por] {SECOND}", again
    finally:
        apy.stop()
