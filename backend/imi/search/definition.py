"""The index definition in `search_index/`, read once and shared by both engines.

`authorities.yaml` holds the Meilisearch settings and how queries are run; `synonyms.yaml`, `stop_words.yaml`
and `places.yaml` hold the word lists. Everything is checked on load: a `DefinitionError` names the file.
"""

import hashlib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from imi.reference import LANGUAGE_CODES
from imi.search.model import FACETS
from imi.search.text import words

DEFAULT_DIR = Path(__file__).resolve().parents[3] / "search_index"
FILES = ("authorities.yaml", "synonyms.yaml", "stop_words.yaml", "places.yaml")
FILTERS = ("country", "level", "legal_area", "procedure", "status")
MATCHING_STRATEGIES = ("all", "last")


class DefinitionError(ValueError):
    """The index definition is malformed; the message names the file."""


@dataclass(frozen=True, slots=True)
class Language:
    code: str
    locale: str | None
    """Meilisearch locale (ISO 639-3), None where Meilisearch detects the language itself."""
    stemmer: str | None
    """Name of the embedded engine's stemmer, None where there is none."""


@dataclass(frozen=True, slots=True)
class Typos:
    enabled: bool
    one_typo: int
    two_typos: int
    disable_on_numbers: bool
    disable_on_words: frozenset[str]
    """Folded words never corrected (acronyms)."""
    disable_on_attributes: tuple[str, ...]

    def allowed(self, word: str) -> int:
        """How many typos a folded query word may carry."""
        if not self.enabled or word in self.disable_on_words:
            return 0
        if self.disable_on_numbers and any(char.isdigit() for char in word):
            return 0
        return 2 if len(word) >= self.two_typos else 1 if len(word) >= self.one_typo else 0


@dataclass(frozen=True, slots=True)
class Highlight:
    pre_tag: str
    post_tag: str
    crop_length: int
    crop_marker: str
    fields: Mapping[str, str]
    """Hit field -> indexed attribute, `<ll>` standing for a language code."""
    crop: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class IndexDefinition:
    uid: str
    primary_key: str
    settings: Mapping[str, Any]
    """Meilisearch settings as written in authorities.yaml (without the generated parts)."""
    matching_strategy: str
    max_query_words: int
    facets: Mapping[str, str]
    filters: Mapping[str, str]
    highlight: Highlight
    languages: Mapping[str, Language]
    typos: Typos
    synonym_groups: tuple[tuple[str, ...], ...]
    expansions: Mapping[str, tuple[str, ...]]
    stop_words: Mapping[str, tuple[str, ...]]
    """Language -> stop words as written."""
    places: Mapping[str, tuple[tuple[str, ...], ...]]
    """Country -> places, each a tuple of its forms."""
    fingerprint: str
    """Digest of the definition files: an index built from another definition must be rebuilt."""

    @property
    def searchable_attributes(self) -> tuple[str, ...]:
        return tuple(self.settings["searchableAttributes"])

    @property
    def folded_stop_words(self) -> frozenset[str]:
        return frozenset(w for values in self.stop_words.values() for value in values for w in words(value))

    def synonyms(self) -> dict[str, tuple[str, ...]]:
        """Word -> the words and phrases it also finds, as written (Meilisearch's `synonyms` setting)."""
        result: dict[str, list[str]] = {}
        for group in self.synonym_groups:
            inherited = [phrase for member in group for phrase in self.expansions.get(member, ())]
            for member in group:
                others = [other for other in group if other != member]
                result.setdefault(member, []).extend([*others, *inherited])
        for word, phrases in self.expansions.items():
            result.setdefault(word, []).extend(phrases)
        return {
            word.lower(): tuple(dict.fromkeys(v.lower() for v in values)) for word, values in result.items()
        }

    def folded_synonyms(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """Folded word -> alternatives, each a sequence of folded words (a phrase when longer than one)."""
        return {
            " ".join(words(word)): tuple(tuple(words(value)) for value in values)
            for word, values in self.synonyms().items()
        }

    def place_forms(self, country: str, name: str) -> tuple[str, ...]:
        """Every form of a place of this country, given any of its forms; the name alone if not listed."""
        return _place_index(self).get((country, " ".join(words(name))), (name,))


_PLACE_INDEXES: dict[str, dict[tuple[str, str], tuple[str, ...]]] = {}


def _place_index(definition: IndexDefinition) -> dict[tuple[str, str], tuple[str, ...]]:
    found = _PLACE_INDEXES.get(definition.fingerprint)
    if found is None:
        found = {
            (code, " ".join(words(form))): forms
            for code, places in definition.places.items()
            for forms in places
            for form in forms
        }
        _PLACE_INDEXES[definition.fingerprint] = found
    return found


def _read(directory: Path, name: str) -> Any:
    path = directory / name
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise DefinitionError(f"{name}: {error}") from error


def _require(condition: bool, name: str, message: str) -> None:
    if not condition:
        raise DefinitionError(f"{name}: {message}")


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) and item.strip() for item in value)


