"""Events: the outbox that orders committed events, the bus that carries them, and the subscriptions."""
