"""The embedded engine's tantivy schema: one text field per searchable attribute, folded in Python.

Text reaches tantivy already folded and split (imi.search.text), joined by spaces; its analyzers only split on
spaces, and the per-language `stem_<ll>` fields also stem. Filters and facets use raw, fast fields.
"""

import json
import zlib
from functools import lru_cache
from typing import Any

import tantivy

from imi.search.definition import IndexDefinition
from imi.search.document import attribute_texts, keyword_labels, legal_area_names
from imi.search.text import folded_words

FORMAT = "tantivy-3"
"""Changes whenever the schema or the way documents are analysed changes: older indexes are not reused."""

SPLIT = "imi_words"
EXACT_FIELD = "exact_name"
FUZZY_FIELD = "by_first_letter"
"""Every word of every searchable attribute under its first letter (`{"a": "potheker ..."}`): typo queries
search one letter's words only, as Meilisearch counts a typo on the first letter as two."""
SOURCE_FIELD = "source"
SORT_FIELD = "sort_name"
RAW_FIELDS = ("country", "level", "status", "legal_areas", "procedures", "official_language")
STORED = (
    "id", "official_name", "official_language", "informal_names", "descriptions", "city", "region", "country",
    "keyword_ids",
)
"""What a hit needs for its highlights (keyword labels come from the reference data)."""


def text_field(attribute: str) -> str:
    return f"text_{attribute}"


def stem_field(language: str) -> str:
    return f"stem_{language}"


def stem_analyzer(stemmer: str) -> tantivy.TextAnalyzer:
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace())
        .filter(tantivy.Filter.stemmer(stemmer))
        .build()
    )


def stemmers(definition: IndexDefinition) -> dict[str, str]:
    """Language -> stemmer name, for the languages that have one."""
    return {code: lang.stemmer for code, lang in definition.languages.items() if lang.stemmer}


def build_schema(definition: IndexDefinition) -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_bytes_field(SOURCE_FIELD, stored=True, indexed=False)
    for name in RAW_FIELDS:
        builder.add_text_field(name, tokenizer_name="raw", fast=True, index_option="basic")
    builder.add_text_field(SORT_FIELD, tokenizer_name="raw", fast=True, index_option="basic")
    builder.add_text_field(EXACT_FIELD, tokenizer_name="raw", index_option="basic")
    builder.add_json_field(FUZZY_FIELD, tokenizer_name=SPLIT, index_option="basic")
    for attribute in definition.searchable_attributes:
        builder.add_text_field(text_field(attribute), tokenizer_name=SPLIT, index_option="position")
    for language in stemmers(definition):
        builder.add_text_field(stem_field(language), tokenizer_name=stem_field(language), index_option="freq")
    return builder.build()


def register_analyzers(index: tantivy.Index, definition: IndexDefinition) -> None:
    """Tantivy forgets custom analyzers: register them after every `Index(...)`."""
    index.register_tokenizer(SPLIT, tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build())
    for language, stemmer in stemmers(definition).items():
        index.register_tokenizer(stem_field(language), stem_analyzer(stemmer))


Block = tuple[str, tuple[tuple[str, str], ...]]
"""Folded texts joined for one field value, and their words (without the first letter) by first letter."""
SEPARATOR = " | | "
"""Between two texts of one field: two positions that no query word matches, so no phrase spans two texts."""


def _block(texts: tuple[str, ...]) -> Block:
    joined = SEPARATOR.join(" ".join(words) for words in (folded_words(text) for text in texts) if words)
    by_first: dict[str, set[str]] = {}
    for text in texts:
        for word in folded_words(text):
            if len(word) > 1:
                by_first.setdefault(word[0], set()).add(word[1:])
    return joined, tuple((first, " ".join(sorted(rests))) for first, rests in by_first.items())


_shared_block = lru_cache(maxsize=16384)(_block)
"""`_block` for the texts many documents share (reference data)."""


@lru_cache(maxsize=8192)
def _keyword_block(keyword_id: str) -> Block:
    return _block(tuple(label for labels in keyword_labels(keyword_id).values() for label in labels))


@lru_cache(maxsize=16384)
def _keyword_language(keyword_id: str, language: str) -> str:
    return " ".join(" ".join(folded_words(label)) for label in keyword_labels(keyword_id).get(language, ()))


def _blocks(document: dict[str, Any], attribute: str) -> list[Block]:
    """The blocks of an attribute; the expanded reference data (keywords, countries, legal areas) is folded once
    per keyword, country or legal area, not once per document."""
    if attribute == "keywords":
        return [_keyword_block(keyword_id) for keyword_id in document["keyword_ids"]]
    if attribute == "legal_area_names":
        return [_shared_block(legal_area_names(code)) for code in document["legal_areas"]]
    if attribute == "country_names":
        return [_shared_block(tuple(document["country_names"]))]
    return [_block(tuple(attribute_texts(document, attribute)))]


def to_tantivy(document: dict[str, Any], definition: IndexDefinition) -> tantivy.Document:
    """An indexed document (imi.search.document) as tantivy fields."""
    doc = tantivy.Document()
    doc.add_text("id", document["id"])
    stored = {name: document[name] for name in STORED}
    doc.add_bytes(SOURCE_FIELD, zlib.compress(json.dumps(stored, ensure_ascii=False).encode()))
    for name in RAW_FIELDS:
        value = document.get(name)
        for item in value if isinstance(value, list) else [value]:
            if item:
                doc.add_text(name, str(item))
    doc.add_text(SORT_FIELD, document["sort_name"])
    for name in [document["official_name"], *document["informal_names"].values()]:
        doc.add_text(EXACT_FIELD, " ".join(folded_words(name)))
    by_first: dict[str, list[str]] = {}
    for attribute in definition.searchable_attributes:
        blocks = _blocks(document, attribute)
        joined = SEPARATOR.join(text for text, _ in blocks if text)
        if joined:
            doc.add_text(text_field(attribute), joined)
        if attribute in definition.typos.disable_on_attributes:
            continue
        for _, groups in blocks:
            for first, rests in groups:
                by_first.setdefault(first, []).append(rests)
    doc.add_json(FUZZY_FIELD, {first: " ".join(rests) for first, rests in by_first.items()})
    for language in stemmers(definition):
        texts = [document[name].get(language, "") for name in ("informal_names", "descriptions")]
        if document["official_language"] == language:
            texts.append(document["official_name"])
        parts = [" ".join(folded_words(text)) for text in texts if text]
        parts += [_keyword_language(keyword_id, language) for keyword_id in document["keyword_ids"]]
        joined = " ".join(part for part in parts if part)
        if joined:
            doc.add_text(stem_field(language), joined)
    return doc


def source(doc: tantivy.Document) -> dict[str, Any]:
    """The `STORED` part of the indexed document."""
    loaded: dict[str, Any] = json.loads(zlib.decompress(doc.to_dict()[SOURCE_FIELD][0]))
    return loaded
