"""A wake-up call for the outbox dispatcher of this process, after a transaction that wrote events commits."""

from imi.wakeup import WakeUp

_events = WakeUp()
committed = _events.committed
listen = _events.listen
