"""The embedded engine's tantivy schema: one text field per searchable attribute, folded in Python.

Text reaches tantivy already folded and split (imi.search.text), joined by spaces; its analyzers only split on
spaces, and the per-language `stem_<ll>` fields also stem. Filters and facets use raw, fast fields.
"""

import json
import zlib
from typing import Any

import tantivy

from imi.search.definition import IndexDefinition
from imi.search.document import attribute_texts
from imi.search.text import folded_words

FORMAT = "tantivy-1"
"""Changes whenever the schema or the way documents are analysed changes: older indexes are not reused."""

SPLIT = "imi_words"
EXACT_FIELD = "exact_name"
SOURCE_FIELD = "source"
SORT_FIELD = "sort_name"
RAW_FIELDS = ("country", "level", "status", "legal_areas", "procedures", "official_language")
PER_LANGUAGE = ("informal_names", "descriptions", "keywords")


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


def _joined(texts: list[str]) -> str:
    return " ".join(" ".join(folded_words(text)) for text in texts)


def to_tantivy(document: dict[str, Any], definition: IndexDefinition) -> tantivy.Document:
    """An indexed document (imi.search.document) as tantivy fields."""
    doc = tantivy.Document()
    doc.add_text("id", document["id"])
    doc.add_bytes(SOURCE_FIELD, zlib.compress(json.dumps(document, ensure_ascii=False).encode()))
    for name in RAW_FIELDS:
        value = document.get(name)
        for item in value if isinstance(value, list) else [value]:
            if item:
                doc.add_text(name, str(item))
    doc.add_text(SORT_FIELD, document["sort_name"])
    for name in [document["official_name"], *document["informal_names"].values()]:
        doc.add_text(EXACT_FIELD, " ".join(folded_words(name)))
    for attribute in definition.searchable_attributes:
        # Each text its own value, so that a phrase never spans two of them.
        for text in attribute_texts(document, attribute):
            joined = _joined([text])
            if joined:
                doc.add_text(text_field(attribute), joined)
    for language in stemmers(definition):
        texts = [text for name in PER_LANGUAGE for text in attribute_texts(document.get(name, {}), language)]
        if document.get("official_language") == language:
            texts.append(document["official_name"])
        if texts:
            doc.add_text(stem_field(language), _joined(texts))
    return doc


def source(doc: tantivy.Document) -> dict[str, Any]:
    """The indexed document stored with a tantivy document."""
    loaded: dict[str, Any] = json.loads(zlib.decompress(doc.to_dict()[SOURCE_FIELD][0]))
    return loaded
