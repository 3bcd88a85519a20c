"""The translation service: validation, cache, provider order, failures, retries and the worker."""

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Coroutine
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest

from imi.clock import FixedClock
from imi.translation.errors import ConfigurationError, TextRejectedError
from imi.translation.models import Translation, TranslationStatus, text_hash
from imi.translation.registry import build_registry
from imi.translation.service import TranslationService
from imi.translation.settings import ApertiumSettings, DeeplSettings, TranslationSettings

from .conftest import SECRET, closed_port, needs_apertium
from .fakes import FakeDeepL

Make = Callable[..., Coroutine[Any, Any, TranslationService]]
ES = "La autoridad envió el documento IMI-2024-000123 a jan.novak@mzv.cz el 12/03/2024."


@pytest.fixture
async def make(db: None, clock: FixedClock, deepl: FakeDeepL) -> AsyncIterator[Make]:
    """Build a started service for a list of providers; everything is closed after the test."""
    services: list[TranslationService] = []

    async def build(*names: str, deepl_url: str | None = None, **options: Any) -> TranslationService:
        settings = TranslationSettings(
            translators=names,
            secret=SECRET,
            apertium=ApertiumSettings(supervise=False),
            deepl=DeeplSettings(auth_key=deepl.auth_key, url=deepl_url or deepl.url, timeout=0.5),
            **options,
        )
        registry = build_registry(settings)
        await registry.start()
        service = TranslationService(registry, settings, clock=clock)
        services.append(service)
        return service

    yield build
    for service in services:
        await service.stop()
        await service.registry.close()


async def test_empty_and_blank_texts_are_refused(make: Make) -> None:
    service = await make("deepl")
    for text in ("", "   \n\t"):
        with pytest.raises(TextRejectedError, match="empty"):
            await service.request(text, "de", "fr")
    assert await Translation.all().count() == 0


async def test_huge_texts_are_refused_with_the_limit(make: Make) -> None:
    service = await make("deepl")
    with pytest.raises(TextRejectedError, match=r"10,001 characters.*at most 10,000"):
        await service.request("x" * 10_001, "de", "fr")
    assert (await service.request("Wort " * 2000, "de", "fr")).status is TranslationStatus.DONE
    assert await Translation.all().count() == 1


@pytest.mark.parametrize(
    ("source", "target", "fmt", "message"),
    [
        ("de", "de", "text", "already in de"),
        ("xx", "de", "text", "'xx' is not a served"),
        ("de", "EN", "text", "'EN' is not a served"),
        ("de", "fr", "pdf", "unknown text format"),
    ],
)
async def test_malformed_requests_are_refused(make: Make, source: str, target: str, fmt: str, message: str) -> None:
    service = await make("deepl")
    with pytest.raises(TextRejectedError, match=message):
        await service.request("Guten Tag", source, target, fmt=fmt)


@needs_apertium
async def test_apertium_translates_and_the_result_is_cached(make: Make, deepl: FakeDeepL) -> None:
    service = await make("apertium", "deepl")
    row = await service.request(ES, "es", "pt")
    assert row.status is TranslationStatus.DONE
    assert (row.provider, row.route) == ("apertium", "es→pt")
    assert row.source_text == ES
    assert row.translated_text is not None and "IMI-2024-000123" in row.translated_text
    started = time.perf_counter()
    again = await service.request(ES, "es", "pt")
    assert time.perf_counter() - started < 0.05
    assert again.id == row.id and again.translated_text == row.translated_text
    assert deepl.requests == []  # the first provider served it
    assert await Translation.all().count() == 1


@needs_apertium
async def test_a_pivoted_pair_records_its_route(make: Make) -> None:
    row = await make("apertium")
    translated = await row.request("Le ministère a envoyé le dossier.", "fr", "en")
    assert (translated.status, translated.route) == (TranslationStatus.DONE, "fr→es→en")


@needs_apertium
async def test_an_unsupported_pair_is_unavailable_with_the_reason(make: Make) -> None:
    service = await make("apertium")
    row = await service.request("Guten Tag, wir senden die Unterlagen.", "de", "fi")
    assert row.status is TranslationStatus.UNAVAILABLE
    assert row.reason is not None and "no installed language data for de" in row.reason
    assert row.translated_text is None and row.next_attempt_at is None


async def test_no_provider_at_all_is_unavailable(make: Make) -> None:
    service = await make()
    row = await service.request("Guten Tag", "de", "fr")
    assert row.status is TranslationStatus.UNAVAILABLE and "IMI_TRANSLATORS" in (row.reason or "")