def _languages(raw: Any) -> Mapping[str, Language]:
    name = "authorities.yaml"
    _require(
        isinstance(raw, dict) and list(raw) == list(LANGUAGE_CODES),
        name,
        "languages must list the 26 served languages in the order of the language table",
    )
    return MappingProxyType(
        {code: Language(code, value.get("locale"), value.get("stemmer")) for code, value in raw.items()}
    )


def _search(
    raw: Any, settings: Mapping[str, Any]
) -> tuple[str, int, dict[str, str], dict[str, str], Highlight]:
    name = "authorities.yaml"
    _require(isinstance(raw, dict), name, "search must be a mapping")
    strategy = raw.get("matchingStrategy")
    _require(strategy in MATCHING_STRATEGIES, name, f"matchingStrategy must be one of {MATCHING_STRATEGIES}")
    filterable = set(settings.get("filterableAttributes", ()))
    facets, filters = dict(raw.get("facets", {})), dict(raw.get("filters", {}))
    _require(set(facets) == set(FACETS), name, f"search.facets must map exactly {FACETS}")
    _require(set(filters) == set(FILTERS), name, f"search.filters must map exactly {FILTERS}")
    unknown = sorted((set(facets.values()) | set(filters.values())) - filterable)
    _require(not unknown, name, f"facets and filters on attributes that are not filterable: {unknown}")
    light = raw.get("highlight", {})
    highlight = Highlight(
        pre_tag=light["preTag"],
        post_tag=light["postTag"],
        crop_length=int(light["cropLength"]),
        crop_marker=light["cropMarker"],
        fields=MappingProxyType(dict(light["fields"])),
        crop=tuple(light.get("crop", ())),
    )
    _require(set(highlight.crop) <= set(highlight.fields), name, "highlight.crop names unknown fields")
    return strategy, int(raw.get("maxQueryWords", 10)), facets, filters, highlight


def _typos(settings: Mapping[str, Any], acronyms: frozenset[str]) -> Typos:
    raw = settings.get("typoTolerance", {})
    sizes = raw.get("minWordSizeForTypos", {})
    one, two = int(sizes.get("oneTypo", 5)), int(sizes.get("twoTypos", 9))
    _require(
        0 <= one <= two <= 255,
        "authorities.yaml",
        "minWordSizeForTypos needs 0 <= oneTypo <= twoTypos <= 255",
    )
    listed = frozenset(w for word in raw.get("disableOnWords", ()) for w in words(word))
    return Typos(
        enabled=bool(raw.get("enabled", True)),
        one_typo=one,
        two_typos=two,
        disable_on_numbers=bool(raw.get("disableOnNumbers", False)),
        disable_on_words=listed | acronyms,
        disable_on_attributes=tuple(raw.get("disableOnAttributes", ())),
    )


