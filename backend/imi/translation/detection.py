"""The language of an original text: the author's declared language, unless the text clearly says otherwise.

`LanguageDetector.detect(text, declared)` returns the language to record and whether to flag it:

- lingua (restricted to the served languages, models preloaded at start-up) must be confident: its best
  language has at least `confident` (0.80) of the relative confidence and the declared language at most
  `declared_at_most` (0.10); otherwise the declared language is recorded and nothing is flagged;
- texts shorter than `min_chars` (40) characters or `min_words` (6) words are never flagged: detection is
  unreliable on them;
- Maltese (lingua has no Maltese model) is decided by a rule: a text is Maltese when at least two of its
  words, and at least 15 % of them, carry a Maltese mark: one of the letters ċ, ġ, ħ (not ż, which
  Polish shares), or a hyphenated Maltese article (il-, l-, it-, tal-, tad-, għall-, fil-, mill-, lill-, …).
  Such a text declared as another language is recorded Maltese and flagged; a text declared Maltese without
  such marks is flagged only when lingua is confident it is another language.
"""

import re
import time
from dataclasses import dataclass
from pathlib import Path

from lingua import Language, LanguageDetectorBuilder

from imi.reference import LANGUAGE_CODES, languages
from imi.translation.errors import TextRejectedError

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_MALTESE_LETTERS = re.compile(r"[ċġħĊĠĦ]")
_MALTESE_ARTICLE = re.compile(r"^(?:(?:i|ta|għa|fi|mi|li|bi|sa|ma)?[lċdnrstxzż]{1,2}|għal|minn|lil)-\w", re.IGNORECASE)


def maltese_marks(text: str) -> tuple[int, int]:
    """(words carrying a Maltese mark, words)."""
    words = _WORD.findall(text)
    marked = sum(1 for word in words if _MALTESE_LETTERS.search(word) or _MALTESE_ARTICLE.match(word))
    return marked, len(words)


def looks_maltese(text: str) -> bool:
    marked, words = maltese_marks(text)
    return marked >= 2 and marked >= 0.15 * words


@dataclass(frozen=True, slots=True)
class Detection:
    """What to record for an original text."""

    language: str  # the language recorded for the text
    declared: str  # the author's declared (UI) language
    detected: str | None  # the detector's best guess, None when the text is too short to tell
    confidence: float  # the detector's relative confidence in `detected` (0–1)
    flagged: bool  # True when the text confidently is not in the declared language


def _rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class LanguageDetector:
    """lingua over the served languages; build it once at start-up (`load`), then `detect` is ~1–6 ms."""

    def __init__(
        self,
        *,
        accuracy: str = "high",
        min_chars: int = 40,
        min_words: int = 6,
        confident: float = 0.80,
        declared_at_most: float = 0.10,
    ) -> None:
        if accuracy not in ("high", "low"):
            raise ValueError("accuracy is 'high' or 'low'")
        self.accuracy = accuracy
        self.min_chars = min_chars
        self.min_words = min_words
        self.confident = confident
        self.declared_at_most = declared_at_most
        self._to_ours = {getattr(Language, lang.lingua): lang.code for lang in languages() if lang.lingua}
        self._from_ours = {code: language for language, code in self._to_ours.items()}
        started, before = time.perf_counter(), _rss_mb()
        builder = LanguageDetectorBuilder.from_languages(*self._to_ours).with_preloaded_language_models()
        if accuracy == "low":
            builder = builder.with_low_accuracy_mode()
        self._lingua = builder.build()
        self.load_seconds = time.perf_counter() - started
        self.rss_delta_mb = _rss_mb() - before

    def _short(self, text: str) -> bool:
        return len(text.strip()) < self.min_chars or len(_WORD.findall(text)) < self.min_words

    def detect(self, text: str, declared: str) -> Detection:
        """The language to record for `text` written by an author whose UI language is `declared`."""
        if declared not in LANGUAGE_CODES:
            raise TextRejectedError(f"{declared!r} is not a served language")
        short = self._short(text)
        if looks_maltese(text):
            marked, words = maltese_marks(text)
            if declared == "mt" or short:
                return Detection(declared, declared, "mt", marked / words, False)
            return Detection("mt", declared, "mt", marked / words, True)
        if short:
            return Detection(declared, declared, None, 0.0, False)
        values = {self._to_ours[v.language]: v.value for v in self._lingua.compute_language_confidence_values(text)}
        if not values:
            return Detection(declared, declared, None, 0.0, False)
        best = max(values, key=lambda code: values[code])
        confidence = values[best]
        flagged = (
            best != declared and confidence >= self.confident and values.get(declared, 0.0) <= self.declared_at_most
        )
        return Detection(best if flagged else declared, declared, best, confidence, flagged)
