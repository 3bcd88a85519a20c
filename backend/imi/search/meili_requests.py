"""The JSON the Meilisearch engine sends and how it reads the answers: pure functions, testable offline."""

import html
import json
from collections.abc import Mapping, Sequence
from typing import Any

from imi.search.definition import IndexDefinition
from imi.search.model import SearchHit, SearchQuery
from imi.search.text import words

PRE = "\ue000"
POST = "\ue001"
PLACE_FIELDS = ("city", "region")
"""Private-use characters as highlight tags, so that the text can be escaped before they become `<mark>`."""


def settings(definition: IndexDefinition) -> dict[str, Any]:
    """The index settings: authorities.yaml's `settings` completed from the other definition files."""
    result = json.loads(json.dumps(dict(definition.settings)))
    result["synonyms"] = {word: list(values) for word, values in sorted(definition.synonyms().items())}
    result["stopWords"] = sorted(
        {word.lower() for values in definition.stop_words.values() for word in values}
    )
    typo = result.setdefault("typoTolerance", {})
    typo["disableOnWords"] = sorted({*typo.get("disableOnWords", ()), *_acronyms(definition)})
    result["localizedAttributes"] = [
        {"attributePatterns": [f"*.{language.code}"], "locales": [language.locale]}
        for language in definition.languages.values()
        if language.locale
    ]
    return result


def _acronyms(definition: IndexDefinition) -> list[str]:
    members = [member for group in definition.synonym_groups for member in group]
    return [word.lower() for word in [*members, *definition.expansions]]


def _filter(definition: IndexDefinition, query: SearchQuery, leave_out: str | None = None) -> list[str]:
    return [
        f"{definition.filters[name]} IN [{', '.join(json.dumps(value) for value in values)}]"
        for name, values in query.filters().items()
        if name != leave_out
    ]


def _highlighted_attributes(definition: IndexDefinition) -> list[str]:
    attributes = {path.split(".")[0] for path in definition.highlight.fields.values()}
    return sorted(attributes | {"places"})


def search_queries(definition: IndexDefinition, query: SearchQuery) -> list[dict[str, Any]]:
    """The multi-search: the hits with the facets whose filter is inactive, then one count per active facet
    filter without that filter (disjunctive facets)."""
    active = query.filters()
    light = definition.highlight
    language = definition.languages.get(query.language or "")
    locale = language.locale if language else None
    common: dict[str, Any] = {
        "indexUid": definition.uid,
        "q": query.text,
        "matchingStrategy": definition.matching_strategy,
    }
    if locale:
        common["locales"] = [locale]
    main: dict[str, Any] = {
        **common,
        "filter": _filter(definition, query),
        "facets": [attribute for name, attribute in definition.facets.items() if name not in active],
        # Page mode counts every hit exactly; the page holds the window up to the requested one.
        "page": 1,
        "hitsPerPage": query.offset + query.limit,
        "attributesToRetrieve": ["id", "official_language", "country"],
        "attributesToHighlight": _highlighted_attributes(definition),
        "highlightPreTag": PRE,
        "highlightPostTag": POST,
        "attributesToCrop": sorted({definition.highlight.fields[name].split(".")[0] for name in light.crop}),
        "cropLength": light.crop_length,
        "cropMarker": light.crop_marker,
        "showRankingScore": True,
    }
    if not words(query.text):  # no words: browsing, by name (as the embedded engine does)
        main["sort"] = ["sort_name:asc"]
    counts = [
        {
            **common,
            "filter": _filter(definition, query, leave_out=name),
            "facets": [definition.facets[name]],
            "limit": 0,
        }
        for name in definition.facets
        if name in active
    ]
    return [main, *counts]


def _plain(text: str) -> str:
    return text.replace(PRE, "").replace(POST, "")


def _mark(text: str, settings: Mapping[str, Any]) -> str:
    escaped = html.escape(text)
    return escaped.replace(PRE, settings["pre"]).replace(POST, settings["post"])


def _pick(value: Any, order: Sequence[str]) -> list[str]:
    """The marked texts of a field; for a per-language mapping, those of the first language with a match."""
    if isinstance(value, str):
        return [value] if PRE in value else []
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str) and PRE in item]
    if isinstance(value, dict):
        for code in [*order, *sorted(value)]:
            found = _pick(value.get(code), ())
            if found:
                return found
    return []


def read_hit(definition: IndexDefinition, hit: Mapping[str, Any], language: str | None) -> SearchHit:
    """A Meilisearch hit as a `SearchHit`, its `_formatted` texts turned into escaped HTML with `<mark>`."""
    formatted = hit.get("_formatted") or {}
    order = [code for code in (language, hit.get("official_language")) if code]
    tags = {"pre": definition.highlight.pre_tag, "post": definition.highlight.post_tag}
    highlights: dict[str, str] = {}
    for name, path in definition.highlight.fields.items():
        found = _pick(formatted.get(path.split(".")[0]), order)
        if found:
            highlights[name] = ", ".join(_mark(text, tags) for text in found)
    matched_places = {_plain(place) for place in _pick(formatted.get("places"), ())}
    for name in PLACE_FIELDS:
        text = formatted.get(name)
        if name not in highlights and matched_places and isinstance(text, str) and text:
            forms = definition.place_forms(str(hit.get("country")), _plain(text))
            if matched_places & set(forms):
                highlights[name] = tags["pre"] + html.escape(_plain(text)) + tags["post"]
    return SearchHit(str(hit["id"]), float(hit.get("_rankingScore", 0.0)), highlights)


def read_facets(
    definition: IndexDefinition, results: Sequence[Mapping[str, Any]]
) -> dict[str, dict[str, int]]:
    """Facet name -> value -> count, from the multi-search results (the first holds the inactive facets)."""
    by_attribute: dict[str, dict[str, int]] = {}
    for result in results:
        for attribute, counts in (result.get("facetDistribution") or {}).items():
            by_attribute[attribute] = {str(value): int(count) for value, count in counts.items()}
    return {name: by_attribute.get(attribute, {}) for name, attribute in definition.facets.items()}
