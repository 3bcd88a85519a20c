"""Scoreboard benchmark: one year's scoreboard through GraphQL, cold and warm, beside one hand-written DuckDB query
over the same requests exported to Parquet, at the real system's size (400,000 requests) and at ten times that.

    .venv/bin/python bench/statistics_bench.py [--sizes 400000,4000000] [--year 2025] [--rounds 20] [--dir DIR]

The data (see statistics_data.py) is generated once per size and cached. Through GraphQL means an HTTP POST to the
app in-process (httpx ASGI transport) with a statistics:read token, for every country's five readings,
numerators, denominators, colours, total and overall, and the EEA average. Cold: a new app and a new database
connection (empty SQLite page cache; the operating system's file cache stays warm), median of a few; warm: the
same query again, median. DuckDB: a new connection (cold) or the same one (warm), all cores. The two results are
checked equal, count for count, before anything is printed. Prints a markdown section.
"""

import argparse
import asyncio
import os
import sqlite3
import statistics as stats
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "backend"))
sys.path.insert(0, str(ROOT / "bench"))

import statistics_data  # noqa: E402

from imi import db  # noqa: E402
from imi.accounts import service as accounts  # noqa: E402
from imi.app import create_app  # noqa: E402
from imi.clock import FixedClock  # noqa: E402
from imi.settings import Environment, Settings  # noqa: E402
from imi.statistics import aggregation, rollup  # noqa: E402
from imi.statistics.indicators import (  # noqa: E402
    ACCEPTANCE_DAYS,
    COUNT_NAMES,
    EARLY_WITHDRAWAL_DAYS,
    SCOREBOARD_AREAS,
    Counts,
    Period,
    last_day_with_known_acceptance,
)
from imi.statistics.sql import Dialect  # noqa: E402

COLD_ROUNDS = 5
READING = "indicator numerator denominator value rounded colour score hasData"
ASSESSMENT = f"requests withdrawnEarly awaitingAnswer totalScore overall missingIndicators indicators {{ {READING} }}"
QUERY = f"""query($input: ScoreboardInput!) {{ scoreboard(input: $input) {{ __typename
  ... on Scoreboard {{ acceptanceJudgedUntil countries {{ country {{ code }} {ASSESSMENT} }}
                       eeaAverage {{ {ASSESSMENT} }} }}
  ... on NotAllowed {{ message }} ... on ValidationFailed {{ message }} }} }}"""
USAGE = """query($input: UsageStatisticsInput!) { usageStatistics(input: $input) { __typename
  ... on UsageStatistics { total rows { period exchangeKind count } } } }"""
INDICATOR_FIELDS = {
    "SPEED_IN_ACCEPTING": ("accepted_in_time", "acceptance_judged"),
    "SPEED_IN_ANSWERING": ("answer_days", "answered"),
    "ANSWERED_BY_AGREED_DATE": ("answered_by_agreed_date", "answers_with_agreed_date"),
    "TIMELINESS_RATED": ("timeliness_negative", "timeliness_ratings"),
    "EFFORTS_RATED": ("efforts_negative", "efforts_ratings"),
}


def duckdb_query(parquet: Path, period: Period, judged: date) -> str:
    """The scoreboard's counts per receiving country, written by hand for DuckDB."""
    areas = ", ".join(f"'{a}'" for a in SCOREBOARD_AREAS)
    return f"""
WITH r AS (
  SELECT responding_country AS country, CAST(sent_at AS DATE) AS sent_day,
         accepted_at, answered_at, withdrawn_at, closed_at, agreed_reply_date, survey_timeliness, survey_efforts,
         CAST(accepted_at AS DATE) - CAST(sent_at AS DATE) AS accept_days,
         CAST(answered_at AS DATE) - CAST(sent_at AS DATE) AS answer_days,
         withdrawn_at IS NOT NULL AND accepted_at IS NULL
           AND CAST(withdrawn_at AS DATE) - CAST(sent_at AS DATE) <= {EARLY_WITHDRAWAL_DAYS} AS early
  FROM read_parquet('{parquet}')
  WHERE kind = 'REQUEST' AND responding_country IS NOT NULL AND legal_area IN ({areas})
    AND sent_at >= TIMESTAMP '{period.start}' AND sent_at < TIMESTAMP '{period.end}' + INTERVAL 1 DAY
)
SELECT country,
  count(*) FILTER (WHERE NOT early),
  count(*) FILTER (WHERE early),
  count(*) FILTER (WHERE NOT early AND sent_day <= DATE '{judged}'),
  count(*) FILTER (WHERE NOT early AND sent_day <= DATE '{judged}' AND accept_days <= {ACCEPTANCE_DAYS}),
  count(*) FILTER (WHERE NOT early AND answered_at IS NOT NULL),
  coalesce(sum(answer_days) FILTER (WHERE NOT early AND answered_at IS NOT NULL), 0),
  count(*) FILTER (WHERE NOT early AND answered_at IS NOT NULL AND agreed_reply_date IS NOT NULL),
  count(*) FILTER (WHERE NOT early AND answered_at IS NOT NULL AND CAST(answered_at AS DATE) <= agreed_reply_date),
  count(survey_timeliness) FILTER (WHERE NOT early),
  count(*) FILTER (WHERE NOT early AND survey_timeliness IN (1, 2)),
  count(survey_efforts) FILTER (WHERE NOT early),
  count(*) FILTER (WHERE NOT early AND survey_efforts IN (1, 2)),
  count(*) FILTER (WHERE NOT early AND answered_at IS NULL AND withdrawn_at IS NULL AND closed_at IS NULL)
FROM r GROUP BY country"""


