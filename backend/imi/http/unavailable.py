"""The database out of reach (down, cut off, locked, too slow): recognised in any error, answered with a clear
message and HTTP 503 instead of a masked server error."""

import socket
import sqlite3
from collections.abc import Iterator

from tortoise.exceptions import DBConnectionError

CODE = "DATABASE_UNAVAILABLE"
MESSAGE = "The database is unavailable: try again in a moment."
RETRY_AFTER = "5"
_SQLITE_UNAVAILABLE = ("database is locked", "database table is locked", "unable to open database file",
                       "disk i/o error")


def _chain(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _asyncpg_unavailable(error: BaseException) -> bool:
    try:
        import asyncpg
    except ImportError:  # pragma: no cover  (asyncpg is a dependency)
        return False
    exceptions = asyncpg.exceptions
    return isinstance(error, exceptions.PostgresConnectionError | exceptions.CannotConnectNowError
                      | exceptions.TooManyConnectionsError | exceptions.QueryCanceledError
                      | exceptions.InterfaceError | exceptions.InternalClientError)


def database_unavailable(error: BaseException) -> bool:
    """True if `error` (or what caused it) says the database could not be reached or did not answer in time."""
    for cause in _chain(error):
        if isinstance(cause, DBConnectionError | TimeoutError | ConnectionError | socket.gaierror):
            return True
        if isinstance(cause, sqlite3.OperationalError) and str(cause).lower().startswith(_SQLITE_UNAVAILABLE):
            return True
        if _asyncpg_unavailable(cause):
            return True
        # Tortoise re-raises SQLite's errors as its own OperationalError with the same message
        if type(cause).__name__ == "OperationalError" and str(cause).lower().startswith(_SQLITE_UNAVAILABLE):
            return True
    return False
