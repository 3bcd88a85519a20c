"""Placeholders in catalogue texts (`{profession}`) and the values a requester gives for them."""

import re
from collections.abc import Mapping

from imi.catalogue.model import Item

PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")
MAX_VALUE_LENGTH = 300


class ParameterError(ValueError):
    """The values given for a chosen question's placeholders do not fit it."""

    def __init__(self, item_id: str, reason: str) -> None:
        super().__init__(f"{item_id}: {reason}")
        self.item_id = item_id
        self.reason = reason


def placeholders(text: str) -> set[str]:
    """The placeholder names a text uses."""
    return set(PLACEHOLDER.findall(text))


def has_stray_braces(text: str) -> bool:
    """True if a brace is left once the well-formed placeholders are taken out."""
    rest = PLACEHOLDER.sub("", text)
    return "{" in rest or "}" in rest


def render(template: str, values: Mapping[str, str]) -> str:
    """Replace each `{name}` with its value; a name without a value stays as it is."""
    return PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), template)


def validate_parameters(item: Item, values: Mapping[str, object]) -> dict[str, str]:
    """Every placeholder of the item given as a non-empty string, and no other; the values stripped."""
    unknown = sorted(set(values) - set(item.parameters))
    if unknown:
        raise ParameterError(item.id, f"unknown parameters: {', '.join(unknown)}")
    missing = [name for name in item.parameters if name not in values]
    if missing:
        raise ParameterError(item.id, f"missing parameters: {', '.join(missing)}")
    result: dict[str, str] = {}
    for name in item.parameters:
        value = values[name]
        if not isinstance(value, str) or not value.strip():
            raise ParameterError(item.id, f"parameter {name} must be a non-empty string")
        if len(value) > MAX_VALUE_LENGTH:
            raise ParameterError(item.id, f"parameter {name} is longer than {MAX_VALUE_LENGTH} characters")
        result[name] = value.strip()
    return result
