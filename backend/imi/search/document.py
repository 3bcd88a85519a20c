"""The indexed form of an authority, the same for both engines (attributes: search_index/authorities.yaml).

Reference data is expanded here, once per document: competence keywords to their labels in every language,
the country to its name in every language, legal areas to their names, city and region to all their forms.
"""

import hashlib
import json
from functools import cache
from typing import Any

from imi.catalogue import label
from imi.reference import LANGUAGE_CODES, countries, country, legal_area, legal_areas
from imi.reference.keywords import keyword, keywords
from imi.search.definition import IndexDefinition
from imi.search.model import AuthorityDocument
from imi.search.text import words


@cache
def country_names(code: str) -> tuple[str, ...]:
    """The country's name in every served language, without repeats (CLDR)."""
    try:
        found = country(code)
        return tuple(dict.fromkeys(found.name(language) for language in LANGUAGE_CODES))
    except KeyError:
        return ()


@cache
def legal_area_names(code: str) -> tuple[str, ...]:
    """The legal area's name in every served language (the catalogue's labels, else its English name)."""
    names: list[str] = []
    for language in LANGUAGE_CODES:
        try:
            names.append(label("legal_areas", code, language))
        except KeyError:
            continue
    if not names:
        try:
            names.append(legal_area(code).name)
        except KeyError:
            return ()
    return tuple(dict.fromkeys(names))


@cache
def keyword_labels(keyword_id: str) -> dict[str, tuple[str, ...]]:
    """Language -> labels of a competence keyword (empty for an identifier no longer listed)."""
    try:
        return dict(keyword(keyword_id).labels)
    except KeyError:
        return {}


@cache
def expansion_fingerprint() -> str:
    """Digest of the reference data expanded into documents: an index built from other data is stale."""
    expanded = {
        "keywords": {item.id: dict(item.labels) for item in keywords()},
        "legal_areas": {area.code: legal_area_names(area.code) for area in legal_areas()},
        "countries": {str(item.code): country_names(item.code) for item in countries()},
    }
    return hashlib.sha256(json.dumps(expanded, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _places(doc: AuthorityDocument, definition: IndexDefinition) -> list[str]:
    found: list[str] = []
    for name in (doc.city, doc.region):
        if name and name.strip():
            found.extend(definition.place_forms(doc.country, name))
    return list(dict.fromkeys(found))


def index_document(doc: AuthorityDocument, definition: IndexDefinition) -> dict[str, Any]:
    """The document both engines index (Meilisearch receives it as JSON)."""
    keywords: dict[str, list[str]] = {}
    for keyword_id in doc.keyword_ids:
        for language, labels in keyword_labels(keyword_id).items():
            keywords.setdefault(language, []).extend(labels)
    return {
        "id": doc.id,
        "official_name": doc.official_name,
        "informal_names": dict(doc.informal_names),
        "descriptions": dict(doc.descriptions),
        "places": _places(doc, definition),
        "keywords": {language: list(dict.fromkeys(labels)) for language, labels in keywords.items()},
        "country_names": list(country_names(doc.country)),
        "legal_area_names": [name for code in doc.legal_areas for name in legal_area_names(code)],
        "country": doc.country,
        "level": doc.level,
        "status": doc.status,
        "official_language": doc.official_language,
        "city": doc.city,
        "region": doc.region,
        "legal_areas": list(doc.legal_areas),
        "procedures": list(doc.procedures),
        "keyword_ids": list(doc.keyword_ids),
        "sort_name": " ".join(words(doc.official_name)),
    }


def attribute_texts(document: dict[str, Any], attribute: str) -> list[str]:
    """Every text of an attribute of an indexed document (nested mappings and lists flattened)."""
    found: list[str] = []
    stack: list[Any] = [document.get(attribute)]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            stack.extend(reversed(list(value.values())))
        elif isinstance(value, list | tuple):
            stack.extend(reversed(value))
    return found
