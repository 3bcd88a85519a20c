"""What follows every change of an exchange, in the change's transaction: its state clock, and the shared
registers its procedure feeds. The exchanges service calls these; they never call it back."""

from datetime import datetime

from imi.exchanges.models import Exchange
from imi.procedures import tracking
from imi.repositories import feeding


async def created(exchange: Exchange, now: datetime) -> None:
    await tracking.refresh(exchange, now, entered=True)
    await _feed(exchange, None, now)


async def changed(exchange_id: int, from_state: str, now: datetime) -> None:
    exchange = await Exchange.get(id=exchange_id)
    await tracking.refresh(exchange, now, entered=exchange.state != from_state)
    await _feed(exchange, from_state, now)


async def _feed(exchange: Exchange, from_state: str | None, now: datetime) -> None:
    await feeding.after_change(exchange, from_state, now)
