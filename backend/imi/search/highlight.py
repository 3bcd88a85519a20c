"""Highlighting the matched words of an indexed document in its original text (escaped HTML with `<mark>`)."""

import html
from collections.abc import Callable, Sequence
from typing import Any

from imi.reference import LANGUAGE_CODES
from imi.search.analysis import QueryWord
from imi.search.definition import Highlight
from imi.search.text import spans

LANGUAGE = "<ll>"
PLACE_FIELDS = ("city", "region")


class Matcher:
    """Which query word a folded word matches, with how many typos; memoised over one result page."""

    def __init__(self, query: Sequence[QueryWord]) -> None:
        self.query = query
        self._memo: dict[str, int | None] = {}

    def __call__(self, word: str) -> int | None:
        if word not in self._memo:
            found = (query_word.matches(word) for query_word in self.query)
            self._memo[word] = min((typos for typos in found if typos is not None), default=None)
        return self._memo[word]

    def phrase(self, folded: list[str], index: int) -> bool:
        """The word at `index` is part of a synonym phrase found in full."""
        for query_word in self.query:
            for phrase in query_word.alternatives:
                if len(phrase) < 2 or folded[index] not in phrase:
                    continue
                for offset, part in enumerate(phrase):
                    start = index - offset
                    if (
                        part == folded[index]
                        and start >= 0
                        and tuple(folded[start : start + len(phrase)]) == phrase
                    ):
                        return True
        return False


def _marked(text: str, matcher: Matcher) -> tuple[list[tuple[int, int]], list[tuple[int, int]], int]:
    """(all word spans, matched spans, typos of the closest match); no matched spans when nothing matches."""
    every = list(spans(text))
    folded = [word for _, _, word in every]
    matched: list[tuple[int, int]] = []
    best = 3
    for index, (start, end, word) in enumerate(every):
        typos = matcher(word)
        if typos is None and matcher.phrase(folded, index):
            typos = 0
        if typos is not None:
            matched.append((start, end))
            best = min(best, typos)
    return [(start, end) for start, end, _ in every], matched, best


def _render(
    text: str, every: list[tuple[int, int]], matched: list[tuple[int, int]], settings: Highlight, crop: bool
) -> str:
    first, last = 0, len(text)
    prefix = suffix = ""
    if crop and len(every) > settings.crop_length:
        position = next(i for i, span in enumerate(every) if span == matched[0])
        start = max(0, min(position - settings.crop_length // 3, len(every) - settings.crop_length))
        end = start + settings.crop_length
        first = every[start][0]
        last = every[end - 1][1]
        prefix = settings.crop_marker if start > 0 else ""
        suffix = settings.crop_marker if end < len(every) else ""
    parts: list[str] = [html.escape(prefix)]
    cursor = first
    for start, end in matched:
        if start < first or end > last:
            continue
        parts += [
            html.escape(text[cursor:start]),
            settings.pre_tag,
            html.escape(text[start:end]),
            settings.post_tag,
        ]
        cursor = end
    parts += [html.escape(text[cursor:last]), html.escape(suffix)]
    return "".join(parts)


def _texts(document: dict[str, Any], path: str, language: str) -> list[str]:
    value: Any = document
    for part in path.replace(LANGUAGE, language).split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []


def highlight(
    document: dict[str, Any],
    matcher: Matcher,
    settings: Highlight,
    language: str | None,
    place_forms: Callable[[str], Sequence[str]] | None = None,
) -> dict[str, str]:
    """Field -> marked text, for the fields with a match. Per-language fields show the language with the
    closest match, preferring the query's language, then the official one, then the table's order. City and
    region are marked whole when another of their forms matched (`place_forms`)."""
    if not matcher.query:
        return {}
    preferred = [code for code in (language, document.get("official_language")) if code]
    order = list(dict.fromkeys([*preferred, *LANGUAGE_CODES]))
    result: dict[str, str] = {}
    for name, path in settings.fields.items():
        best: tuple[int, str] | None = None
        for code in order if LANGUAGE in path else [""]:
            rendered: list[str] = []
            typos = 3
            for text in _texts(document, path, code):
                every, matched, closest = _marked(text, matcher)
                if matched:
                    rendered.append(_render(text, every, matched, settings, name in settings.crop))
                    typos = min(typos, closest)
            if rendered and (best is None or typos < best[0]):
                best = (typos, ", ".join(rendered))
            if best is not None and best[0] == 0:
                break
        if best is not None:
            result[name] = best[1]
        elif path in PLACE_FIELDS and place_forms is not None:
            place = document.get(path)
            if isinstance(place, str) and place and any(_marked(f, matcher)[1] for f in place_forms(place)):
                result[name] = settings.pre_tag + html.escape(place) + settings.post_tag
    return result
