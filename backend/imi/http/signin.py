"""Sign-in throttling per address, beside the lockout of each account: once an address has failed too often,
every sign-in from it is refused (with Retry-After) until its allowance comes back."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from imi.accounts.service import SignInFailed
from imi.http import client
from imi.http.ratelimit import Limiter, Rule
from imi.settings import Settings

WINDOW_SECONDS = 900.0
REFUSED = "wrong e-mail or password, or too many attempts: try later"


@dataclass(frozen=True)
class SignInThrottle:
    limiter: Limiter
    rule: Rule

    @classmethod
    def of(cls, settings: Settings, limiter: Limiter) -> "SignInThrottle":
        """`IMI_SIGN_IN_FAILURES_ADDRESS` failed sign-ins per address in 15 minutes."""
        return cls(limiter, Rule("sign-in", settings.sign_in_failures_address, WINDOW_SECONDS))


@asynccontextmanager
async def sign_in_throttle(context: Any) -> AsyncIterator[None]:
    """Around one sign-in attempt (`context`: the GraphQL context): refuse it if its address is throttled;
    count it against the address if it fails."""
    request = context.request
    throttle: SignInThrottle | None = getattr(request.app.state, "sign_in_throttle", None)
    if throttle is None:
        yield
        return
    address = client.address(request.scope)
    decision = await throttle.limiter.check(address, throttle.rule)
    if not decision.allowed:
        context.response.headers["Retry-After"] = decision.retry_after_header
        raise SignInFailed.single("password", REFUSED)
    try:
        yield
    except SignInFailed:
        await throttle.limiter.hit(address, throttle.rule)
        raise
