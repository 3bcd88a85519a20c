"""Changed authorities await the search indexer: `Authority.search_pending` is set in the transaction of each
change, and `committed()` wakes this process's indexer once that transaction has committed.

Kept free of imports so that every service may call it.
"""

from collections.abc import Callable

_listeners: list[Callable[[], None]] = []


def committed() -> None:
    """Tell this process's search indexer that authorities may await indexing."""
    for listener in list(_listeners):
        listener()


def listen(callback: Callable[[], None]) -> Callable[[], None]:
    """Register `callback`; returns the function that unregisters it."""
    _listeners.append(callback)
    return lambda: _listeners.remove(callback)
