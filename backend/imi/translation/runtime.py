"""Start-up and shutdown of the translation domain: providers, service, worker and language detector.

    async with translation_lifespan(app):   # inside the app lifespan, after the database is initialised
        ...

sets `app.state.translation` (a `TranslationRuntime`) for the callback routes and the rest of the app.
"""

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from imi.translation.detection import LanguageDetector
from imi.translation.registry import Registry, build_registry
from imi.translation.service import Clock, TranslationService
from imi.translation.settings import TranslationSettings

log = logging.getLogger(__name__)


@dataclass
class TranslationRuntime:
    """Everything the translation domain runs while the application is up."""

    settings: TranslationSettings
    registry: Registry
    service: TranslationService
    detector: LanguageDetector | None

    @classmethod
    async def start(
        cls, settings: TranslationSettings | None = None, *, clock: Clock | None = None, worker: bool = True
    ) -> "TranslationRuntime":
        """Start the providers (apy included), load the detector (`IMI_LANGUAGE_DETECTOR`), run the worker."""
        settings = settings or TranslationSettings.from_env()
        registry = build_registry(settings)
        await registry.start()
        try:
            service = TranslationService(registry, settings, clock=clock)
            detector = None
            if settings.detector != "off":
                detector = await asyncio.to_thread(LanguageDetector, accuracy=settings.detector)
                log.info(
                    "language detector loaded in %.1f s (+%.0f MB)",
                    detector.load_seconds,
                    detector.rss_delta_mb,
                )
        except BaseException:
            await registry.close()
            raise
        if worker:
            service.start_worker()
        return cls(settings, registry, service, detector)

    async def stop(self) -> None:
        """Stop the worker and the providers (apy is terminated)."""
        await self.service.stop()
        await self.registry.close()


@asynccontextmanager
async def translation_lifespan(
    app: Any, settings: TranslationSettings | None = None
) -> AsyncIterator[TranslationRuntime]:
    """Run the translation domain for the life of a Starlette app (`app.state.translation`)."""
    runtime = await TranslationRuntime.start(settings)
    app.state.translation = runtime
    try:
        yield runtime
    finally:
        await runtime.stop()


def report_translation(runtime: TranslationRuntime) -> None:
    """Say plainly at start-up whether machine translation is available, and through what."""
    from imi.translation.coverage import coverage, summary

    served = {name: summary(coverage(provider)) for name, provider in
              ((name, runtime.registry.get(name)) for name in runtime.registry.names) if provider is not None}
    pairs = {name: counts["direct"] + counts["pivot"] for name, counts in served.items()}
    if not any(pairs.values()):
        log.warning("machine translation is not configured: no provider serves any language pair "
                    "(install Apertium's Debian packages, or set IMI_TRANSLATORS with eTranslation or DeepL)")
    else:
        log.info("machine translation: %s", ", ".join(f"{name} ({count} pairs)" for name, count in pairs.items()))
