"""Is a translation written in the language it claims? lingua, restricted to the served languages.

Texts shorter than `MIN_CHARACTERS` or `MIN_WORDS` are not judged (detection is unreliable on them).
Placeholders are removed first.

Maltese rule (lingua has no Maltese model): a text claimed as Maltese passes when
  1. it uses only letters of the Maltese alphabet (a–z, ċ ġ ħ ż, and à è ì ò ù î), and
  2. it shows Maltese: a letter ċ, ġ or ħ, or the sequence "għ", or at least two Maltese function words
     (il-, tal-, ta', għal, huwa, jew, minn, ...), and
  3. lingua does not detect another served language with confidence of at least `MALTESE_REJECT_CONFIDENCE`.
"""

import re
import unicodedata

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from imi.catalogue.parameters import PLACEHOLDER
from imi.reference import languages

MIN_CHARACTERS = 25
MIN_WORDS = 4
MALTESE = "mt"
MALTESE_REJECT_CONFIDENCE = 0.9
_MALTESE_LETTERS = set("abcdefghijklmnopqrstuvwxyzċġħżàèìòùî")
_MALTESE_MARKERS = re.compile(r"[ċġħ]|għ")
_MALTESE_WORDS = re.compile(
    r"(?<![\w'])(?:"
    r"(?:il|l|it|id|is|in|ir|iż|iċ|ix|iz|tal|tad|tat|tas|tar|taż|taċ|tax|fil|fit|fid|fis|mill|mit|bil|bit|lill|"
    r"għall|għat|għad|mal|sal)-"
    r"|ta'|ma'|b'|f'|m'|"
    r"(?:li|u|jew|huwa|hija|huma|għal|minn|dan|din|dawn|kif|biex|fuq|mhux|kien|kienet|hemm|jekk|skont)(?!\w)"
    r")",
    re.IGNORECASE,
)
_MIN_MALTESE_WORDS = 2


def is_long_enough(text: str) -> bool:
    """True if the text (placeholders removed) is long enough to be judged."""
    bare = PLACEHOLDER.sub(" ", text).strip()
    return len(bare) >= MIN_CHARACTERS and len(bare.split()) >= MIN_WORDS


def _letters(text: str) -> set[str]:
    return {char for char in unicodedata.normalize("NFC", text.lower()) if char.isalpha()}


def looks_maltese(text: str) -> bool:
    """Rules 1 and 2 of the Maltese rule: Maltese alphabet only, and Maltese letters or function words."""
    if not _letters(text) <= _MALTESE_LETTERS:
        return False
    lowered = text.lower().replace("’", "'")
    words = len(_MALTESE_WORDS.findall(lowered))
    return bool(_MALTESE_MARKERS.search(lowered)) or words >= _MIN_MALTESE_WORDS


class LanguageChecker:
    """Detects the served language of a text; building it loads lingua's models (seconds, hundreds of MB)."""

    def __init__(self) -> None:
        by_name = {lang.lingua: lang.code for lang in languages() if lang.lingua}
        self._codes: dict[Language, str] = {Language.from_str(name): code for name, code in by_name.items()}
        self._detector: LanguageDetector = (
            LanguageDetectorBuilder.from_languages(*self._codes).with_preloaded_language_models().build()
        )

    def detect(self, text: str) -> str | None:
        """The served language lingua finds (never Maltese), or None if it cannot tell."""
        found = self._detector.detect_language_of(PLACEHOLDER.sub(" ", text))
        return self._codes.get(found) if found is not None else None

    def confident_language(self, text: str, threshold: float) -> str | None:
        """The served language detected with at least this confidence, or None."""
        values = self._detector.compute_language_confidence_values(PLACEHOLDER.sub(" ", text))
        if values and values[0].value >= threshold:
            return self._codes.get(values[0].language)
        return None

    def problem(self, text: str, expected: str) -> str | None:
        """Why the text does not read as the expected language, or None if it does or is too short."""
        if not is_long_enough(text):
            return None
        if expected == MALTESE:
            if not looks_maltese(text):
                return "does not read as Maltese (no Maltese letters or function words, or foreign letters)"
            other = self.confident_language(text, MALTESE_REJECT_CONFIDENCE)
            return f"reads as {other}, not Maltese" if other else None
        found = self.detect(text)
        if found != expected:
            return f"reads as {found or 'no language'}, not {expected}"
        return None
