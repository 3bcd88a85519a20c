"""The event log in the database: positions assigned in commit order, and reading after a cursor.

Events are written by the domains in their own transactions with no position. The dispatcher then numbers the
committed ones, one dispatcher at a time (a PostgreSQL advisory lock; SQLite has a single writer), so positions
grow strictly and a reader that resumes after position p misses nothing committed.
"""

from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from imi import db
from imi.events.message import StreamEvent

BATCH = 500
_LOCK_KEY = 7_411_932  # the advisory lock that serialises dispatchers across processes

_SELECT = (
    "SELECT e.position, e.id, e.exchange_id, x.kind, x.procedure, e.action, e.from_state, e.to_state, e.at, "
    "e.actor_authority_id FROM exchange_event e JOIN exchange x ON x.id = e.exchange_id "
)


def _postgres(conn: BaseDBAsyncClient) -> bool:
    return conn.capabilities.dialect == "postgres"


def _sql(conn: BaseDBAsyncClient, sql: str) -> str:
    """Our SQL uses `?` placeholders; PostgreSQL wants `$1, $2, ...`."""
    if not _postgres(conn):
        return sql
    parts = sql.split("?")
    return "".join(part + (f"${i}" if i < len(parts) else "") for i, part in enumerate(parts, start=1))


def _values(row: Any) -> list[Any]:
    """The columns of a row from either driver (both index by position)."""
    return [row[i] for i in range(len(row))]


def _event(row: Any) -> StreamEvent:
    position, event_id, exchange_id, kind, procedure, action, from_state, to_state, at, actor = _values(row)
    if isinstance(at, str):
        at = datetime.fromisoformat(at)
    return StreamEvent(int(position), int(event_id), int(exchange_id), kind, procedure, action, from_state,
                       to_state, at, actor)


async def pending() -> bool:
    """Whether committed events await their position (a cheap read, so that idle polls write nothing)."""
    conn = db.connection()
    _, rows = await conn.execute_query("SELECT 1 FROM exchange_event WHERE position IS NULL LIMIT 1")
    return bool(rows)


async def assign_positions(limit: int = BATCH) -> list[StreamEvent]:
    """Number the oldest committed events that have no position yet; return them in order.

    The numbering statement is the transaction's first write (after PostgreSQL's lock): on SQLite it takes the
    single writer's lock before it reads, so dispatchers of several processes on one file wait for each other
    instead of failing on a stale read."""
    if not await pending():
        return []
    async with db.transaction() as conn:
        if _postgres(conn):
            await conn.execute_query(_sql(conn, "SELECT pg_advisory_xact_lock(?)"), [_LOCK_KEY])
        numbered = await conn.execute_query_dict(_sql(conn, (  # `_dict`: it fetches what UPDATE returns
            "UPDATE exchange_event SET position = numbered.rn + numbered.base FROM ("
            " SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS rn,"
            " (SELECT COALESCE(MAX(position), 0) FROM exchange_event) AS base FROM exchange_event"
            " WHERE position IS NULL ORDER BY id LIMIT ?) AS numbered"
            " WHERE exchange_event.id = numbered.id RETURNING exchange_event.position")), [limit])
        if not numbered:
            return []
        first = min(int(row["position"]) for row in numbered)
        _, rows = await conn.execute_query(
            _sql(conn, _SELECT + "WHERE e.position >= ? ORDER BY e.position"), [first])
    return [_event(row) for row in rows]


async def read_after(position: int, limit: int = BATCH, upto: int | None = None) -> list[StreamEvent]:
    """Positioned events after `position` (and up to `upto`), in order."""
    conn = db.connection()
    if upto is None:
        sql, params = _SELECT + "WHERE e.position > ? ORDER BY e.position LIMIT ?", [position, limit]
    else:
        sql = _SELECT + "WHERE e.position > ? AND e.position <= ? ORDER BY e.position LIMIT ?"
        params = [position, upto, limit]
    _, rows = await conn.execute_query(_sql(conn, sql), params)
    return [_event(row) for row in rows]


async def highest() -> int:
    """The highest position in the log (0 when empty)."""
    _, rows = await db.connection().execute_query("SELECT COALESCE(MAX(position), 0) FROM exchange_event")
    return int(_values(rows[0])[0])


async def bounds() -> tuple[int, int]:
    """The lowest and highest positions still in the log (0, 0 when empty)."""
    conn = db.connection()
    _, rows = await conn.execute_query(
        "SELECT COALESCE(MIN(position), 0), COALESCE(MAX(position), 0) FROM exchange_event WHERE position IS NOT NULL")
    low, high = _values(rows[0])
    return int(low), int(high)