@needs_apertium
async def test_the_next_provider_serves_what_the_first_does_not(make: Make, deepl: FakeDeepL) -> None:
    service = await make("apertium", "deepl")
    row = await service.request("Guten Tag", "de", "fr")
    assert (row.status, row.provider, row.translated_text) == (
        TranslationStatus.DONE,
        "deepl",
        "[FR] Guten Tag",
    )
    rows = {r.provider: r.status for r in await Translation.all()}
    assert rows == {"apertium": TranslationStatus.UNAVAILABLE, "deepl": TranslationStatus.DONE}


async def test_an_error_answer_fails_with_the_reason_and_is_retried(
    make: Make, deepl: FakeDeepL, clock: FixedClock
) -> None:
    service = await make("deepl")
    deepl.status = 500
    row = await service.request("Guten Tag", "de", "fr")
    assert row.status is TranslationStatus.FAILED
    assert row.reason is not None and "DeepL answered HTTP 500" in row.reason
    assert row.next_attempt_at == clock.now() + timedelta(seconds=30)
    assert row.attempts == 1
    assert await service.run_due() == 0  # not due yet
    deepl.status = 200
    clock.advance(seconds=30)
    assert await service.run_due() == 1
    await service.drain()
    row = await Translation.get(id=row.id)
    assert (row.status, row.translated_text, row.attempts) == (TranslationStatus.DONE, "[FR] Guten Tag", 2)
    assert row.reason is None and row.next_attempt_at is None


async def test_retries_back_off_exponentially_and_stop(make: Make, deepl: FakeDeepL, clock: FixedClock) -> None:
    service = await make("deepl", max_attempts=3)
    deepl.status = 503
    row = await service.request("Guten Tag", "de", "fr")
    delays = []
    while row.next_attempt_at is not None:
        delays.append(row.next_attempt_at - clock.now())
        clock.set(row.next_attempt_at)
        await service.run_due()
        await service.drain()
        row = await Translation.get(id=row.id)
    assert delays == [timedelta(seconds=30), timedelta(seconds=60)]
    assert (row.status, row.attempts) == (TranslationStatus.FAILED, 3)
    assert await service.run_due() == 0
    deepl.status = 200
    retried = await service.retry(row.id)  # an operator may still ask again
    assert retried.status is TranslationStatus.DONE


async def test_a_provider_that_times_out_fails_and_the_caller_is_not_blocked(make: Make, deepl: FakeDeepL) -> None:
    service = await make("deepl")
    deepl.delay = 2.0
    started = time.perf_counter()
    row = await service.request("Guten Tag", "de", "fr", wait=0.1)
    assert time.perf_counter() - started < 0.5
    assert row.status is TranslationStatus.PENDING
    await service.drain()
    row = await Translation.get(id=row.id)
    assert row.status is TranslationStatus.FAILED and "timed out" in (row.reason or "")
    assert row.next_attempt_at is not None


async def test_a_provider_that_is_down_fails_and_is_retried(make: Make) -> None:
    service = await make("deepl", deepl_url=f"http://127.0.0.1:{closed_port()}")
    row = await service.request("Guten Tag", "de", "fr")
    assert row.status is TranslationStatus.FAILED and "unreachable" in (row.reason or "")
    assert row.next_attempt_at is not None


async def test_a_refused_key_is_not_retried(make: Make, deepl: FakeDeepL) -> None:
    service = await make("deepl")
    deepl.auth_key = "another-key"  # the account's key was changed
    row = await service.request("Guten Tag", "de", "fr")
    assert row.status is TranslationStatus.FAILED and "HTTP 403" in (row.reason or "")
    assert row.next_attempt_at is None


@needs_apertium
async def test_a_failing_provider_hands_over_to_the_next_and_is_not_retried_after(
    make: Make, deepl: FakeDeepL, clock: FixedClock
) -> None:
    service = await make("deepl", "apertium")
    deepl.status = 500
    row = await service.request("La autoridad envió el documento.", "es", "pt")
    assert (row.status, row.provider) == (TranslationStatus.DONE, "apertium")
    failed = await Translation.get(provider="deepl")
    assert failed.status is TranslationStatus.FAILED and failed.next_attempt_at is not None
    clock.advance(hours=1)
    deepl.status = 200
    assert await service.run_due() == 0  # superseded: a translation exists
    failed = await Translation.get(provider="deepl")
    assert failed.next_attempt_at is None and len(deepl.requests) == 1


