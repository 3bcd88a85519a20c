"""The outer guard of the HTTP API: per-address and per-credential rate limits (429 with Retry-After) and request
body limits (413, refused from Content-Length before anything is read, or as soon as a body grows past it)."""

import json
from dataclasses import dataclass

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from imi.http import client
from imi.http.ratelimit import Decision, Limiter, Rule
from imi.settings import Settings

LIMITED_PATHS = ("/graphql", "/attachments/", "/statistics/", "/translation/")
UPLOAD_OVERHEAD = 1024 * 1024  # the multipart envelope and the operation beside the file


class BodyTooLarge(Exception):
    """The request body grew past its limit while it was read."""


@dataclass(frozen=True)
class GuardSettings:
    address_rule: Rule
    credential_rule: Rule
    max_body_bytes: int
    max_upload_bytes: int

    @classmethod
    def of(cls, settings: Settings) -> "GuardSettings":
        return cls(
            address_rule=Rule("address", settings.rate_limit_address, 60.0),
            credential_rule=Rule("credential", settings.rate_limit_credential, 60.0),
            max_body_bytes=settings.max_body_bytes,
            max_upload_bytes=settings.attachment_max_bytes + UPLOAD_OVERHEAD,
        )


async def send_error(send: Send, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
    """A JSON error answer in the GraphQL error shape (`errors[0].extensions.code`)."""
    body = json.dumps({"errors": [{"message": message, "extensions": {"code": code}}]}).encode()
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
           *((k.lower().encode(), v.encode()) for k, v in (headers or {}).items())]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


class RequestGuard:
    def __init__(self, app: ASGIApp, limiter: Limiter, settings: GuardSettings) -> None:
        self.app = app
        self.limiter = limiter
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["path"].startswith(LIMITED_PATHS):
            decision = await self._rate(scope)
            if not decision.allowed:
                await send_error(send, 429, "RATE_LIMITED", "Too many requests: try again later.",
                                 {"Retry-After": decision.retry_after_header})
                return
        await self._within_body_limit(scope, receive, send)

    async def _rate(self, scope: Scope) -> Decision:
        decision = await self.limiter.hit(client.address(scope), self.settings.address_rule)
        credential = client.credential(scope)
        if decision.allowed and credential is not None:
            decision = await self.limiter.hit(credential, self.settings.credential_rule)
        return decision

    def _body_limit(self, scope: Scope) -> int:
        content_type = Headers(scope=scope).get("content-type", "")
        if content_type.lower().startswith("multipart/form-data"):
            return self.settings.max_upload_bytes
        return self.settings.max_body_bytes

    async def _within_body_limit(self, scope: Scope, receive: Receive, send: Send) -> None:
        limit = self._body_limit(scope)
        declared = Headers(scope=scope).get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _refuse(send, limit)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if started:
                raise
            await _refuse(send, limit)


async def _refuse(send: Send, limit: int) -> None:
    await send_error(send, 413, "PAYLOAD_TOO_LARGE", f"The request body is larger than {limit} bytes.",
                     {"Connection": "close"})
