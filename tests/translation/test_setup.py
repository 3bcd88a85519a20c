"""Settings, the provider registry and the start-up/shutdown of the translation runtime."""

from dataclasses import replace

import pytest
from starlette.applications import Starlette

from imi.translation.errors import ConfigurationError
from imi.translation.etranslation import ETranslationTranslator
from imi.translation.registry import Registry, build_registry
from imi.translation.runtime import translation_lifespan
from imi.translation.settings import DEFAULT_ETRANSLATION_URL, ApertiumSettings, TranslationSettings

from .conftest import needs_apy


def test_defaults() -> None:
    settings = TranslationSettings.from_env({})
    assert settings.translators == ("apertium",)
    assert (settings.max_chars, settings.wait, settings.max_attempts, settings.detector) == (
        10_000,
        3.0,
        6,
        "high",
    )
    assert settings.apertium.url is None and settings.apertium.supervise is True
    assert settings.apertium.pivots == ("es", "en") and settings.apertium.max_pivots == 1
    assert settings.etranslation.url == DEFAULT_ETRANSLATION_URL


def test_environment_is_read() -> None:
    settings = TranslationSettings.from_env(
        {
            "IMI_TRANSLATORS": " Apertium, etranslation ,deepl",
            "IMI_TRANSLATION_MAX_CHARS": "500",
            "IMI_APERTIUM_URL": "http://127.0.0.1:2737",
            "IMI_APERTIUM_APY": "0",
            "IMI_APERTIUM_PIVOTS": "en",
            "IMI_APERTIUM_MAX_PIVOTS": "2",
            "IMI_ETRANSLATION_USER": "app",
            "IMI_ETRANSLATION_PASSWORD": "pw",
            "IMI_PUBLIC_URL": "https://imi.example.org",
            "IMI_DEEPL_AUTH_KEY": "key:fx",
            "IMI_LANGUAGE_DETECTOR": "LOW",
        }
    )
    assert settings.translators == ("apertium", "etranslation", "deepl")
    assert settings.max_chars == 500 and settings.detector == "low"
    assert settings.apertium.url == "http://127.0.0.1:2737" and settings.apertium.supervise is False
    assert settings.apertium.pivots == ("en",) and settings.apertium.max_pivots == 2
    assert settings.etranslation.public_url == "https://imi.example.org"
    assert settings.deepl.endpoint == "https://api-free.deepl.com"


def test_the_registry_keeps_the_configured_order() -> None:
    registry = build_registry(TranslationSettings(translators=("deepl", "apertium", "etranslation")))
    assert registry.names == ("deepl", "apertium", "etranslation")
    assert registry.rank("apertium") == 1 and registry.rank("gone") == 3


def test_unknown_or_repeated_translators_are_refused() -> None:
    with pytest.raises(ConfigurationError, match="unknown translator"):
        build_registry(TranslationSettings(translators=("apertium", "google")))
    with pytest.raises(ConfigurationError, match="twice"):
        Registry([ETranslationTranslator(TranslationSettings().etranslation)] * 2)


async def test_etranslation_without_credentials_does_not_start() -> None:
    registry = build_registry(TranslationSettings(translators=("etranslation",)))
    with pytest.raises(ConfigurationError, match=r"IMI_ETRANSLATION_USER.*IMI_PUBLIC_URL"):
        await registry.start()


@needs_apy
async def test_the_lifespan_starts_and_stops_everything(db: None) -> None:
    app = Starlette()
    settings = replace(TranslationSettings(), detector="off", apertium=ApertiumSettings())
    async with translation_lifespan(app, settings) as runtime:
        assert app.state.translation is runtime
        apertium = runtime.registry.get("apertium")
        assert apertium is not None and apertium.supervisor is not None  # type: ignore[attr-defined]
        supervisor = apertium.supervisor  # type: ignore[attr-defined]
        assert supervisor.pid is not None
        row = await runtime.service.request("La autoridad envió el documento.", "es", "pt")
        assert row.translated_text == "A autoridade enviou o documento."
    assert supervisor.pid is None
