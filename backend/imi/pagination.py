"""Keyset pagination: stable cursors over growing lists, without OFFSET."""

import base64
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from tortoise import fields
from tortoise.expressions import Q
from tortoise.models import Model
from tortoise.queryset import QuerySet

from imi.errors import ValidationFailed

M = TypeVar("M", bound=Model)


@dataclass(frozen=True)
class Ordering:
    """Order by a non-null `field`, then by id in the same direction."""

    field: str
    descending: bool = True


@dataclass(frozen=True)
class Page(Generic[M]):
    items: list[M]
    cursors: list[str]
    has_next: bool


def _encode_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


def encode_cursor(row: Model, ordering: Ordering) -> str:
    raw = json.dumps([_encode_value(getattr(row, ordering.field)), row.pk], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[Any, int]:
    try:
        value, pk = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(pk, int) or isinstance(value, dict | list):
            raise TypeError
        return value, pk
    except (ValueError, TypeError):
        raise ValidationFailed.single("after", "is not a cursor of this list") from None


def _decode_value(model: type[Model], field_name: str, value: Any) -> Any:
    field = model._meta.fields_map[field_name]
    try:
        if isinstance(field, fields.DatetimeField):
            return datetime.fromisoformat(value)
        if isinstance(field, fields.DateField):
            return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValidationFailed.single("after", "is not a cursor of this list") from None
    return value


def _after(ordering: Ordering, value: Any, pk: int) -> Q:
    op = "lt" if ordering.descending else "gt"
    return Q(**{f"{ordering.field}__{op}": value}) | Q(**{ordering.field: value, f"id__{op}": pk})


def _ordered(query: QuerySet[M], ordering: Ordering, first: int, after: str | None) -> QuerySet[M]:
    if after:
        raw, pk = decode_cursor(after)
        value = _decode_value(query.model, ordering.field, raw)
        query = query.filter(_after(ordering, value, pk))
    sign = "-" if ordering.descending else ""
    return query.order_by(f"{sign}{ordering.field}", f"{sign}id").limit(first + 1)


def _paged(rows: list[M], ordering: Ordering, first: int) -> Page[M]:
    items = rows[:first]
    return Page(items, [encode_cursor(row, ordering) for row in items], len(rows) > first)


async def page(query: QuerySet[M], ordering: Ordering, first: int, after: str | None) -> Page[M]:
    """One page of `first` rows after the cursor `after`."""
    return _paged(list(await _ordered(query, ordering, first, after)), ordering, first)


async def page_of_union(queries: list[QuerySet[M]], ordering: Ordering, first: int, after: str | None) -> Page[M]:
    """One page of the union of several queries (a row in several counts once): each query reads at most one
    page from its own index, and the pages are merged in order."""
    found: dict[Any, M] = {}
    for query in queries:
        for row in await _ordered(query, ordering, first, after):
            found[row.pk] = row
    rows = sorted(found.values(), key=lambda row: (getattr(row, ordering.field), row.pk),
                  reverse=ordering.descending)
    return _paged(rows[: first + 1], ordering, first)
