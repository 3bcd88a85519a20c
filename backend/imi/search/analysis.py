"""Query analysis shared by the embedded engine and the highlighter: what each query word may match."""

from dataclasses import dataclass

from imi.search.definition import IndexDefinition
from imi.search.text import edit_distance, fold, prefix_distance, words


@dataclass(frozen=True, slots=True)
class QueryWord:
    text: str
    """The folded word."""
    prefix: bool
    """It may be the beginning of a longer word (the last word, while typing)."""
    typos: int
    """How many typos it may carry (by its length; none for codes), never on its first letter."""
    optional: bool
    """A stop word: a match ranks higher but is not required."""
    alternatives: tuple[tuple[str, ...], ...] = ()
    """Synonyms: folded words, or phrases when longer than one word."""

    def matches(self, word: str) -> int | None:
        """Typos between this and a folded indexed word (0: exact, prefix or synonym match), None if none."""
        if word == self.text or (self.prefix and word.startswith(self.text)):
            return 0
        if any(alternative == (word,) for alternative in self.alternatives):
            return 0
        if self.typos and word[:1] == self.text[:1] and self._close(word):
            distance = (prefix_distance if self.prefix else edit_distance)(self.text, word, self.typos)
            if distance <= self.typos:
                return distance
        return None

    def _close(self, word: str) -> bool:
        """A necessary condition for a match within `typos`: each letter absent from the other side needs
        its own edit."""
        compared = word[: len(self.text) + self.typos] if self.prefix else word
        if len(set(self.text).difference(compared)) > self.typos:
            return False
        return self.prefix or len(set(compared).difference(self.text)) <= self.typos


_SYNONYMS: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = {}
_STOP_WORDS: dict[str, frozenset[str]] = {}


def analyse(text: str, definition: IndexDefinition) -> tuple[QueryWord, ...]:
    """The words of a query: the last one is a prefix unless the text ends with a separator."""
    synonyms = _SYNONYMS.get(definition.fingerprint)
    if synonyms is None:
        synonyms = _SYNONYMS[definition.fingerprint] = definition.folded_synonyms()
    stop_words = _STOP_WORDS.get(definition.fingerprint)
    if stop_words is None:
        stop_words = _STOP_WORDS[definition.fingerprint] = definition.folded_stop_words
    found = words(text)[: definition.max_query_words]
    typing = bool(found) and len(found) == len(words(text)) and fold(text[-1:]).isalnum()
    only_stop_words = all(word in stop_words for word in found)
    return tuple(
        QueryWord(
            text=word,
            prefix=typing and index == len(found) - 1,
            typos=definition.typos.allowed(word),
            optional=word in stop_words and not only_stop_words,
            alternatives=synonyms.get(word, ()),
        )
        for index, word in enumerate(found)
    )
