"""Finding a data subject in exchanges (pure): the words of a name or identifier, matched case- and
accent-insensitively against the words of an exchange's personal data and form answers."""

from collections.abc import Mapping
from typing import Any

from imi.errors import ValidationFailed
from imi.search.text import words

MAX_SUBJECT = 300


def subject_words(subject: str) -> frozenset[str]:
    """The folded words a subject is found by. A single word is too broad unless it is an identifier (with a
    digit, at least 4 characters): an export must not sweep in other people."""
    found = frozenset(words(subject[:MAX_SUBJECT]))
    if len(found) >= 2 or any(len(w) >= 4 and any(c.isdigit() for c in w) for w in found):
        return found
    raise ValidationFailed.single("subject", "give at least a name and a surname, or an identifier")


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []


def matching_fields(wanted: frozenset[str], values: Mapping[str, Any]) -> list[str]:
    """The fields holding the subject's words, when all of them appear among the values together (a name may
    be split over first names and surname); else none."""
    holding: dict[str, set[str]] = {}
    for name, value in values.items():
        found = {word for text in _texts(value) for word in words(text)}
        if found & wanted:
            holding[name] = found
    together = set().union(*holding.values()) if holding else set()
    return sorted(holding) if wanted <= together else []
