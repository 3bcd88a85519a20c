"""Wake-up calls inside one process: a service that has committed a change tells the background task that
follows such changes (the event dispatcher, the search indexer) to look now rather than at its next poll.

Kept free of imports so that every domain may use it.
"""

from collections.abc import Callable


class WakeUp:
    """The listeners of one kind of committed change."""

    def __init__(self) -> None:
        self._listeners: list[Callable[[], None]] = []

    def committed(self) -> None:
        """Call every listener (after the transaction with the change has committed)."""
        for listener in list(self._listeners):
            listener()

    def listen(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Register `callback`; returns the function that unregisters it."""
        self._listeners.append(callback)
        return lambda: self._listeners.remove(callback)