def _synonyms(raw: Any) -> tuple[tuple[tuple[str, ...], ...], dict[str, tuple[str, ...]]]:
    name = "synonyms.yaml"
    _require(
        isinstance(raw, dict) and set(raw) <= {"groups", "expansions"}, name, "expected groups and expansions"
    )
    groups = raw.get("groups") or []
    _require(all(_strings(group) and len(group) > 1 for group in groups), name, "each group lists 2+ words")
    for group in groups:
        _require(
            all(len(words(word)) == 1 for word in group), name, f"group members are single words: {group}"
        )
    expansions = raw.get("expansions") or {}
    _require(all(_strings(v) for v in expansions.values()), name, "each expansion lists phrases")
    seen: set[str] = set()
    for member in (m for group in groups for m in group):
        key = " ".join(words(member))
        _require(key not in seen, name, f"{member} is in two groups")
        seen.add(key)
    return tuple(tuple(group) for group in groups), {key: tuple(value) for key, value in expansions.items()}


def _stop_words(raw: Any) -> dict[str, tuple[str, ...]]:
    name = "stop_words.yaml"
    _require(isinstance(raw, dict) and set(raw) <= set(LANGUAGE_CODES), name, "keys must be served languages")
    _require(all(_strings(value) for value in raw.values()), name, "each language lists words")
    return {code: tuple(value) for code, value in raw.items()}


def _places(raw: Any) -> dict[str, tuple[tuple[str, ...], ...]]:
    name = "places.yaml"
    _require(isinstance(raw, dict), name, "expected a mapping of countries")
    _require(
        all(isinstance(key, str) for key in raw),
        name,
        "country keys are strings (quote NO: YAML reads false)",
    )
    unknown = sorted(key for key in raw if not re.fullmatch("[A-Z]{2}", key))
    _require(not unknown, name, f"country keys are EU country codes: {unknown}")
    result: dict[str, tuple[tuple[str, ...], ...]] = {}
    for code, places in raw.items():
        _require(
            isinstance(places, list) and all(_strings(p) for p in places), name, f"{code}: lists of names"
        )
        seen: set[str] = set()
        for forms in places:
            for form in forms:
                key = " ".join(words(form))
                _require(key not in seen, name, f"{code}: {form} is listed twice")
                seen.add(key)
        result[code] = tuple(tuple(forms) for forms in places)
    return result


def load_definition(directory: Path | None = None) -> IndexDefinition:
    """Read and check the definition files of a directory (default: the repository's `search_index/`)."""
    directory = directory or Path(os.environ.get("IMI_SEARCH_INDEX_DEFINITION", DEFAULT_DIR))
    main = _read(directory, "authorities.yaml")
    _require(
        isinstance(main, dict) and {"index", "primaryKey", "settings", "search", "languages"} <= set(main),
        "authorities.yaml",
        "expected index, primaryKey, settings, search and languages",
    )
    settings = main["settings"]
    _require(
        isinstance(settings, dict) and _strings(settings.get("searchableAttributes")),
        "authorities.yaml",
        "settings.searchableAttributes must list attributes",
    )
    groups, expansions = _synonyms(_read(directory, "synonyms.yaml"))
    acronyms = frozenset(
        w for word in [*(m for group in groups for m in group), *expansions] for w in words(word)
    )
    strategy, max_words, facets, filters, highlight = _search(main["search"], settings)
    digest = hashlib.sha256()
    for name in FILES:
        digest.update((directory / name).read_bytes())
    return IndexDefinition(
        uid=str(main["index"]),
        primary_key=str(main["primaryKey"]),
        settings=MappingProxyType(settings),
        matching_strategy=strategy,
        max_query_words=max_words,
        facets=MappingProxyType(facets),
        filters=MappingProxyType(filters),
        highlight=highlight,
        languages=_languages(main["languages"]),
        typos=_typos(settings, acronyms),
        synonym_groups=groups,
        expansions=MappingProxyType(expansions),
        stop_words=MappingProxyType(_stop_words(_read(directory, "stop_words.yaml"))),
        places=MappingProxyType(_places(_read(directory, "places.yaml"))),
        fingerprint=digest.hexdigest(),
    )


@cache
def definition() -> IndexDefinition:
    """The definition of the default directory, read once."""
    return load_definition()
