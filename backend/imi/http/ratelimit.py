"""Rate limits (GCRA: at most `limit` requests per `period`, a burst of up to `limit` allowed), kept in the process
or, with Redis, shared by every worker; when Redis does not answer the process's own counts take over."""

import asyncio
import logging
import math
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Protocol

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Rule:
    """`limit` requests per `period` seconds; a limit of 0 or less switches the rule off."""

    name: str
    limit: int
    period: float

    @property
    def active(self) -> bool:
        return self.limit > 0

    @property
    def interval(self) -> float:
        return self.period / self.limit


@dataclass(frozen=True)
class Decision:
    allowed: bool
    retry_after: float = 0.0

    @property
    def retry_after_header(self) -> str:
        """Whole seconds, at least 1 (the Retry-After header)."""
        return str(max(1, math.ceil(self.retry_after)))


ALLOWED = Decision(True)


def gcra(tat: float | None, now: float, rule: Rule, consume: bool) -> tuple[Decision, float | None]:
    """One step of the generic cell rate algorithm: the decision and the new theoretical arrival time (None: keep
    the stored one)."""
    start = max(tat or now, now)
    new_tat = start + rule.interval
    allow_at = new_tat - rule.period
    if now < allow_at:
        return Decision(False, allow_at - now), None
    return ALLOWED, (new_tat if consume else None)


class Limiter(Protocol):
    async def hit(self, key: str, rule: Rule) -> Decision:
        """Count one request under `key`, unless it is refused."""

    async def check(self, key: str, rule: Rule) -> Decision:
        """Would one more request be allowed? (Counts nothing.)"""

    async def close(self) -> None: ...


class MemoryLimiter:
    """The counts of this process (the default; with several workers each counts its own requests)."""

    def __init__(self, max_keys: int = 100_000, clock: Any = time.monotonic) -> None:
        self.max_keys = max_keys
        self.clock = clock
        self._tat: OrderedDict[str, float] = OrderedDict()

    async def hit(self, key: str, rule: Rule) -> Decision:
        return self._step(key, rule, consume=True)

    async def check(self, key: str, rule: Rule) -> Decision:
        return self._step(key, rule, consume=False)

    def _step(self, key: str, rule: Rule, consume: bool) -> Decision:
        if not rule.active:
            return ALLOWED
        full_key = f"{rule.name}:{key}"
        now = self.clock()
        decision, new_tat = gcra(self._tat.get(full_key), now, rule, consume)
        if new_tat is not None:
            self._tat[full_key] = new_tat
            self._tat.move_to_end(full_key)
            self._forget(now)
        return decision

    def _forget(self, now: float) -> None:
        """Drop keys that are back to a full allowance, oldest first, and the oldest beyond `max_keys`."""
        while self._tat:
            key, tat = next(iter(self._tat.items()))
            if tat > now and len(self._tat) <= self.max_keys:
                break
            del self._tat[key]

    async def close(self) -> None:
        self._tat.clear()


# KEYS[1]: the key; ARGV: interval, period (seconds), consume (1/0). Redis's own clock, so workers agree.
_SCRIPT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local interval = tonumber(ARGV[1])
local period = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local new_tat = tat + interval
local allow_at = new_tat - period
if now < allow_at then return {0, tostring(allow_at - now)} end
if ARGV[3] == '1' then
  redis.call('SET', KEYS[1], tostring(new_tat), 'PX', math.ceil((new_tat - now) * 1000) + 1)
end
return {1, '0'}
"""


class RedisLimiter:
    """Counts shared by every worker through Redis. When Redis fails, this process's own counts decide for
    `pause` seconds before Redis is tried again (requests never wait on a Redis that is down)."""

    def __init__(self, url: str, *, timeout: float = 0.5, pause: float = 5.0) -> None:
        import redis.asyncio as redis

        from imi.events.bus import redis_target

        target, channel = redis_target(url)
        self.prefix = f"{channel}:limits:"
        self.client = redis.from_url(target, socket_connect_timeout=timeout, socket_timeout=timeout)
        self.script = self.client.register_script(_SCRIPT)
        self.fallback = MemoryLimiter()
        self.pause = pause
        self._down_until = 0.0

    @property
    def shared(self) -> bool:
        """True while Redis answers (the limits are those of the whole installation)."""
        return time.monotonic() >= self._down_until

    async def hit(self, key: str, rule: Rule) -> Decision:
        return await self._step(key, rule, consume=True)

    async def check(self, key: str, rule: Rule) -> Decision:
        return await self._step(key, rule, consume=False)

    async def _step(self, key: str, rule: Rule, consume: bool) -> Decision:
        if not rule.active:
            return ALLOWED
        if self.shared:
            try:
                allowed, wait = await self.script(keys=[f"{self.prefix}{rule.name}:{key}"],
                                                  args=[rule.interval, rule.period, "1" if consume else "0"])
                return Decision(bool(int(allowed)), float(wait))
            except (asyncio.CancelledError, KeyboardInterrupt):
                raise
            except Exception as error:  # Redis down or unreachable: count in this process for a while
                if self.shared:
                    log.warning("rate limits: Redis does not answer (%s); this process counts alone for %.0f s",
                                error, self.pause)
                self._down_until = time.monotonic() + self.pause
        return await (self.fallback.hit(key, rule) if consume else self.fallback.check(key, rule))

    async def close(self) -> None:
        await self.client.aclose()


def limiter_for(redis_url: str | None) -> Limiter:
    """Redis-backed when a Redis URL is configured, else in-process."""
    return RedisLimiter(redis_url) if redis_url else MemoryLimiter()
