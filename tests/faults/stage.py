"""The stage of the fault and conformance tests: sessions opened directly in the database (as signing in would,
without paying argon2 for each of many officials), and requests in flight that open and act."""

from datetime import datetime, timedelta

from imi.accounts.authentication import CSRF_HEADER, SESSION_COOKIE
from imi.accounts.models import Session
from imi.accounts.secrets import digest, new_secret
from tests import world


async def session_headers(user_id: int, now: datetime) -> dict[str, str]:
    """The headers of a signed-in browser of `user_id`: its session cookie and its CSRF token."""
    token, csrf = new_secret(), new_secret()
    await Session.create(token_hash=digest(token), csrf_token=csrf, user_id=user_id, created_at=now,
                         expires_at=now + timedelta(hours=8))
    return {"cookie": f"{SESSION_COOKIE}={token}", CSRF_HEADER: csrf}


def signed_in(client: world.Client, headers: dict[str, str]) -> world.Client:
    """`client` acting with the session of `headers`."""
    client.cookies = {SESSION_COOKIE: headers["cookie"].split("=", 1)[1]}
    client.csrf = headers[CSRF_HEADER]
    return client
