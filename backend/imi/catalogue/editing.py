"""Replacing translations in a catalogue (immutable: a new `CatalogueSet` is returned)."""

from collections.abc import Mapping
from dataclasses import replace

from imi.catalogue.model import (
    LABELS_SOURCE,
    Catalogue,
    CatalogueSet,
    Item,
    Labels,
    Translations,
    label_identifier,
)

Updates = Mapping[tuple[str, str], str]
"""(source file, entry key `identifier:field`) -> new text, all in one language."""


def _set(translations: Translations, language: str, new: str | None) -> Translations:
    return translations if new is None else {**translations, language: new}


def _item(item: Item, source: str, language: str, updates: Updates) -> Item:
    def get(identifier: str, field: str) -> str | None:
        return updates.get((source, f"{identifier}:{field}"))

    options = tuple(replace(o, label=_set(o.label, language, get(o.id, "label"))) for o in item.options)
    return replace(item, text=_set(item.text, language, get(item.id, "text")),
                   help=_set(item.help, language, get(item.id, "help")), options=options)


def _catalogue(catalogue: Catalogue, language: str, updates: Updates) -> Catalogue:
    source = f"{catalogue.procedure}.yaml"
    sections = tuple(
        replace(section, title=_set(section.title, language, updates.get((source, f"{section.id}:title"))),
                items=tuple(_item(item, source, language, updates) for item in section.items))
        for section in catalogue.sections
    )
    return replace(catalogue, sections=sections)


def _labels(labels: Labels, language: str, updates: Updates) -> Labels:
    def get(kind: str, code: str) -> str | None:
        return updates.get((LABELS_SOURCE, f"{label_identifier(kind, code)}:label"))

    return Labels({
        kind: {code: _set(translations, language, get(kind, code)) for code, translations in codes.items()}
        for kind, codes in labels.kinds.items()
    })


def with_translations(catalogue_set: CatalogueSet, language: str, updates: Updates) -> CatalogueSet:
    """The catalogue with the given texts of one language replaced."""
    return CatalogueSet(
        {code: _catalogue(c, language, updates) for code, c in catalogue_set.catalogues.items()},
        _labels(catalogue_set.labels, language, updates),
    )
