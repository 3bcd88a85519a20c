"""A wake-up call for the outbox dispatcher of this process, after a transaction that wrote events commits.

Kept free of imports so that every domain may call it.
"""

from collections.abc import Callable

_listeners: list[Callable[[], None]] = []


def committed() -> None:
    """Tell this process's dispatcher that new events may await their position."""
    for listener in list(_listeners):
        listener()


def listen(callback: Callable[[], None]) -> Callable[[], None]:
    """Register `callback`; returns the function that unregisters it."""
    _listeners.append(callback)
    return lambda: _listeners.remove(callback)
