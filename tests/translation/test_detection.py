"""Language of the original: lingua over the served languages, the Maltese rule, short texts never flagged."""

import time

import pytest

from imi.translation.detection import LanguageDetector, looks_maltese, maltese_marks
from imi.translation.errors import TextRejectedError

GERMAN = "Die Behörde hat die Unterlagen noch nicht erhalten, bitte senden Sie sie erneut."
MALTESE = "Il-Ministeru tal-Ġustizzja għandu jibgħat id-dokumenti lill-awtorità kompetenti sal-aħħar tax-xahar."
POLISH = "Proszę przesłać dokumenty, ponieważ wszystko musi być gotowe do piątku, dziękuję bardzo."
CROATIAN = "Nadležno tijelo nije primilo dokumente, molimo vas da ih ponovno pošaljete do petka."
ENGLISH = "The authority has not yet received the documents, please send them again by Friday."


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector()


def test_the_detector_is_preloaded_and_measured() -> None:
    fresh = LanguageDetector()
    assert fresh.load_seconds > 0 and fresh.rss_delta_mb >= 0  # 0 when another detector loaded the models
    started = time.perf_counter()
    fresh.detect(CROATIAN, "hr")  # a lazily loading detector takes seconds on its first ambiguous text
    assert time.perf_counter() - started < 0.5


def test_the_declared_language_is_kept_when_the_text_agrees(detector: LanguageDetector) -> None:
    detection = detector.detect(GERMAN, "de")
    assert (detection.language, detection.detected, detection.flagged) == ("de", "de", False)


def test_a_confident_disagreement_is_recorded_and_flagged(detector: LanguageDetector) -> None:
    detection = detector.detect(GERMAN, "en")
    assert (detection.language, detection.declared, detection.flagged) == ("de", "en", True)
    assert detection.confidence >= 0.8


def test_croatian_is_not_read_as_bosnian_or_serbian(detector: LanguageDetector) -> None:
    assert detector.detect(CROATIAN, "sl").language == "hr"


@pytest.mark.parametrize("text", ["OK thanks", "Merci beaucoup", "Danke!", "Vielen Dank für Ihre Hilfe", "ok"])
def test_short_texts_are_never_flagged(detector: LanguageDetector, text: str) -> None:
    detection = detector.detect(text, "pl")
    assert (detection.language, detection.flagged, detection.detected) == ("pl", False, None)


def test_maltese_by_rule(detector: LanguageDetector) -> None:
    assert looks_maltese(MALTESE)
    assert maltese_marks(MALTESE)[0] >= 5
    assert detector.detect(MALTESE, "mt").flagged is False
    declared_english = detector.detect(MALTESE, "en")
    assert (declared_english.language, declared_english.flagged) == ("mt", True)


def test_polish_z_dot_is_not_maltese(detector: LanguageDetector) -> None:
    assert not looks_maltese(POLISH)
    assert detector.detect(POLISH, "pl").language == "pl"


def test_a_text_declared_maltese_that_is_confidently_english_is_flagged(detector: LanguageDetector) -> None:
    detection = detector.detect(ENGLISH, "mt")
    assert (detection.language, detection.flagged) == ("en", True)


def test_close_languages_are_not_flagged_without_confidence(detector: LanguageDetector) -> None:
    text = "Vi har modtaget dokumenterne og sender svaret til myndigheden i næste uge."  # Danish
    detection = detector.detect(text, "nb")
    assert detection.flagged is (detection.confidence >= 0.8 and detection.detected == "da")


def test_an_unknown_declared_language_is_refused(detector: LanguageDetector) -> None:
    with pytest.raises(TextRejectedError):
        detector.detect(GERMAN, "xx")


def test_low_accuracy_mode_is_lighter() -> None:
    low = LanguageDetector(accuracy="low")
    assert low.detect(GERMAN, "en").language == "de"
    with pytest.raises(ValueError, match="accuracy"):
        LanguageDetector(accuracy="medium")
