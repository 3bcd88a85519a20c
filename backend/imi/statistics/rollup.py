"""The request rollup: the scoreboard's numerators and denominators per sending day and per sending month,
receiving country and legal area, kept exact by database triggers on `exchange`.

Every insert, relevant update or delete of an information request subtracts the row's old contribution and adds
its new one, in the same transaction, whoever writes it (the workflow, the importer, a bulk loader). A scoreboard
for a year then sums about 12 × 30 × 4 rows instead of reading every request. `rebuild` recomputes the table from
the exchanges with one GROUP BY (after a change of method, and to check the triggers).

The contribution of one request is the SQL twin of `indicators.tally` (without the acceptance window, which
depends on the day of the query and is applied when reading).
"""

from tortoise.backends.base.client import BaseDBAsyncClient

from imi.statistics import triggers
from imi.statistics.indicators import ACCEPTANCE_DAYS, EARLY_WITHDRAWAL_DAYS, NEGATIVE_RATINGS
from imi.statistics.sql import Dialect, dialect_of

TABLE = "statistics_request_rollup"
KEY = ("grain", "period_start", "legal_area", "receiving_country")
DAY, MONTH = "D", "M"
MEASURES = (
    "requests", "withdrawn_early", "accepted_in_time", "answered", "answer_days", "answers_with_agreed_date",
    "answered_by_agreed_date", "timeliness_ratings", "timeliness_negative", "efforts_ratings", "efforts_negative",
    "awaiting_answer",
)
WATCHED = (
    "kind", "legal_area", "responding_country", "sent_at", "accepted_at", "answered_at", "withdrawn_at", "closed_at",
    "agreed_reply_date", "survey_timeliness", "survey_efforts",
)
"""The exchange columns a contribution depends on: an update of any other column leaves the rollup alone."""


def _flag(condition: str) -> str:
    return f"CASE WHEN {condition} THEN 1 ELSE 0 END"


def in_scope(r: str) -> str:
    """The exchange row `r` is a sent information request with a receiving country."""
    return f"{r}.kind = 'REQUEST' AND {r}.sent_at IS NOT NULL AND {r}.responding_country IS NOT NULL"


def measures(d: Dialect, r: str) -> dict[str, str]:
    """What exchange row `r` adds to each measure (see `indicators.tally`)."""
    sent = f"{r}.sent_at"
    early = (f"({r}.withdrawn_at IS NOT NULL AND {r}.accepted_at IS NULL"
             f" AND {d.days_between(sent, f'{r}.withdrawn_at')} <= {EARLY_WITHDRAWAL_DAYS})")
    counts = f"(NOT {early})"
    answered = f"({counts} AND {r}.answered_at IS NOT NULL)"
    dated = f"({answered} AND {r}.agreed_reply_date IS NOT NULL)"
    negative = ", ".join(str(rating) for rating in sorted(NEGATIVE_RATINGS))
    return {
        "requests": _flag(counts),
        "withdrawn_early": _flag(early),
        "accepted_in_time": _flag(f"{counts} AND {r}.accepted_at IS NOT NULL"
                                  f" AND {d.days_between(sent, f'{r}.accepted_at')} <= {ACCEPTANCE_DAYS}"),
        "answered": _flag(answered),
        "answer_days": f"CASE WHEN {answered} THEN {d.days_between(sent, f'{r}.answered_at')} ELSE 0 END",
        "answers_with_agreed_date": _flag(dated),
        "answered_by_agreed_date": _flag(f"{dated} AND {d.day(f'{r}.answered_at')} <= {r}.agreed_reply_date"),
        "timeliness_ratings": _flag(f"{counts} AND {r}.survey_timeliness IS NOT NULL"),
        "timeliness_negative": _flag(f"{counts} AND {r}.survey_timeliness IN ({negative})"),
        "efforts_ratings": _flag(f"{counts} AND {r}.survey_efforts IS NOT NULL"),
        "efforts_negative": _flag(f"{counts} AND {r}.survey_efforts IN ({negative})"),
        "awaiting_answer": _flag(f"{counts} AND {r}.answered_at IS NULL AND {r}.withdrawn_at IS NULL"
                                 f" AND {r}.closed_at IS NULL"),
    }


def _columns() -> str:
    return ", ".join((*KEY, *MEASURES))


