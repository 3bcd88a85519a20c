"""Looking up the catalogue by identifier: the question set of a procedure, an item, a text in a language."""

from collections.abc import Mapping
from functools import cache

from imi.catalogue.loader import DATA_DIR, load_catalogues
from imi.catalogue.model import Catalogue, CatalogueSet, Item, Option, Section, Translations
from imi.catalogue.parameters import render, validate_parameters
from imi.procedures import sources
from imi.reference import LANGUAGE_CODES

Node = Section | Item | Option


@cache
def catalogue_set() -> CatalogueSet:
    """The catalogue read from the package's data files, and those of any extra procedure data folder (once;
    `reload()` reads them again)."""
    return load_catalogues(DATA_DIR, sources.folders("catalogue", DATA_DIR)[1:])


@cache
def _index() -> dict[str, Node]:
    nodes: dict[str, Node] = {}
    for each in catalogue_set().catalogues.values():
        for section in each.sections:
            nodes[section.id] = section
            for item_ in section.items:
                nodes[item_.id] = item_
                nodes.update((option.id, option) for option in item_.options)
    return nodes


def reload() -> None:
    """Forget what was read, so that the next lookup reads the data files again."""
    catalogue_set.cache_clear()
    _index.cache_clear()


sources.on_reload(reload)


def catalogue(procedure_code: str) -> Catalogue:
    """The question set or form of a procedure; `KeyError` if it has none."""
    return catalogue_set().catalogues[procedure_code]


def item(item_id: str) -> Item:
    """The question or form field with this id; `KeyError` if unknown."""
    node = _index().get(item_id)
    if not isinstance(node, Item):
        raise KeyError(item_id)
    return node


def _check_language(language: str) -> None:
    if language not in LANGUAGE_CODES:
        raise KeyError(f"not a served language: {language!r}")


def text(identifier: str, language: str, parameters: Mapping[str, str] | None = None) -> str:
    """A section's title, an item's text or an option's label in a language.

    With `parameters`, an item's placeholders are checked (`ParameterError`) and filled in; without, the
    text keeps its `{placeholders}`.
    """
    _check_language(language)
    node = _index()[identifier]
    translations: Translations
    if isinstance(node, Section):
        translations = node.title
    elif isinstance(node, Option):
        translations = node.label
    else:
        translations = node.text
        if parameters is not None:
            return render(translations[language], validate_parameters(node, parameters))
    return translations[language]


def help_text(item_id: str, language: str, parameters: Mapping[str, str] | None = None) -> str:
    """An item's help text in a language, with its placeholders filled in if `parameters` are given."""
    _check_language(language)
    found = item(item_id)
    template = found.help[language]
    return template if parameters is None else render(template, validate_parameters(found, parameters))


def label(kind: str, code: str, language: str) -> str:
    """A shared label (`label("answers", "YES", "fr")`); `KeyError` if unknown."""
    _check_language(language)
    return catalogue_set().labels.kinds[kind][str(code)][language]
