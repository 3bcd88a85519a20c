"""The Meilisearch index settings object, as its documentation describes it (reference/api/settings: the settings
object, typo tolerance, localized attributes, ranking rules, faceting, pagination), as a small validator.

Locales: the ISO 639-3 codes the localized-attributes page lists, and their ISO 639-1 equivalents, which the
same page accepts.
"""

import re
from collections.abc import Callable
from typing import Any

LOCALES_639_3 = (
    "epo", "eng", "rus", "cmn", "spa", "por", "ita", "ben", "fra", "deu", "ukr", "kat", "ara", "hin", "jpn",
    "heb", "yid", "pol", "amh", "jav", "kor", "nob", "dan", "swe", "fin", "tur", "nld", "hun", "ces", "ell",
    "bul", "bel", "mar", "kan", "ron", "slv", "hrv", "srp", "mkd", "lit", "lav", "est", "tam", "vie", "urd",
    "tha", "guj", "uzb", "pan", "aze", "ind", "tel", "pes", "mal", "ori", "mya", "nep", "sin", "khm", "tuk",
    "aka", "zul", "sna", "afr", "lat", "slk", "cat", "tgl", "hye",
)
LOCALES_639_1 = (
    "eo", "en", "ru", "zh", "es", "pt", "it", "bn", "fr", "de", "uk", "ka", "ar", "hi", "ja", "he", "yi",
    "pl", "am", "jv", "ko", "nb", "da", "sv", "fi", "tr", "nl", "hu", "cs", "el", "bg", "be", "mr", "kn",
    "ro", "sl", "hr", "sr", "mk", "lt", "lv", "et", "ta", "vi", "ur", "th", "gu", "uz", "pa", "az", "id",
    "te", "fa", "ml", "or", "my", "ne", "si", "km", "tk", "ak", "zu", "sn", "af", "la", "sk", "ca", "tl",
    "hy",
)
LOCALES = frozenset(LOCALES_639_3) | frozenset(LOCALES_639_1)
RANKING_RULES = ("words", "typo", "proximity", "attribute", "sort", "exactness")
CUSTOM_RULE = re.compile(r"^[A-Za-z0-9_.-]+:(asc|desc)$")

Check = Callable[[Any, str], list[str]]


def _type(kind: type | tuple[type, ...], name: str) -> Check:
    def check(value: Any, path: str) -> list[str]:
        ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
        return [] if ok else [f"{path}: expected {name}, got {type(value).__name__}"]

    return check


def strings(value: Any, path: str) -> list[str]:
    if not isinstance(value, list):
        return [f"{path}: expected an array of strings"]
    return [f"{path}[{i}]: expected a string" for i, item in enumerate(value) if not isinstance(item, str)]


def nullable(check: Check) -> Check:
    return lambda value, path: [] if value is None else check(value, path)


def one_of(*allowed: str) -> Check:
    return lambda value, path: [] if value in allowed else [f"{path}: {value!r} is not one of {allowed}"]


def obj(fields: dict[str, Check]) -> Check:
    """An object with only these (optional) fields."""

    def check(value: Any, path: str) -> list[str]:
        if not isinstance(value, dict):
            return [f"{path}: expected an object"]
        problems = [f"{path}.{key}: unknown field" for key in value if key not in fields]
        for key, item in value.items():
            if key in fields:
                problems += fields[key](item, f"{path}.{key}")
        return problems

    return check


def array(item: Check) -> Check:
    def check(value: Any, path: str) -> list[str]:
        if not isinstance(value, list):
            return [f"{path}: expected an array"]
        return [problem for i, element in enumerate(value) for problem in item(element, f"{path}[{i}]")]

    return check


def ranking_rule(value: Any, path: str) -> list[str]:
    if value in RANKING_RULES or (isinstance(value, str) and CUSTOM_RULE.match(value)):
        return []
    return [f"{path}: {value!r} is neither a built-in ranking rule nor attribute:asc|desc"]


def synonyms(value: Any, path: str) -> list[str]:
    if not isinstance(value, dict):
        return [f"{path}: expected an object of word -> array of words"]
    return [problem for key, words in value.items() for problem in strings(words, f"{path}.{key}")]


def typo_sizes(value: Any, path: str) -> list[str]:
    problems = obj({"oneTypo": _type(int, "an integer"), "twoTypos": _type(int, "an integer")})(value, path)
    one, two = value.get("oneTypo", 5), value.get("twoTypos", 9)
    if not problems and not 0 <= one <= two <= 255:
        problems.append(f"{path}: needs 0 <= oneTypo <= twoTypos <= 255")
    return problems


def locales(value: Any, path: str) -> list[str]:
    problems = strings(value, path)
    return problems or [f"{path}: unsupported locale {code!r}" for code in value if code not in LOCALES]


def filterable(value: Any, path: str) -> list[str]:
    granular = obj({
        "attributePatterns": strings,
        "features": obj({
            "facetSearch": _type(bool, "a boolean"),
            "filter": obj({"equality": _type(bool, "a boolean"), "comparison": _type(bool, "a boolean")}),
        }),
    })
    return [] if isinstance(value, str) else granular(value, path)


def facet_order(value: Any, path: str) -> list[str]:
    if not isinstance(value, dict):
        return [f"{path}: expected an object of attribute -> alpha|count"]
    return [problem for key, order in value.items() for problem in one_of("alpha", "count")(order, f"{path}.{key}")]


SETTINGS = obj({
    "displayedAttributes": nullable(strings),
    "searchableAttributes": nullable(strings),
    "filterableAttributes": nullable(array(filterable)),
    "sortableAttributes": nullable(strings),
    "rankingRules": nullable(array(ranking_rule)),
    "stopWords": nullable(strings),
    "nonSeparatorTokens": nullable(strings),
    "separatorTokens": nullable(strings),
    "dictionary": nullable(strings),
    "synonyms": nullable(synonyms),
    "distinctAttribute": nullable(_type(str, "a string")),
    "proximityPrecision": nullable(one_of("byWord", "byAttribute")),
    "typoTolerance": nullable(obj({
        "enabled": _type(bool, "a boolean"),
        "minWordSizeForTypos": typo_sizes,
        "disableOnWords": strings,
        "disableOnAttributes": strings,
        "disableOnNumbers": _type(bool, "a boolean"),
    })),
    "faceting": nullable(obj({"maxValuesPerFacet": _type(int, "an integer"), "sortFacetValuesBy": facet_order})),
    "pagination": nullable(obj({"maxTotalHits": _type(int, "an integer")})),
    "searchCutoffMs": nullable(_type(int, "an integer")),
    "localizedAttributes": nullable(array(obj({"attributePatterns": strings, "locales": locales}))),
    "facetSearch": nullable(_type(bool, "a boolean")),
    "prefixSearch": nullable(one_of("indexingTime", "disabled")),
    "embedders": nullable(_type(dict, "an object")),
})


def validate(settings: Any) -> list[str]:
    """The problems of a settings object (empty when Meilisearch's documentation accepts it)."""
    return SETTINGS(settings, "settings")