def from_duckdb(rows: list[tuple]) -> dict[str, Counts]:
    return {row[0]: Counts(**dict(zip(COUNT_NAMES, (int(v) for v in row[1:]), strict=True))) for row in rows}


def from_graphql(board: dict[str, Any]) -> dict[str, Counts]:
    found = {}
    for country in board["countries"]:
        if country["requests"] == 0 and country["withdrawnEarly"] == 0:
            continue
        values = {"requests": country["requests"], "withdrawn_early": country["withdrawnEarly"],
                  "awaiting_answer": country["awaitingAnswer"]}
        for reading in country["indicators"]:
            numerator, denominator = INDICATOR_FIELDS[reading["indicator"]]
            values[numerator], values[denominator] = reading["numerator"], reading["denominator"]
        found[country["country"]["code"]] = Counts(**values)
    return found


def median_ms(samples: list[float]) -> float:
    return stats.median(samples) * 1000


async def timed(work: Callable[[], Awaitable[Any]]) -> tuple[float, Any]:
    began = time.perf_counter()
    result = await work()
    return time.perf_counter() - began, result


class Runner:
    """The app against one bench database, with a statistics token."""

    def __init__(self, data: statistics_data.BenchData, directory: Path) -> None:
        self.data = data
        self.clock = FixedClock(statistics_data.CUTOFF)
        self.settings = Settings(environment=Environment.PRODUCTION, database_url=data.url, var_dir=directory,
                                 attachment_dir=directory / "attachments", frontend_dir=directory / "no-frontend")
        self.token = ""

    async def open(self) -> None:
        await db.init(self.data.url)

    async def close(self) -> None:
        await db.close()

    async def make_token(self) -> None:
        account = await accounts.service_account("statistics bench", self.clock.now())
        made = await accounts.create_token(name="bench", scopes=["statistics:read"], days=1, now=self.clock.now(),
                                           service_account_id=account.id)
        self.token = made.plaintext

    async def post(self, client: httpx.AsyncClient, query: str, variables: dict[str, Any]) -> dict[str, Any]:
        response = await client.post("/graphql", json={"query": query, "variables": variables},
                                     headers={"authorization": f"Bearer {self.token}"})
        response.raise_for_status()
        return response.json()["data"]

    def client(self) -> httpx.AsyncClient:
        app = create_app(self.settings, self.clock)
        return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://imi.bench")


async def graphql_scoreboard(runner: Runner, year: int, rounds: int) -> dict[str, Any]:
    variables = {"input": {"from": f"{year}-01-01", "to": f"{year}-12-31"}}
    cold, board = [], None
    for _ in range(COLD_ROUNDS):
        await runner.close()
        await runner.open()
        async with runner.client() as client:
            spent, data = await timed(lambda c=client: runner.post(c, QUERY, variables))
            cold.append(spent)
            board = data["scoreboard"]
    assert board is not None and board["__typename"] == "Scoreboard", board
    async with runner.client() as client:
        warm = [(await timed(lambda c=client: runner.post(c, QUERY, variables)))[0] for _ in range(rounds)]
        usage_variables = {"input": {"from": "2000-01-01", "to": f"{year}-12-31", "groupBy": ["YEAR", "EXCHANGE_KIND"]}}
        usage = [(await timed(lambda c=client: runner.post(c, USAGE, usage_variables)))[0] for _ in range(3)]
    period = Period.year(year)
    judged = last_day_with_known_acceptance(statistics_data.TODAY)
    sql_only = [(await timed(lambda: aggregation.counts_by_country(period, list(SCOREBOARD_AREAS), judged)))[0]
                for _ in range(rounds)]
    return {"board": board, "cold": median_ms(cold), "first_cold": cold[0] * 1000, "warm": median_ms(warm),
            "sql": median_ms(sql_only), "usage": median_ms(usage)}


def raw_group_by(data: statistics_data.BenchData, year: int) -> tuple[float, int]:
    """Without the rollup: the same measures summed over the exchange rows of the year (milliseconds)."""
    d = Dialect(postgres=False)
    sums = ", ".join(f"SUM({expr})" for expr in rollup.measures(d, "x").values())
    areas = ", ".join(f"'{a}'" for a in SCOREBOARD_AREAS)
    sql = (f"SELECT x.responding_country, {sums} FROM exchange x WHERE {rollup.in_scope('x')} "
           f"AND x.legal_area IN ({areas}) AND x.sent_at >= '{year}-01-01' AND x.sent_at < '{year + 1}-01-01' "
           "GROUP BY x.responding_country")
    conn = sqlite3.connect(data.sqlite)
    began = time.perf_counter()
    rows = conn.execute(sql).fetchall()
    spent = time.perf_counter() - began
    conn.close()
    return spent * 1000, len(rows)


