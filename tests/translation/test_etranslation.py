"""eTranslation end to end: digest-authenticated request, live callback routes, forged or replayed callbacks."""

import asyncio
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from imi.clock import FixedClock
from imi.translation.models import Translation, TranslationStatus
from imi.translation.runtime import TranslationRuntime
from imi.translation.settings import DeeplSettings, ETranslationSettings, TranslationSettings

from .conftest import SECRET, closed_port
from .fakes import Callback, FakeDeepL, FakeETranslation

Start = Callable[..., Coroutine[Any, Any, TranslationRuntime]]


@pytest.fixture
async def start(
    callback_app: tuple[Starlette, str], etranslation: FakeETranslation, deepl: FakeDeepL, clock: FixedClock
) -> AsyncIterator[Start]:
    """Start the translation runtime behind the live callback routes."""
    app, public_url = callback_app
    runtimes: list[TranslationRuntime] = []

    async def run(*names: str, password: str | None = None, url: str | None = None) -> TranslationRuntime:
        settings = TranslationSettings(
            translators=names or ("etranslation",),
            secret=SECRET,
            detector="off",
            etranslation=ETranslationSettings(
                url=url or f"{etranslation.url}/etranslation/si/translate",
                user=etranslation.user,
                password=password or etranslation.password,
                public_url=public_url,
                timeout=2.0,
                callback_timeout=600,
            ),
            deepl=DeeplSettings(auth_key=deepl.auth_key, url=deepl.url),
        )
        runtime = await TranslationRuntime.start(settings, clock=clock, worker=False)
        app.state.translation = runtime
        runtimes.append(runtime)
        return runtime

    yield run
    for runtime in runtimes:
        await runtime.stop()


async def settled(row: Translation) -> Translation:
    """The row once it has left PENDING (the callback arrives on its own), or after 5 s."""
    for _ in range(250):
        row = await Translation.get(id=row.id)
        if row.status is not TranslationStatus.PENDING:
            return row
        await asyncio.sleep(0.02)
    return row


async def calls_back(etranslation: FakeETranslation, count: int = 1) -> list[Callback]:
    """The callbacks the service made, once `count` have been answered (or after 5 s)."""
    for _ in range(250):
        if len(etranslation.behaviour.sent) >= count:
            break
        await asyncio.sleep(0.02)
    return etranslation.behaviour.sent


async def test_a_request_is_answered_through_the_callback(start: Start, etranslation: FakeETranslation) -> None:
    runtime = await start()
    row = await runtime.service.request("Die Behörde bittet um Auskunft.", "de", "pt", wait=0)
    assert row.status is TranslationStatus.PENDING and row.provider == "etranslation"
    row = await settled(row)
    assert row.status is TranslationStatus.DONE
    assert row.translated_text == "[PT] Die Behörde bittet um Auskunft."
    assert row.external_id == "4001" and row.callback_digest is None
    assert etranslation.challenges >= 1  # digest: challenged, then authenticated
    sent = etranslation.requests[-1]
    assert sent["sourceLanguage"] == "DE" and sent["targetLanguages"] == ["PT"]
    assert sent["callerInformation"] == {"application": "IMI-test", "username": "IMI-test"}
    assert sent["domain"] == "GEN" and sent["textToTranslate"] == "Die Behörde bittet um Auskunft."
    token = sent["externalReference"]
    assert sent["requesterCallback"].endswith(f"/translation/etranslation/{token}/done")
    assert sent["errorCallback"].endswith(f"/translation/etranslation/{token}/error")
    assert [c.status for c in await calls_back(etranslation)] == [200]


async def test_a_replayed_callback_is_refused(start: Start, etranslation: FakeETranslation) -> None:
    runtime = await start()
    row = await settled(await runtime.service.request("Guten Tag", "de", "fr", wait=0))
    assert row.status is TranslationStatus.DONE
    callback = (await calls_back(etranslation))[0]
    forged = {**callback.form, "translated-text": "Something else entirely"}
    async with httpx.AsyncClient() as http:
        response = await http.post(callback.url, data=forged)
    assert response.status_code == 403
    assert (await Translation.get(id=row.id)).translated_text == "[FR] Guten Tag"


