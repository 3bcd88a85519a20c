"""What the Meilisearch engine sends, checked against Meilisearch's documented settings object and search API,
and how it reads answers (no server needed)."""

from typing import Any

import pytest

from imi.reference import LANGUAGE_CODES
from imi.search import SearchQuery, definition
from imi.search.document import index_document
from imi.search.meili_requests import POST, PRE, read_facets, read_hit, search_queries, settings

from .fixtures import documents
from .meilisearch_schema import LOCALES, validate


def _attributes(document: dict[str, Any], prefix: str = "") -> set[str]:
    """Every attribute path of a document, nested ones with dots (as Meilisearch flattens them)."""
    found = set()
    for key, value in document.items():
        path = f"{prefix}{key}"
        found.add(path)
        if isinstance(value, dict):
            found |= _attributes(value, f"{path}.")
    return found


def test_the_settings_follow_the_documented_schema() -> None:
    assert validate(settings(definition())) == []


def test_the_validator_rejects_what_the_documentation_does_not_allow() -> None:
    assert validate({"rankingRules": ["words", "relevance"]})
    assert validate({"typoTolerance": {"minWordSizeForTypos": {"oneTypo": 9, "twoTypos": 5}}})
    assert validate({"localizedAttributes": [{"attributePatterns": ["*.ga"], "locales": ["gle"]}]})
    assert validate({"searchableAttribute": ["name"]})
    assert validate({"synonyms": {"gdpr": "rgpd"}})
    assert validate({"proximityPrecision": "byLetter"})


def test_the_settings_name_attributes_the_documents_have() -> None:
    every = set().union(*(_attributes(index_document(doc, definition())) for doc in documents()))
    sent = settings(definition())
    tops = {path.split(".")[0] for path in every}
    assert set(sent["searchableAttributes"]) <= tops
    assert set(sent["filterableAttributes"]) <= tops
    assert set(sent["sortableAttributes"]) <= tops
    assert "sort" in sent["rankingRules"]
    for rule in sent["localizedAttributes"]:
        for pattern in rule["attributePatterns"]:
            suffix = pattern.removeprefix("*")
            assert any(path.endswith(suffix) for path in every), pattern


def test_every_locale_is_supported_and_every_supported_language_has_one() -> None:
    rules = settings(definition())["localizedAttributes"]
    by_language = {rule["attributePatterns"][0].removeprefix("*."): rule["locales"] for rule in rules}
    assert all(locale in LOCALES for locales in by_language.values() for locale in locales)
    # Irish, Maltese and Icelandic have no Meilisearch locale: it detects them itself.
    assert set(LANGUAGE_CODES) - set(by_language) == {"ga", "mt", "is"}


def test_acronyms_are_never_corrected_and_synonyms_find_one_another() -> None:
    sent = settings(definition())
    assert {"gdpr", "rodo", "dsgvo", "rgpd"} <= set(sent["typoTolerance"]["disableOnWords"])
    assert "rodo" in sent["synonyms"]["gdpr"] and "gdpr" in sent["synonyms"]["rodo"]
    assert "general data protection regulation" in sent["synonyms"]["rodo"]
    assert all(word == word.lower() for word in sent["synonyms"])
    assert "the" in sent["stopWords"] and "und" in sent["stopWords"]


def test_a_search_asks_for_exact_counts_highlights_and_the_locale_of_the_language() -> None:
    main, *counts = search_queries(definition(), SearchQuery(text="Apotheker", language="de", limit=20, offset=40))
    assert counts == []
    assert main["q"] == "Apotheker" and main["locales"] == ["deu"]
    assert main["matchingStrategy"] == "all"
    assert (main["page"], main["hitsPerPage"]) == (1, 60)
    assert main["facets"] == ["country", "level", "legal_areas"]
    assert main["filter"] == ['status IN ["ACTIVE"]']
    assert main["highlightPreTag"] == PRE and main["highlightPostTag"] == POST
    assert "sort" not in main


def test_facets_are_counted_without_their_own_filter() -> None:
    query = SearchQuery(text="", countries=("PL", "DE"), levels=("LOCAL",), language="ga")
    main, *counts = search_queries(definition(), query)
    assert main["sort"] == ["sort_name:asc"] and "locales" not in main
    assert main["filter"] == ['country IN ["PL", "DE"]', 'level IN ["LOCAL"]', 'status IN ["ACTIVE"]']
    assert main["facets"] == ["legal_areas"]
    assert [(c["facets"], c["filter"], c["limit"]) for c in counts] == [
        (["country"], ['level IN ["LOCAL"]', 'status IN ["ACTIVE"]'], 0),
        (["level"], ['country IN ["PL", "DE"]', 'status IN ["ACTIVE"]'], 0),
    ]
    answers = [
        {"facetDistribution": {"legal_areas": {"SERVICES": 3}}},
        {"facetDistribution": {"country": {"PL": 2, "DE": 1, "FR": 4}}},
        {"facetDistribution": {"level": {"LOCAL": 3, "NATIONAL": 9}}},
    ]
    assert read_facets(definition(), answers) == {
        "country": {"PL": 2, "DE": 1, "FR": 4},
        "level": {"LOCAL": 3, "NATIONAL": 9},
        "legal_area": {"SERVICES": 3},
    }


@pytest.mark.parametrize(
    ("formatted", "expected"),
    [
        ({"official_name": f"{PRE}Ordre{POST} des <b>médecins</b> & co"},
         {"official_name": "<mark>Ordre</mark> des &lt;b&gt;médecins&lt;/b&gt; &amp; co"}),
        ({"keywords": {"pl": ["farmaceuta"], "de": [f"{PRE}Apotheker{POST}", "Apothekerin"]}},
         {"keywords": "<mark>Apotheker</mark>"}),
        ({"descriptions": {"en": f"self-government of {PRE}pharmacists{POST}", "pl": f"{PRE}farmaceutów{POST}"}},
         {"description": "<mark>farmaceutów</mark>"}),
        ({"city": "Αθήνα", "places": ["Αθήνα", f"{PRE}Athens{POST}"]}, {"city": "<mark>Αθήνα</mark>"}),
        ({"city": "Πειραιάς", "places": ["Πειραιάς", f"{PRE}Athens{POST}"]}, {}),
    ],
)
def test_hits_are_read_with_escaped_highlights_in_the_preferred_language(
    formatted: dict[str, Any], expected: dict[str, str]
) -> None:
    hit = {"id": "7", "official_language": "pl", "country": "EL", "_rankingScore": 0.75, "_formatted": formatted}
    read = read_hit(definition(), hit, language=None)
    assert (read.id, read.score) == ("7", 0.75)
    assert dict(read.highlights) == expected