def duckdb_scoreboard(data: statistics_data.BenchData, year: int, rounds: int) -> dict[str, Any]:
    query = duckdb_query(data.parquet, Period.year(year), last_day_with_known_acceptance(statistics_data.TODAY))
    cold, rows = [], []
    for _ in range(COLD_ROUNDS):
        conn = duckdb.connect()
        began = time.perf_counter()
        rows = conn.execute(query).fetchall()
        cold.append(time.perf_counter() - began)
        conn.close()
    conn = duckdb.connect()
    conn.execute(query).fetchall()
    warm = []
    for _ in range(rounds):
        began = time.perf_counter()
        conn.execute(query).fetchall()
        warm.append(time.perf_counter() - began)
    conn.close()
    return {"counts": from_duckdb(rows), "cold": median_ms(cold), "warm": median_ms(warm)}


async def _measure(data: statistics_data.BenchData, year: int, rounds: int, directory: Path) -> dict[str, Any]:
    runner = Runner(data, directory)
    await runner.open()
    try:
        await runner.make_token()
        found = await graphql_scoreboard(runner, year, rounds)
        _, rows = await db.connection().execute_query(
            f"SELECT COUNT(*) FROM {rollup.TABLE} WHERE grain = 'M' AND period_start BETWEEN ? AND ?",
            [f"{year}-01-01", f"{year}-12-31"])
        found["rollup_rows"] = int(rows[0][0])
    finally:
        await runner.close()
    return found


def measure(data: statistics_data.BenchData, year: int, rounds: int, directory: Path) -> dict[str, Any]:
    graphql = asyncio.run(_measure(data, year, rounds, directory))
    duck = duckdb_scoreboard(data, year, rounds)
    mine = from_graphql(graphql["board"])
    if mine != duck["counts"]:
        differing = sorted(c for c in set(mine) | set(duck["counts"]) if mine.get(c) != duck["counts"].get(c))
        raise SystemExit(f"GraphQL and DuckDB disagree for {differing}")
    raw_ms, _ = raw_group_by(data, year)
    requests_in_year = sum(c.requests + c.withdrawn_early for c in mine.values())
    colours = sorted({c["overall"] for c in graphql["board"]["countries"] if c["overall"]})
    return {**graphql, "duck_cold": duck["cold"], "duck_warm": duck["warm"], "raw": raw_ms,
            "requests_in_year": requests_in_year, "colours": colours}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="400000,4000000")
    parser.add_argument("--year", type=int, default=statistics_data.LAST_YEAR)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--dir", type=Path, default=ROOT / "var" / "bench")
    arguments = parser.parse_args()
    results = []
    for size in (int(s) for s in arguments.sizes.split(",")):
        data = statistics_data.ensure(size, arguments.dir)
        results.append((data, measure(data, arguments.year, arguments.rounds, arguments.dir)))

    print(f"## Statistics: the {arguments.year} scoreboard through GraphQL beside DuckDB\n")
    print("| requests (all years) | in the year | GraphQL cold | DuckDB cold | cold ratio | GraphQL warm | "
          "DuckDB warm | warm ratio |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for data, r in results:
        print(f"| {data.requests:,} | {r['requests_in_year']:,} | {r['cold']:.1f} ms | {r['duck_cold']:.1f} ms | "
              f"{r['cold'] / r['duck_cold']:.2f}× | {r['warm']:.1f} ms | {r['duck_warm']:.1f} ms | "
              f"{r['warm'] / r['duck_warm']:.2f}× |")
    print("\n| requests (all years) | rollup rows read | SQL alone (rollup) | one GROUP BY without rollup | "
          "first query in the process | usage by year and kind, all years | bulk load with triggers | "
          "SQLite / Parquet size |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for data, r in results:
        f = data.facts
        print(f"| {data.requests:,} | {r['rollup_rows']:,} months | {r['sql']:.1f} ms | {r['raw']:.0f} ms | "
              f"{r['first_cold']:.1f} ms | {r['usage']:.0f} ms | "
              f"{data.requests / f['insert_seconds']:,.0f} rows/s | {f['sqlite_mb']:.0f} / {f['parquet_mb']:.0f} MB |")
    with_triggers, without = statistics_data.insert_rates(50_000, arguments.dir)
    print(f"\nWriting: 50,000 requests insert at {with_triggers:,.0f} rows/s with the rollup triggers and "
          f"{without:,.0f} rows/s without them (a new database); one workflow action updates one rollup day and "
          "one month row.")
    load = os.getloadavg()[0]
    print(f"\nThe GraphQL and DuckDB results are equal, count for count, for every country; overall colours seen: "
          f"{', '.join(results[-1][1]['colours'])}. Cold: a new app and database connection (median of "
          f"{COLD_ROUNDS}); warm: median of {arguments.rounds}. Python {sys.version.split()[0]}, SQLite "
          f"{sqlite3.sqlite_version}, DuckDB {duckdb.__version__}, {os.cpu_count()} CPUs, load average {load:.1f}.")


if __name__ == "__main__":
    main()