async def test_forged_callbacks_are_refused_and_change_nothing(
    start: Start, etranslation: FakeETranslation, callback_app: tuple[Starlette, str]
) -> None:
    etranslation.behaviour.callback = "none"
    runtime = await start()
    row = await runtime.service.request("Guten Tag", "de", "fr", wait=1)
    token = etranslation.requests[-1]["externalReference"]
    identifier, nonce, signature = token.split(".")
    base = f"{callback_app[1]}/translation/etranslation"
    form = {"request-id": row.external_id, "target-language": "FR", "translated-text": "forged"}
    tampered = [
        f"{identifier}.{nonce}.{'A' * len(signature)}",  # a signature we did not make
        f"{int(identifier) + 1}.{nonce}.{signature}",  # another translation's id under this signature
        "not-a-token",
    ]
    async with httpx.AsyncClient() as http:
        for bad in tampered:
            assert (await http.post(f"{base}/{bad}/done", data={**form, "external-reference": bad})).status_code == 403
        mismatch = {**form, "external-reference": token, "request-id": "999"}
        assert (await http.post(f"{base}/{token}/done", data=mismatch)).status_code == 403
        wrong_language = {**form, "external-reference": token, "target-language": "DE"}
        assert (await http.post(f"{base}/{token}/done", data=wrong_language)).status_code == 403
        other_reference = {**form, "external-reference": "something-else"}
        assert (await http.post(f"{base}/{token}/done", data=other_reference)).status_code == 403
        assert (await http.post(f"{base}/{token}/done", data={"request-id": "1"})).status_code == 400
    row = await Translation.get(id=row.id)
    assert row.status is TranslationStatus.PENDING and row.translated_text is None
    async with httpx.AsyncClient() as http:  # the genuine callback still completes it, once
        genuine = {**form, "external-reference": token, "translated-text": "[FR] Guten Tag"}
        assert (await http.post(f"{base}/{token}/done", data=genuine)).status_code == 200
        assert (await http.post(f"{base}/{token}/done", data=genuine)).status_code == 403
    assert (await Translation.get(id=row.id)).translated_text == "[FR] Guten Tag"


async def test_an_error_callback_fails_the_row_and_the_next_provider_serves(
    start: Start, etranslation: FakeETranslation, deepl: FakeDeepL
) -> None:
    etranslation.behaviour.callback = "error"
    runtime = await start("etranslation", "deepl")
    row = await settled(await runtime.service.request("Guten Tag", "de", "fr", wait=0))
    assert row.status is TranslationStatus.FAILED
    assert row.reason is not None and "eTranslation error -20001: Invalid source language" in row.reason
    assert row.next_attempt_at is not None
    await runtime.service.drain()
    best = await runtime.service.request("Guten Tag", "de", "fr")
    assert (best.status, best.provider, best.translated_text) == (
        TranslationStatus.DONE,
        "deepl",
        "[FR] Guten Tag",
    )
    replay = (await calls_back(etranslation))[0]
    async with httpx.AsyncClient() as http:
        assert (await http.post(replay.url, data=replay.form)).status_code == 403


async def test_wrong_credentials_fail_without_retry(start: Start) -> None:
    runtime = await start(password="not-the-password")
    row = await runtime.service.request("Guten Tag", "de", "fr")
    assert row.status is TranslationStatus.FAILED and "credentials" in (row.reason or "")


async def test_a_negative_answer_is_an_error_code(start: Start, etranslation: FakeETranslation) -> None:
    etranslation.behaviour.answer = -20021
    runtime = await start()
    row = await runtime.service.request("Guten Tag", "de", "fr")
    assert row.status is TranslationStatus.FAILED and "error code -20021" in (row.reason or "")
    assert row.next_attempt_at is not None


async def test_a_service_that_is_down_fails_and_is_retried(start: Start) -> None:
    runtime = await start(url=f"http://127.0.0.1:{closed_port()}/etranslation/si/translate")
    row = await runtime.service.request("Guten Tag", "de", "fr")
    assert row.status is TranslationStatus.FAILED and "unreachable" in (row.reason or "")
    assert row.next_attempt_at is not None


async def test_a_missing_callback_expires(start: Start, etranslation: FakeETranslation, clock: FixedClock) -> None:
    etranslation.behaviour.callback = "none"
    runtime = await start()
    row = await runtime.service.request("Guten Tag", "de", "fr", wait=1)
    assert row.status is TranslationStatus.PENDING and row.external_id is not None
    clock.advance(seconds=599)
    await runtime.service.run_due()
    assert (await Translation.get(id=row.id)).status is TranslationStatus.PENDING
    clock.advance(seconds=2)
    await runtime.service.run_due()
    row = await Translation.get(id=row.id)
    assert row.status is TranslationStatus.FAILED and "did not call back in time" in (row.reason or "")
    late = etranslation.requests[-1]["externalReference"]
    async with httpx.AsyncClient() as http:  # a callback arriving after expiry is refused
        response = await http.post(
            runtime.registry.providers[0].callback_urls(late)[0],  # type: ignore[attr-defined]
            data={"request-id": row.external_id, "translated-text": "late", "external-reference": late},
        )
    assert response.status_code == 403


async def test_html_is_not_sent_to_etranslation(start: Start) -> None:
    runtime = await start()
    row = await runtime.service.request("<p>Guten Tag</p>", "de", "fr", fmt="html")
    assert row.status is TranslationStatus.UNAVAILABLE and "plain text" in (row.reason or "")
