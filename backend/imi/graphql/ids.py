"""Relay global IDs: `base64("Type:id")`; a malformed or foreign ID is a validation error, never a crash."""

import strawberry
from strawberry import relay

from imi.errors import ValidationFailed


def decode(global_id: strawberry.ID | str, expected: str, field: str = "id") -> int:
    """The database id inside a global ID of type `expected`."""
    try:
        parsed = relay.GlobalID.from_id(str(global_id))
        value = int(parsed.node_id)
    except (ValueError, TypeError):  # GlobalIDValueError is a ValueError
        raise ValidationFailed.single(field, "is not a valid ID") from None
    if parsed.type_name != expected or value <= 0:
        raise ValidationFailed.single(field, f"is not the ID of a {expected}")
    return value


def encode(type_name: str, pk: int) -> strawberry.ID:
    return strawberry.ID(str(relay.GlobalID(type_name, str(pk))))
