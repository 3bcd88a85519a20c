"""Is a translation written in the language it claims? lingua, restricted to the served languages.

Texts shorter than `MIN_CHARACTERS` or `MIN_WORDS` are not judged (detection is unreliable on them).
Placeholders are removed first.

Maltese rule (lingua has no Maltese model): a text claimed as Maltese passes when
  1. it uses only letters of the Maltese alphabet (a–z without c and y, ċ ġ ħ ż, à è ì ò ù î), and
  2. it has Maltese evidence: words with ċ, ġ or ħ (għ included), articles joined by a hyphen (il-, tal-,
     fid-, ...), apostrophe forms (ta', ma', b', f') or common function words (u, jew, li, huwa, għal, minn,
     dwar, skont, ...); and
  3. with two or more such words it passes; with exactly one, only if lingua does not detect another served
     language with a confidence of at least `MALTESE_REJECT_CONFIDENCE`; with none, it fails.
Lingua alone cannot veto well-evidenced Maltese: Maltese legal vocabulary is largely Italian and is often
read as Italian with high confidence.
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
MALTESE_SURE_WORDS = 2
_MALTESE_LETTERS = set("abdefghijklmnopqrstuvwxzċġħżàèìòùî")
_MALTESE_ARTICLE = re.compile(
    r"^(?:(?:i|bi|fi|mi|ma|sa|ta|għa|lil)?(?:l|[tdsnrxzż]|ċ)|(?:bil|fil|mil|mill|tal|lill|għall|mal|sal))-\w"
)
_MALTESE_WORDS = frozenset((
    "u", "jew", "li", "huwa", "hija", "huma", "għal", "minn", "dwar", "skont", "dan", "din", "dawn", "kif",
    "biex", "fuq", "mhux", "kien", "kienet", "hemm", "jekk", "lanqas", "ukoll", "wara", "qabel", "bejn",
    "għandu", "għandha", "jista'", "tista'", "permezz", "kull", "xi", "meta", "iva", "le", "ta'", "ma'",
    "b'", "f'", "m'", "x'", "sa", "mill",
))
_TOKEN = re.compile(r"[\w'-]+")


def is_long_enough(text: str) -> bool:
    """True if the text (placeholders removed) is long enough to be judged."""
    bare = PLACEHOLDER.sub(" ", text).strip()
    return len(bare) >= MIN_CHARACTERS and len(bare.split()) >= MIN_WORDS


def _letters(text: str) -> set[str]:
    return {char for char in text if char.isalpha()}


def maltese_evidence(text: str) -> int:
    """How many words show Maltese; -1 if a letter outside the Maltese alphabet is used."""
    lowered = unicodedata.normalize("NFC", PLACEHOLDER.sub(" ", text)).lower().replace("’", "'")
    if not _letters(lowered) <= _MALTESE_LETTERS:
        return -1
    return sum(
        1 for token in _TOKEN.findall(lowered)
        if any(char in "ċġħ" for char in token) or token in _MALTESE_WORDS or _MALTESE_ARTICLE.match(token)
    )


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
            evidence = maltese_evidence(text)
            if evidence < 0:
                return "uses letters outside the Maltese alphabet"
            if evidence == 0:
                return "shows no Maltese words or letters"
            other = self.confident_language(text, MALTESE_REJECT_CONFIDENCE)
            if evidence < MALTESE_SURE_WORDS and other:
                return f"reads as {other}, not Maltese"
            return None
        found = self.detect(text)
        if found != expected:
            return f"reads as {found or 'no language'}, not {expected}"
        return None