def _apply(d: Dialect, r: str, sign: str) -> str:
    """Add (`+`) or subtract (`-`) row `r`'s contribution to its day and its month."""
    values = ", ".join(f"{sign}({expr})" for expr in measures(d, r).values())
    updates = ", ".join(f"{m} = {TABLE}.{m} + excluded.{m}" for m in MEASURES)
    return (
        f"INSERT INTO {TABLE} ({_columns()}) "
        f"SELECT g.grain, g.period_start, {r}.legal_area, {r}.responding_country, {values} "
        f"FROM (SELECT '{DAY}' AS grain, {d.day(f'{r}.sent_at')} AS period_start "
        f"UNION ALL SELECT '{MONTH}', {d.month(f'{r}.sent_at')}) AS g "
        f"WHERE {in_scope(r)} "
        f"ON CONFLICT ({', '.join(KEY)}) DO UPDATE SET {updates}"
    )


def _tidy(d: Dialect, r: str) -> str:
    """Remove row `r`'s day and month rows once nothing counts in them any more (after a delete or a move)."""
    return (
        f"DELETE FROM {TABLE} WHERE legal_area = {r}.legal_area AND receiving_country = {r}.responding_country "
        f"AND ((grain = '{DAY}' AND period_start = {d.day(f'{r}.sent_at')}) "
        f"OR (grain = '{MONTH}' AND period_start = {d.month(f'{r}.sent_at')})) "
        f"AND requests = 0 AND withdrawn_early = 0"
    )


def _table(d: Dialect) -> str:
    number = "BIGINT" if d.postgres else "INTEGER"
    day = "DATE" if d.postgres else "TEXT"
    measures_ddl = ", ".join(f"{m} {number} NOT NULL DEFAULT 0" for m in MEASURES)
    return (
        f"CREATE TABLE {TABLE} (grain CHAR(1) NOT NULL, period_start {day} NOT NULL, "
        f"legal_area VARCHAR(40) NOT NULL, receiving_country VARCHAR(2) NOT NULL, {measures_ddl}, "
        f"PRIMARY KEY ({', '.join(KEY)})){'' if d.postgres else ' WITHOUT ROWID'}"
    )


SUMMARY = triggers.Summary(TABLE, WATCHED, in_scope, _apply, _tidy)


def trigger_statements(d: Dialect) -> list[str]:
    return triggers.create_statements(d, SUMMARY)


def drop_trigger_statements(d: Dialect) -> list[str]:
    return triggers.drop_statements(d, SUMMARY)


def _month_of_day(d: Dialect, column: str) -> str:
    return f"(date_trunc('month', {column})::date)" if d.postgres else f"date({column}, 'start of month')"


def rebuild_statements(d: Dialect) -> list[str]:
    """Recompute every row: days from the exchanges, then months from the days."""
    sums = ", ".join(f"SUM({expr})" for expr in measures(d, "x").values())
    return [
        f"DELETE FROM {TABLE}",
        f"INSERT INTO {TABLE} ({_columns()}) "
        f"SELECT '{DAY}', {d.day('x.sent_at')}, x.legal_area, x.responding_country, {sums} "
        f"FROM exchange x WHERE {in_scope('x')} GROUP BY 2, 3, 4",
        f"INSERT INTO {TABLE} ({_columns()}) "
        f"SELECT '{MONTH}', {_month_of_day(d, 'period_start')}, legal_area, receiving_country, "
        f"{', '.join(f'SUM({m})' for m in MEASURES)} "
        f"FROM {TABLE} WHERE grain = '{DAY}' GROUP BY 2, 3, 4",
    ]


async def _run(conn: BaseDBAsyncClient, statements: list[str]) -> None:
    for statement in statements:
        await conn.execute_query(statement)


async def install(conn: BaseDBAsyncClient) -> None:
    """Create the table and its triggers, and fill it from the exchanges already there."""
    d = dialect_of(conn)
    await _run(conn, [_table(d), *trigger_statements(d), *rebuild_statements(d)])


async def uninstall(conn: BaseDBAsyncClient) -> None:
    d = dialect_of(conn)
    await _run(conn, [*drop_trigger_statements(d), f"DROP TABLE IF EXISTS {TABLE}"])


async def rebuild(conn: BaseDBAsyncClient) -> None:
    """Recompute the rollup from the exchanges; run it inside a transaction (`db.transaction()`)."""
    await _run(conn, rebuild_statements(dialect_of(conn)))
