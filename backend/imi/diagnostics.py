"""Counting the SQL statements each HTTP request makes: a measurement mode for benchmarks and query-count tests.

With `IMI_COUNT_QUERIES=1`, `middleware()` returns an ASGI middleware that counts the statements Tortoise
logs (logger `tortoise.db_client`, DEBUG) while a request is served and adds the count to the response as the
`X-Query-Count` header. Off by default: logging every statement costs time.
"""

import logging
import os
from contextvars import ContextVar
from typing import Any

from starlette.middleware import Middleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

ENV_FLAG = "IMI_COUNT_QUERIES"
HEADER = "X-Query-Count"
DB_LOGGER = "tortoise.db_client"
_NOT_STATEMENTS = ("Created connection", "Closed connection")

_tally: ContextVar[list[int] | None] = ContextVar("imi_query_tally", default=None)


def enabled() -> bool:
    return os.environ.get(ENV_FLAG, "").strip().lower() in {"1", "true", "yes", "on"}


class _StatementCounter(logging.Handler):
    """Adds one to the current request's tally for every statement the database client logs."""

    def emit(self, record: logging.LogRecord) -> None:
        tally = _tally.get()
        if tally is not None and not str(record.msg).startswith(_NOT_STATEMENTS):
            tally[0] += 1


_handler = _StatementCounter(logging.DEBUG)


def start_counting() -> tuple[int, bool]:
    """Route the database client's statement log to the counter (and nowhere else: it would flood the logs);
    returns the logger's level and propagation before."""
    logger = logging.getLogger(DB_LOGGER)
    before = logger.level, logger.propagate
    if _handler not in logger.handlers:
        logger.addHandler(_handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    return before


def stop_counting(before: tuple[int, bool]) -> None:
    logger = logging.getLogger(DB_LOGGER)
    logger.removeHandler(_handler)
    logger.setLevel(before[0])
    logger.propagate = before[1]


class QueryCount:
    """Counts the statements of the code run inside it (a context manager for tests and tools)."""

    def __init__(self) -> None:
        self.tally = [0]

    @property
    def value(self) -> int:
        return self.tally[0]

    def __enter__(self) -> "QueryCount":
        self._before = start_counting()
        self._token = _tally.set(self.tally)
        return self

    def __exit__(self, *_: object) -> None:
        _tally.reset(self._token)
        stop_counting(self._before)


class QueryCounter:
    """ASGI middleware: the `X-Query-Count` header of each HTTP response says how many statements it took."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        start_counting()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        tally = [0]
        token = _tally.set(tally)

        async def send_with_count(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (HEADER.lower().encode(), str(tally[0]).encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_count)
        finally:
            _tally.reset(token)


def middleware(on: bool | None = None) -> list[Middleware]:
    """The counting middleware when measuring (`IMI_COUNT_QUERIES=1`, or `on`), else nothing."""
    return [Middleware(QueryCounter)] if (enabled() if on is None else on) else []


def counted_app(**options: Any) -> ASGIApp:
    """The application wrapped in the counter (a uvicorn factory: `uvicorn --factory imi.diagnostics:counted_app`)."""
    from imi.app import create_app

    return QueryCounter(create_app(**options))
