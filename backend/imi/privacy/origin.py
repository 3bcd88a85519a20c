"""Where a request comes from, for the audit log: client address, user agent, request id and the public prefix
of its API token. An ASGI middleware records them for each HTTP request and WebSocket connection; the audit
writer reads them from a context variable, so services need not pass them along."""

import re
import uuid
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

REQUEST_ID_HEADER = "x-request-id"
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
_TOKEN = re.compile(r"^bearer\s+imi_([A-Za-z0-9]{1,32})_", re.IGNORECASE)
MAX_USER_AGENT = 300


@dataclass
class Origin:
    """One request's origin, and its pending audit writes (`privacy.audit` batches the reads of one request)."""

    client_address: str | None = None
    user_agent: str | None = None
    request_id: str | None = None
    token_prefix: str | None = None
    batch: Any = field(default=None, repr=False)


CURRENT: ContextVar[Origin | None] = ContextVar("imi_request_origin", default=None)


def current() -> Origin | None:
    return CURRENT.get()


def origin_of(scope: Scope) -> Origin:
    """The origin of an ASGI HTTP or WebSocket scope (pure)."""
    headers = {name.decode("latin-1").lower(): value.decode("latin-1") for name, value in scope.get("headers", [])}
    client = scope.get("client")
    given = headers.get(REQUEST_ID_HEADER, "")
    token = _TOKEN.match(headers.get("authorization", ""))
    agent = headers.get("user-agent")
    return Origin(
        client_address=str(client[0])[:64] if client else None,
        user_agent=agent[:MAX_USER_AGENT] if agent else None,
        request_id=given if _REQUEST_ID.match(given) else uuid.uuid4().hex,
        token_prefix=token.group(1) if token else None,
    )


class RecordOrigin:
    """Sets the origin of each HTTP request and WebSocket connection, and answers with its request id."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        found = origin_of(scope)
        token = CURRENT.set(found)

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start" and found.request_id:
                message["headers"] = [*message.get("headers", []),
                                      (REQUEST_ID_HEADER.encode(), found.request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            CURRENT.reset(token)
