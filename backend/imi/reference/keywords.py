"""Competence keywords: professions, activities and subjects of cooperation, labelled in every language.

Each legal area with keywords has a file `data/keywords/<LEGAL_AREA_CODE>.yaml`. An authority lists keyword
identifiers; a search in any language matches the labels in every language.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from imi.reference.languages import LANGUAGE_CODES
from imi.reference.legal_areas import legal_areas
from imi.reference.loader import DataFileError, data_file, read_yaml

KEYWORDS_DIR = data_file("keywords")


class KeywordKind(StrEnum):
    PROFESSION = "PROFESSION"
    ACTIVITY = "ACTIVITY"
    SUBJECT = "SUBJECT"


_ID_PATTERN = re.compile(r"^(profession|activity|subject)(\.[a-z0-9]+(_[a-z0-9]+)*)+$")


@dataclass(frozen=True, slots=True)
class Keyword:
    id: str
    legal_area: str
    kind: KeywordKind
    labels: Mapping[str, tuple[str, ...]] = field(hash=False)
    """Language code -> labels, the preferred label first."""

    def label(self, language: str) -> str:
        """The preferred label in this language; `KeyError` if the language is not served."""
        return self.labels[language][0]

    def all_labels(self) -> tuple[str, ...]:
        """Every label in every language, without repeats, in language order."""
        return tuple(dict.fromkeys(label for labels in self.labels.values() for label in labels))


def _labels(path: Path, keyword_id: str, raw: Any) -> Mapping[str, tuple[str, ...]]:
    if not isinstance(raw, dict):
        raise DataFileError(path, f"{keyword_id}: labels must map each language to a list of labels")
    unknown = sorted(set(raw) - set(LANGUAGE_CODES), key=str)
    if unknown:
        raise DataFileError(path, f"{keyword_id}: labels in unserved languages {unknown}")
    missing = [code for code in LANGUAGE_CODES if code not in raw]
    if missing:
        raise DataFileError(path, f"{keyword_id}: no labels in {missing}")
    result: dict[str, tuple[str, ...]] = {}
    for code in LANGUAGE_CODES:
        values = raw[code]
        if not isinstance(values, list) or not values:
            raise DataFileError(path, f"{keyword_id}: {code} labels must be a non-empty list")
        if not all(isinstance(value, str) and value.strip() == value and value for value in values):
            raise DataFileError(path, f"{keyword_id}: {code} has an empty, untrimmed or non-text label")
        folded = [value.casefold() for value in values]
        if len(set(folded)) != len(folded):
            raise DataFileError(path, f"{keyword_id}: {code} repeats a label")
        result[code] = tuple(values)
    return MappingProxyType(result)


def _keyword(path: Path, area: str, raw: Any) -> Keyword:
    if not isinstance(raw, dict) or set(raw) != {"id", "kind", "labels"}:
        raise DataFileError(path, f"each keyword needs exactly id, kind and labels: {raw!r:.80}")
    keyword_id = raw["id"]
    if not isinstance(keyword_id, str) or not _ID_PATTERN.match(keyword_id):
        raise DataFileError(path, f"malformed keyword id {keyword_id!r}")
    try:
        kind = KeywordKind(raw["kind"])
    except ValueError:
        raise DataFileError(path, f"{keyword_id}: unknown kind {raw['kind']!r}") from None
    if keyword_id.split(".")[0] != kind.lower():
        raise DataFileError(path, f"{keyword_id}: the id of a {kind} keyword starts with {kind.lower()}.")
    return Keyword(keyword_id, area, kind, _labels(path, keyword_id, raw["labels"]))


def _read_file(path: Path, area_codes: set[str]) -> list[Keyword]:
    document = read_yaml(path)
    if not isinstance(document, dict) or set(document) != {"legal_area", "keywords"}:
        raise DataFileError(path, "expected a mapping with legal_area and keywords")
    area = document["legal_area"]
    if area not in area_codes:
        raise DataFileError(path, f"unknown legal area {area!r}")
    if path.stem != area:
        raise DataFileError(path, f"the file of legal area {area} must be named {area}.yaml")
    if not isinstance(document["keywords"], list) or not document["keywords"]:
        raise DataFileError(path, "keywords must be a non-empty list")
    return [_keyword(path, area, raw) for raw in document["keywords"]]


def load_keywords(directory: Path) -> tuple[Keyword, ...]:
    """Read and validate every keyword file in a directory; `DataFileError` names the faulty file."""
    area_codes = {area.code for area in legal_areas()}
    seen: dict[str, Path] = {}
    result: list[Keyword] = []
    for path in sorted(directory.glob("*.yaml")):
        for item in _read_file(path, area_codes):
            if item.id in seen:
                raise DataFileError(path, f"keyword id {item.id} is already defined in {seen[item.id].name}")
            seen[item.id] = path
            result.append(item)
    return tuple(result)


@cache
def keywords() -> tuple[Keyword, ...]:
    """Every competence keyword, file by file in legal-area code order, each file in its own order."""
    return load_keywords(KEYWORDS_DIR)


@cache
def _by_id() -> dict[str, Keyword]:
    return {item.id: item for item in keywords()}


def keyword(id: str) -> Keyword:
    """The keyword with this identifier; `KeyError` if unknown."""
    return _by_id()[id]


@cache
def keywords_for_area(code: str) -> tuple[Keyword, ...]:
    """The keywords of one legal area, in file order (empty if the area has none)."""
    return tuple(item for item in keywords() if item.legal_area == code)