async def test_background_requests_return_at_once_and_complete(make: Make) -> None:
    service = await make("deepl")
    row = await service.request("Guten Tag", "de", "fr", wait=0)
    assert row.status is TranslationStatus.PENDING and row.provider == "deepl"
    await service.drain()
    cached = await service.lookup("Guten Tag", "de", "fr")
    assert cached is not None and cached.status is TranslationStatus.DONE


async def test_concurrent_requests_share_one_translation(make: Make, deepl: FakeDeepL) -> None:
    service = await make("deepl")
    rows = await asyncio.gather(*(service.request("Guten Tag", "de", "fr") for _ in range(10)))
    assert {r.id for r in rows} == {rows[0].id}
    assert {r.status for r in rows} == {TranslationStatus.DONE}
    assert len(deepl.requests) == 1


async def test_an_interrupted_attempt_is_retried_by_the_worker(make: Make, clock: FixedClock) -> None:
    service = await make("deepl")
    lost = await Translation.create(
        text_hash=text_hash("Guten Tag"),
        source="de",
        target="fr",
        provider="deepl",
        source_text="Guten Tag",
        status=TranslationStatus.PENDING,
        attempts=1,
        attempted_at=clock.now(),
    )
    await service.run_due()
    assert (await Translation.get(id=lost.id)).status is TranslationStatus.PENDING  # not stale yet
    clock.advance(minutes=6)
    await service.run_due()  # marked failed, due later
    clock.advance(minutes=1)
    await service.run_due()
    await service.drain()
    row = await Translation.get(id=lost.id)
    assert (row.status, row.translated_text) == (TranslationStatus.DONE, "[FR] Guten Tag")


async def test_the_worker_runs_in_the_background(make: Make, deepl: FakeDeepL, clock: FixedClock) -> None:
    service = await make("deepl", poll=0.05)
    deepl.status = 500
    row = await service.request("Guten Tag", "de", "fr")
    deepl.status = 200
    clock.advance(minutes=1)
    service.start_worker()
    for _ in range(100):
        if (await Translation.get(id=row.id)).status is TranslationStatus.DONE:
            break
        await asyncio.sleep(0.02)
    assert (await Translation.get(id=row.id)).status is TranslationStatus.DONE


async def test_html_and_text_are_cached_apart_and_forget_deletes(make: Make) -> None:
    service = await make("deepl")
    await service.request("<b>Hallo</b>", "de", "fr")
    await service.request("<b>Hallo</b>", "de", "fr", fmt="html")
    assert await Translation.all().count() == 2
    assert await service.forget("<b>Hallo</b>") == 1
    assert await service.lookup("<b>Hallo</b>", "de", "fr") is None


async def test_an_asynchronous_provider_needs_a_secret(db: None) -> None:
    settings = TranslationSettings(translators=("etranslation",))
    with pytest.raises(ConfigurationError, match="IMI_TRANSLATION_SECRET"):
        TranslationService(build_registry(settings), settings)
    with pytest.raises(ConfigurationError, match="at least 32"):
        short = replace(settings, secret="short")
        TranslationService(build_registry(short), short)


async def test_an_unavailable_pair_is_reconsidered_after_a_restart(make: Make, clock: FixedClock) -> None:
    before = await Translation.create(
        text_hash=text_hash("Guten Tag"),
        source="de",
        target="fr",
        provider="deepl",
        source_text="Guten Tag",
        status=TranslationStatus.UNAVAILABLE,
        reason="DeepL does not translate into fr",
        attempted_at=clock.now() - timedelta(days=1),
    )
    service = await make("deepl")  # started later, with a DeepL that serves de→fr
    row = await service.request("Guten Tag", "de", "fr")
    assert (row.id, row.status, row.translated_text) == (before.id, TranslationStatus.DONE, "[FR] Guten Tag")


async def test_an_unavailable_answer_is_final_for_this_run(make: Make, deepl: FakeDeepL) -> None:
    service = await make("deepl")
    deepl.status = 200
    started = time.perf_counter()
    row = await service.request("Guten Tag", "de", "fr", wait=2)
    assert row.status is TranslationStatus.DONE
    row = await service.request("Dobrý den", "cs", "ga", wait=2)  # DeepL's list has no Irish
    assert row.status is TranslationStatus.UNAVAILABLE
    assert await service.request("Dobrý den", "cs", "ga", wait=2) == row
    assert time.perf_counter() - started < 1.0
