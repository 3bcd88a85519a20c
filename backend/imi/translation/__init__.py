"""Machine translation of free text (Apertium offline, eTranslation, DeepL) and language detection.

Entry points: `runtime.translation_lifespan` / `TranslationRuntime` (start-up and shutdown),
`service.TranslationService.request` (translate, cached), `detection.LanguageDetector.detect` (language of
an original), `routes.routes` (provider callbacks), `models` (the Tortoise model module).
"""
