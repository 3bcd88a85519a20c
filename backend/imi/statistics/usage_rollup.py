"""The usage rollup: sent exchanges counted per sending month, kind, legal area, procedure, sending and receiving
country, kept exact by triggers on `exchange` (see `triggers`). Broadcasts have no receiving country: ''."""

from tortoise.backends.base.client import BaseDBAsyncClient

from imi.statistics import triggers
from imi.statistics.sql import Dialect, dialect_of

TABLE = "statistics_usage_rollup"
KEY = ("month", "kind", "legal_area", "procedure", "sending_country", "receiving_country")
WATCHED = ("kind", "legal_area", "procedure", "requesting_country", "responding_country", "sent_at")
NO_COUNTRY = ""


def in_scope(r: str) -> str:
    return f"{r}.sent_at IS NOT NULL"


def _key_expressions(d: Dialect, r: str) -> dict[str, str]:
    return {
        "month": d.month(f"{r}.sent_at"), "kind": f"{r}.kind", "legal_area": f"{r}.legal_area",
        "procedure": f"{r}.procedure", "sending_country": f"{r}.requesting_country",
        "receiving_country": f"COALESCE({r}.responding_country, '{NO_COUNTRY}')",
    }


def _key_values(d: Dialect, r: str) -> str:
    return ", ".join(_key_expressions(d, r).values())


def _apply(d: Dialect, r: str, sign: str) -> str:
    return (
        f"INSERT INTO {TABLE} ({', '.join(KEY)}, exchanges) SELECT {_key_values(d, r)}, {sign}1 "
        f"WHERE {in_scope(r)} "
        f"ON CONFLICT ({', '.join(KEY)}) DO UPDATE SET exchanges = {TABLE}.exchanges + excluded.exchanges"
    )


def _tidy(d: Dialect, r: str) -> str:
    same = " AND ".join(f"{column} = {expression}" for column, expression in _key_expressions(d, r).items())
    return f"DELETE FROM {TABLE} WHERE {same} AND exchanges = 0"


SUMMARY = triggers.Summary(TABLE, WATCHED, in_scope, _apply, _tidy)


def _table(d: Dialect) -> str:
    return (
        f"CREATE TABLE {TABLE} (month {'DATE' if d.postgres else 'TEXT'} NOT NULL, kind VARCHAR(16) NOT NULL, "
        "legal_area VARCHAR(40) NOT NULL, procedure VARCHAR(60) NOT NULL, sending_country VARCHAR(2) NOT NULL, "
        f"receiving_country VARCHAR(2) NOT NULL, exchanges {'BIGINT' if d.postgres else 'INTEGER'} NOT NULL, "
        f"PRIMARY KEY ({', '.join(KEY)})){'' if d.postgres else ' WITHOUT ROWID'}"
    )


def rebuild_statements(d: Dialect) -> list[str]:
    return [
        f"DELETE FROM {TABLE}",
        f"INSERT INTO {TABLE} ({', '.join(KEY)}, exchanges) SELECT {_key_values(d, 'x')}, COUNT(*) "
        f"FROM exchange x WHERE {in_scope('x')} GROUP BY 1, 2, 3, 4, 5, 6",
    ]


async def _run(conn: BaseDBAsyncClient, statements: list[str]) -> None:
    for statement in statements:
        await conn.execute_query(statement)


async def install(conn: BaseDBAsyncClient) -> None:
    """Create the table and its triggers, and fill it from the exchanges already there."""
    d = dialect_of(conn)
    await _run(conn, [_table(d), *triggers.create_statements(d, SUMMARY), *rebuild_statements(d)])


async def uninstall(conn: BaseDBAsyncClient) -> None:
    d = dialect_of(conn)
    await _run(conn, [*triggers.drop_statements(d, SUMMARY), f"DROP TABLE IF EXISTS {TABLE}"])


async def rebuild(conn: BaseDBAsyncClient) -> None:
    """Recompute the rollup from the exchanges; run it inside a transaction (`db.transaction()`)."""
    await _run(conn, rebuild_statements(dialect_of(conn)))
