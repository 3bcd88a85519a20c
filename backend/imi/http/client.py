"""Who a request comes from, as the limits see it: the peer's address and a digest of its credential."""

import hashlib

from starlette.datastructures import Headers
from starlette.types import Scope

from imi.accounts.authentication import SESSION_COOKIE


def address(scope: Scope) -> str:
    """The address of the peer that sent the request ("unknown" without one)."""
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


def credential(scope: Scope) -> str | None:
    """A digest of the bearer token or session cookie the request carries (not checked here), or None."""
    headers = Headers(scope=scope)
    secret = None
    authorization = headers.get("authorization", "")
    if authorization.lower().startswith("bearer "):
        secret = authorization[7:].strip()
    else:
        for part in headers.get("cookie", "").split(";"):
            name, _, value = part.strip().partition("=")
            if name == SESSION_COOKIE and value:
                secret = value
    return hashlib.sha256(secret.encode()).hexdigest()[:32] if secret else None
