"""The configured providers, in preference order (`IMI_TRANSLATORS`), and what each serves per pair."""

import contextlib
import logging
from collections.abc import Callable, Sequence

from imi.translation.apertium.provider import ApertiumTranslator
from imi.translation.deepl import DeeplTranslator
from imi.translation.errors import ConfigurationError
from imi.translation.etranslation import ETranslationTranslator
from imi.translation.protocol import Capability, Translator
from imi.translation.settings import TranslationSettings

log = logging.getLogger(__name__)

FACTORIES: dict[str, Callable[[TranslationSettings], Translator]] = {
    "apertium": lambda settings: ApertiumTranslator(settings.apertium),
    "etranslation": lambda settings: ETranslationTranslator(settings.etranslation),
    "deepl": lambda settings: DeeplTranslator(settings.deepl),
}


class Registry:
    """Providers in the order they are tried."""

    def __init__(self, providers: Sequence[Translator]) -> None:
        names = [provider.name for provider in providers]
        if len(set(names)) != len(names):
            raise ConfigurationError(f"a translator is listed twice: {', '.join(names)}")
        self.providers: tuple[Translator, ...] = tuple(providers)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(provider.name for provider in self.providers)

    def get(self, name: str) -> Translator | None:
        return next((p for p in self.providers if p.name == name), None)

    def rank(self, name: str) -> int:
        """Preference of a provider (lower is preferred); unknown providers come last."""
        return self.names.index(name) if name in self.names else len(self.providers)

    def capabilities(self, source: str, target: str) -> list[tuple[Translator, Capability]]:
        """Every provider with what it can do for `source`→`target`, in preference order."""
        return [(provider, provider.capability(source, target)) for provider in self.providers]

    async def start(self) -> None:
        started: list[Translator] = []
        try:
            for provider in self.providers:
                await provider.start()
                started.append(provider)
        except BaseException:
            for provider in reversed(started):
                with contextlib.suppress(Exception):
                    await provider.close()
            raise

    async def close(self) -> None:
        for provider in reversed(self.providers):
            try:
                await provider.close()
            except Exception:
                log.exception("closing translator %s failed", provider.name)


def build_registry(settings: TranslationSettings) -> Registry:
    """The providers `settings.translators` names; `ConfigurationError` for an unknown name."""
    unknown = [name for name in settings.translators if name not in FACTORIES]
    if unknown:
        raise ConfigurationError(
            f"unknown translator(s) {', '.join(unknown)} in IMI_TRANSLATORS (known: {', '.join(FACTORIES)})"
        )
    return Registry([FACTORIES[name](settings) for name in settings.translators])
