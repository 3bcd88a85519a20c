"""Cursor connections built from keyset pages."""

from collections.abc import Callable
from typing import Any, TypeVar

from strawberry import relay

from imi.pagination import Page

N = TypeVar("N", bound=relay.Node)


def to_connection(page: Page[Any], convert: Callable[[Any], N]) -> relay.Connection[N]:
    pairs = zip(page.items, page.cursors, strict=True)
    edges = [relay.Edge(cursor=cursor, node=convert(item)) for item, cursor in pairs]
    info = relay.PageInfo(
        has_next_page=page.has_next,
        has_previous_page=False,
        start_cursor=page.cursors[0] if page.cursors else None,
        end_cursor=page.cursors[-1] if page.cursors else None,
    )
    return relay.Connection(edges=edges, page_info=info)
