"""The DeepL provider against a local server speaking DeepL's API v2."""

from collections.abc import AsyncIterator

import pytest

from imi.translation.deepl import DeeplTranslator, target_code
from imi.translation.errors import PairUnavailableError, ProviderError
from imi.translation.protocol import Job, Route, Unserved
from imi.translation.settings import DeeplSettings

from .conftest import closed_port
from .fakes import FakeDeepL


@pytest.fixture
async def translator(deepl: FakeDeepL) -> AsyncIterator[DeeplTranslator]:
    provider = DeeplTranslator(DeeplSettings(auth_key=deepl.auth_key, url=deepl.url, timeout=1.0))
    await provider.start()
    yield provider
    await provider.close()


def test_free_keys_use_the_free_endpoint() -> None:
    assert DeeplSettings(auth_key="abc:fx").endpoint == "https://api-free.deepl.com"
    assert DeeplSettings(auth_key="abc").endpoint == "https://api.deepl.com"
    assert DeeplSettings(auth_key="abc", url="http://127.0.0.1:9/").endpoint == "http://127.0.0.1:9"


def test_targets_name_the_served_variety() -> None:
    assert (target_code("en"), target_code("pt"), target_code("nb"), target_code("de")) == (
        "EN-GB",
        "PT-PT",
        "NB",
        "DE",
    )


async def test_languages_come_from_the_account(translator: DeeplTranslator) -> None:
    assert "nb" in translator.sources and "pt" in translator.targets and "en" in translator.targets
    for code in ("ga", "hr", "is", "mt"):
        capability = translator.capability("de", code)
        assert isinstance(capability, Unserved) and code in capability.reason
    assert translator.capability("de", "pt") == Route("de", "pt")


async def test_translate_sends_the_documented_request(translator: DeeplTranslator, deepl: FakeDeepL) -> None:
    result = await translator.translate(Job("Guten Tag", "de", "pt", Route("de", "pt")))
    assert result.text == "[PT-PT] Guten Tag"
    assert deepl.requests[-1] == {
        "text": ["Guten Tag"],
        "source_lang": "DE",
        "target_lang": "PT-PT",
        "preserve_formatting": True,
    }
    await translator.translate(Job("<p>Hallo</p>", "de", "en", Route("de", "en"), fmt="html"))
    assert deepl.requests[-1]["tag_handling"] == "html"
    assert deepl.requests[-1]["target_lang"] == "EN-GB"


@pytest.mark.parametrize(("status", "retryable"), [(500, True), (456, True), (429, True), (413, False)])
async def test_error_answers_are_provider_errors(
    translator: DeeplTranslator, deepl: FakeDeepL, status: int, retryable: bool
) -> None:
    deepl.status = status
    with pytest.raises(ProviderError, match=f"HTTP {status}") as raised:
        await translator.translate(Job("Guten Tag", "de", "fr", Route("de", "fr")))
    assert raised.value.retryable is retryable


async def test_a_wrong_key_is_refused(deepl: FakeDeepL) -> None:
    provider = DeeplTranslator(DeeplSettings(auth_key="wrong", url=deepl.url))
    await provider.start()  # the language list cannot be read: the documented set is assumed
    try:
        with pytest.raises(ProviderError, match="HTTP 403") as raised:
            await provider.translate(Job("Guten Tag", "de", "fr", Route("de", "fr")))
        assert raised.value.retryable is False
    finally:
        await provider.close()


async def test_a_refused_language_is_unavailable(translator: DeeplTranslator) -> None:
    with pytest.raises(PairUnavailableError):
        await translator.translate(Job("Guten Tag", "de", "ga", Route("de", "ga")))


async def test_a_slow_answer_times_out(translator: DeeplTranslator, deepl: FakeDeepL) -> None:
    deepl.delay = 1.5
    with pytest.raises(ProviderError, match="timed out"):
        await translator.translate(Job("Guten Tag", "de", "fr", Route("de", "fr")))


async def test_a_server_that_is_down_is_unreachable() -> None:
    provider = DeeplTranslator(DeeplSettings(auth_key="k", url=f"http://127.0.0.1:{closed_port()}"))
    await provider.start()
    try:
        with pytest.raises(ProviderError, match="unreachable"):
            await provider.translate(Job("Guten Tag", "de", "fr", Route("de", "fr")))
    finally:
        await provider.close()
