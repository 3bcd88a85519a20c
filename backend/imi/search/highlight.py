"""Highlighting the matched words in an authority's original texts (escaped HTML with `<mark>`).

The embedded engine uses it for each hit of a page; a `Matcher` lives for one page and remembers what it has
already decided (word matches, marked texts, keyword labels), since hits share many words and keywords.
"""

import html
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from imi.reference import LANGUAGE_CODES
from imi.search.analysis import QueryWord
from imi.search.definition import Highlight
from imi.search.document import keyword_labels
from imi.search.text import spans, words

LANGUAGE = "<ll>"
PLACE_FIELDS = ("city", "region")
KEYWORDS = "keywords"
Marked = tuple[int, list[str]]
"""(typos of the closest match, marked texts)."""


@lru_cache(maxsize=4096)
def keyword_words(keyword_id: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each folded word of a keyword's labels with the languages whose labels contain it."""
    found: dict[str, set[str]] = {}
    for language, labels in keyword_labels(keyword_id).items():
        for label in labels:
            for word in words(label):
                found.setdefault(word, set()).add(language)
    return tuple((word, frozenset(languages)) for word, languages in found.items())


class Matcher:
    """Which words of a text match the query, for one page of hits."""

    def __init__(self, query: Sequence[QueryWord], settings: Highlight) -> None:
        self.query = query
        self.settings = settings
        self._words: dict[str, int | None] = {}
        self._texts: dict[tuple[str, bool], tuple[int, str] | None] = {}
        self._keywords: dict[str, dict[str, Marked]] = {}
        # Every match starts with the first letter of a query word or of one of its synonyms.
        self._first = {w.text[:1] for w in query} | {a[0][:1] for w in query for a in w.alternatives if a}

    def word(self, word: str) -> int | None:
        """Typos of the closest query word this folded word matches, None if none."""
        if word[:1] not in self._first:
            return None
        if word not in self._words:
            found = (query_word.matches(word) for query_word in self.query)
            self._words[word] = min((typos for typos in found if typos is not None), default=None)
        return self._words[word]

    def _phrase(self, folded: list[str], index: int) -> bool:
        """The word at `index` is part of a synonym phrase found in full."""
        for query_word in self.query:
            for phrase in query_word.alternatives:
                if len(phrase) < 2 or folded[index] not in phrase:
                    continue
                for offset, part in enumerate(phrase):
                    start = index - offset
                    if part == folded[index] and start >= 0 and tuple(folded[start : start + len(phrase)]) == phrase:
                        return True
        return False

    def text(self, text: str, crop: bool = False) -> tuple[int, str] | None:
        """(typos, marked text) when a word of `text` matches, else None."""
        key = (text, crop)
        if key not in self._texts:
            self._texts[key] = self._mark(unicodedata.normalize("NFC", text), crop)
        return self._texts[key]

    def _mark(self, text: str, crop: bool) -> tuple[int, str] | None:
        every = spans(text)
        if not any(word[:1] in self._first for _, _, word in every):
            return None
        folded = [word for _, _, word in every]
        matched: list[tuple[int, int]] = []
        best = 3
        for index, (start, end, word) in enumerate(every):
            typos = self.word(word)
            if typos is None and any(query_word.alternatives for query_word in self.query) and self._phrase(
                folded, index
            ):
                typos = 0
            if typos is not None:
                matched.append((start, end))
                best = min(best, typos)
        if not matched:
            return None
        return best, _render(text, [(start, end) for start, end, _ in every], matched, self.settings, crop)

    def texts(self, texts: Sequence[str], crop: bool = False) -> Marked | None:
        found = [marked for marked in (self.text(text, crop) for text in texts) if marked]
        return (min(typos for typos, _ in found), [text for _, text in found]) if found else None

    def keyword(self, keyword_id: str) -> dict[str, Marked]:
        """Language -> marked labels of a competence keyword, for the languages where a label matches."""
        if keyword_id not in self._keywords:
            languages = {
                language
                for word, found in keyword_words(keyword_id)
                if self.word(word) is not None
                for language in found
            }
            labels = keyword_labels(keyword_id)
            marked = {language: self.texts(labels[language]) for language in languages}
            self._keywords[keyword_id] = {language: texts for language, texts in marked.items() if texts}
        return self._keywords[keyword_id]


def _render(text: str, every: list[tuple[int, int]], matched: list[tuple[int, int]], settings: Highlight,
            crop: bool) -> str:
    first, last = 0, len(text)
    prefix = suffix = ""
    if crop and len(every) > settings.crop_length:
        position = every.index(matched[0])
        start = max(0, min(position - settings.crop_length // 3, len(every) - settings.crop_length))
        end = start + settings.crop_length
        first, last = every[start][0], every[end - 1][1]
        prefix = settings.crop_marker if start > 0 else ""
        suffix = settings.crop_marker if end < len(every) else ""
    parts: list[str] = [html.escape(prefix)]
    cursor = first
    for start, end in matched:
        if start < first or end > last:
            continue
        parts += [html.escape(text[cursor:start]), settings.pre_tag, html.escape(text[start:end]), settings.post_tag]
        cursor = end
    parts += [html.escape(text[cursor:last]), html.escape(suffix)]
    return "".join(parts)


def _by_language(document: dict[str, Any], attribute: str, matcher: Matcher, crop: bool) -> dict[str, Marked]:
    if attribute == KEYWORDS:
        merged: dict[str, Marked] = {}
        for keyword_id in document.get("keyword_ids", ()):
            for language, (typos, texts) in matcher.keyword(keyword_id).items():
                before = merged.get(language)
                merged[language] = (min(typos, before[0]), before[1] + texts) if before else (typos, list(texts))
        return merged
    values = document.get(attribute) or {}
    found = {language: matcher.texts([text], crop) for language, text in values.items() if isinstance(text, str)}
    return {language: marked for language, marked in found.items() if marked}


def _other_form_matches(place: str, matcher: Matcher, place_forms: Callable[[str], Sequence[str]]) -> bool:
    return any(matcher.text(form) for form in place_forms(place) if form != place)


def highlight(document: dict[str, Any], matcher: Matcher, language: str | None,
              place_forms: Callable[[str], Sequence[str]] | None = None) -> dict[str, str]:
    """Field -> marked text, for the fields with a match. Per-language fields show the language of the closest
    match, preferring the query's language, then the official one, then the table's order. City and region
    are marked whole when another of their forms matched (`place_forms`)."""
    if not matcher.query:
        return {}
    settings = matcher.settings
    preferred = [code for code in (language, document.get("official_language")) if code]
    rank = {code: index for index, code in enumerate(dict.fromkeys([*preferred, *LANGUAGE_CODES]))}
    result: dict[str, str] = {}
    for name, path in settings.fields.items():
        crop = name in settings.crop
        if LANGUAGE in path:
            found = _by_language(document, path.split(".")[0], matcher, crop)
            if found:
                best = min(found, key=lambda code: (found[code][0], rank.get(code, len(rank))))
                result[name] = ", ".join(found[best][1])
            continue
        value = document.get(path)
        if not isinstance(value, str) or not value:
            continue
        marked = matcher.text(value, crop)
        if marked:
            result[name] = marked[1]
        elif path in PLACE_FIELDS and place_forms is not None and _other_form_matches(value, matcher, place_forms):
            result[name] = settings.pre_tag + html.escape(value) + settings.post_tag
    return result
