"""Who sends an HTTP request: a session cookie (web app) or a bearer token (scripts and partner tools)."""

from dataclasses import dataclass
from datetime import datetime

from starlette.requests import HTTPConnection

from imi.accounts import service
from imi.accounts.principal import ANONYMOUS, Principal
from imi.accounts.secrets import same

SESSION_COOKIE = "imi_session"
CSRF_COOKIE = "imi_csrf"
CSRF_HEADER = "x-csrf-token"


@dataclass(frozen=True)
class Authenticated:
    principal: Principal
    csrf_token: str | None  # set for a session: cookie-authenticated writes must echo it

    def csrf_ok(self, connection: HTTPConnection) -> bool:
        """True unless this is a session whose request lacks the matching X-CSRF-Token header."""
        if self.csrf_token is None:
            return True
        return same(connection.headers.get(CSRF_HEADER, ""), self.csrf_token)


async def authenticate(connection: HTTPConnection, now: datetime) -> Authenticated:
    header = connection.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        principal = await service.principal_for_token(header[7:].strip(), now)
        return Authenticated(principal or ANONYMOUS, None)
    cookie = connection.cookies.get(SESSION_COOKIE)
    if cookie:
        found = await service.principal_for_session(cookie, now)
        if found is not None:
            return Authenticated(found[0], found[1])
    return Authenticated(ANONYMOUS, None)
