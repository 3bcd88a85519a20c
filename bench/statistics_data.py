"""Bench data for the statistics: N information requests calibrated like the demo data (volumes per year and
area, who asks whom, each country's performance tier), bulk-loaded into a migrated SQLite database with the
rollup triggers running on every insert, then exported to Parquet for DuckDB. Cached by size and version.
"""

import asyncio
import bisect
import csv
import json
import random
import sqlite3
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "backend"))

from imi import db  # noqa: E402
from imi.demo.calibration import Tier, flows, volumes  # noqa: E402
from imi.reference import countries, procedures  # noqa: E402

VERSION = 1
FIRST_YEAR, LAST_YEAR = 2008, 2025
TODAY = date(2026, 3, 2)
"""The bench's today: nothing happens after it, and every 2025 acceptance window has ended."""
CUTOFF = datetime.combine(TODAY, datetime.min.time(), tzinfo=UTC)
AUTHORITIES_PER_COUNTRY = 40
DAY = 86_400.0
BATCH = 20_000

COLUMNS = (
    "reference", "kind", "procedure", "legal_area", "state", "version", "requesting_country", "responding_country",
    "subject", "subject_language", "questions", "answers", "requested_reply_date", "proposed_reply_date",
    "agreed_reply_date", "round", "countries", "created_at", "updated_at", "sent_at", "accepted_at", "answered_at",
    "closed_at", "withdrawn_at", "survey_timeliness", "survey_efforts", "requesting_authority_id",
    "responding_authority_id",
)
EXPORTED = ("id", "kind", "legal_area", "procedure", "requesting_country", "responding_country", "sent_at",
            "accepted_at", "answered_at", "withdrawn_at", "closed_at", "requested_reply_date", "agreed_reply_date",
            "survey_timeliness", "survey_efforts")
PARQUET_TYPES = {
    "id": "BIGINT", "kind": "VARCHAR", "legal_area": "VARCHAR", "procedure": "VARCHAR",
    "requesting_country": "VARCHAR", "responding_country": "VARCHAR", "sent_at": "TIMESTAMP",
    "accepted_at": "TIMESTAMP", "answered_at": "TIMESTAMP", "withdrawn_at": "TIMESTAMP", "closed_at": "TIMESTAMP",
    "requested_reply_date": "DATE", "agreed_reply_date": "DATE", "survey_timeliness": "SMALLINT",
    "survey_efforts": "SMALLINT",
}


@dataclass(frozen=True)
class BenchData:
    requests: int
    sqlite: Path
    parquet: Path
    facts: dict[str, float]

    @property
    def url(self) -> str:
        return f"sqlite://{self.sqlite}"


def per_year(total: int) -> dict[int, dict[str, int]]:
    """`total` requests shared among years and areas like the calibrated volumes."""
    raw = {y: dict(volumes().year(y)) for y in range(FIRST_YEAR, LAST_YEAR + 1)}
    factor = total / sum(sum(v.values()) for v in raw.values())
    counts = {y: {a: round(c * factor) for a, c in areas.items()} for y, areas in raw.items()}
    counts[LAST_YEAR]["PROFESSIONAL_QUALIFICATIONS"] += total - sum(sum(v.values()) for v in counts.values())
    return counts


def _stamp(seconds: float | None) -> str | None:
    if seconds is None:
        return None
    return datetime.fromtimestamp(int(seconds), UTC).isoformat(sep=" ")


def _day(seconds: float) -> date:
    return datetime.fromtimestamp(int(seconds), UTC).date()


def _midnight(day: date) -> float:
    return datetime.combine(day, datetime.min.time(), tzinfo=UTC).timestamp()


class Generator:
    """One request after another, each country's authorities behaving like its tier."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.codes = [c.code for c in countries()]
        calibrated = flows()
        self.tiers: dict[str, Tier] = dict(calibrated.tiers)
        self.receive = {area: self._cumulative(w) for area, w in calibrated.receive.items()}
        self.send = {area: self._cumulative(w) for area, w in calibrated.send.items()}
        self.procedure = {p.legal_area: p.code for p in procedures() if p.kind.value == "REQUEST"}
        self.cutoff = CUTOFF.timestamp()

    def _cumulative(self, weights: dict[str, float]) -> list[float]:
        running, found = 0.0, []
        for code in self.codes:
            running += weights[code]
            found.append(running)
        return found

    def _pick(self, cumulative: list[float]) -> str:
        return self.codes[bisect.bisect(cumulative, self.rng.random() * cumulative[-1])]

    def _happened(self, at: float | None) -> float | None:
        return at if at is not None and at <= self.cutoff else None

    def request(self, number: int, area: str, sent: float) -> tuple:
        rng = self.rng
        receiver = self._pick(self.receive[area])
        sender = receiver
        while sender == receiver:
            sender = self._pick(self.send[area])
        tier = self.tiers[receiver]
        requested = _day(sent) + timedelta(days=14 + rng.randrange(15))
        accepted = answered = closed = withdrawn = None
        agreed = proposed = None
        timeliness = efforts = None
        roll = rng.random()
        if roll < 0.03:  # withdrawn within a week, never accepted
            withdrawn = sent + rng.random() * 7 * DAY
        elif roll < 0.05:  # never accepted; withdrawn after weeks
            withdrawn = sent + (8 + rng.random() * 30) * DAY
        else:
            if rng.random() < tier.accept_within_7:
                accepted = sent + rng.random() * 7.5 * DAY
            else:
                accepted = sent + (8 + rng.expovariate(1 / tier.late_accept_days)) * DAY
            agreed = requested
            if rng.random() < tier.propose_date:
                proposed = agreed = requested + timedelta(days=7 + rng.randrange(15))
            if rng.random() < 0.94:
                due = max(_midnight(agreed) + DAY - 1, accepted + DAY)
                if rng.random() < tier.on_time:
                    answered = accepted + (due - accepted) * rng.random() ** tier.answer_skew
                else:
                    answered = due + (1 + rng.expovariate(1 / tier.lateness_days)) * DAY
                if rng.random() < 0.85:
                    closed = answered + rng.random() * 10 * DAY
                    if rng.random() < 0.45:
                        timeliness = rng.choice((1, 2)) if rng.random() < tier.negative_timeliness else \
                            rng.choice((3, 4, 5))
                        efforts = rng.choice((1, 2)) if rng.random() < tier.negative_efforts else \
                            rng.choice((3, 4, 5))
            elif rng.random() < 0.3:
                withdrawn = accepted + rng.random() * 20 * DAY
        accepted, withdrawn = self._happened(accepted), self._happened(withdrawn)
        answered = self._happened(answered) if accepted else None
        closed = self._happened(closed) if answered else None
        if closed is None:
            timeliness = efforts = None
        if accepted is None:
            agreed = proposed = None
        state = ("WITHDRAWN" if withdrawn else "CLOSED" if closed else "ANSWERED" if answered
                 else "ACCEPTED" if accepted else "SENT")
        last = max(t for t in (sent, accepted, answered, closed, withdrawn) if t is not None)
        return (
            f"REQ-{_day(sent).year}-{number:08d}", "REQUEST", self.procedure[area], area, state, 1, sender,
            receiver, "Information request", "en", "[]", "{}", requested.isoformat(),
            proposed.isoformat() if proposed else None, agreed.isoformat() if agreed else None, 0, "[]",
            _stamp(sent), _stamp(last), _stamp(sent), _stamp(accepted), _stamp(answered), _stamp(closed),
            _stamp(withdrawn), timeliness, efforts, self.authority(sender), self.authority(receiver),
        )

    def authority(self, country: str) -> int:
        return self.codes.index(country) * AUTHORITIES_PER_COUNTRY + 1 + self.rng.randrange(AUTHORITIES_PER_COUNTRY)


def rows(total: int, seed: int = 2025) -> Iterator[tuple]:
    """Every request in sending order."""
    make = Generator(seed)
    number = 0
    for year, areas in per_year(total).items():
        start = datetime(year, 1, 1, tzinfo=UTC).timestamp()
        length = datetime(year + 1, 1, 1, tzinfo=UTC).timestamp() - start
        planned = sorted((start + make.rng.random() * length, area) for area, n in areas.items() for _ in range(n))
        for sent, area in planned:
            number += 1
            yield make.request(number, area, sent)


async def _authorities() -> None:
    from imi.authorities.models import Authority, AuthorityStatus

    now = CUTOFF
    await Authority.bulk_create([Authority(
        id=i * AUTHORITIES_PER_COUNTRY + k + 1, country=c.code, level="NATIONAL",
        official_name=f"Authority {c.code} {k + 1}", official_language=c.default_language,
        status=AuthorityStatus.ACTIVE, created_at=now, updated_at=now,
    ) for i, c in enumerate(countries()) for k in range(AUTHORITIES_PER_COUNTRY)])


def _migrated(path: Path) -> sqlite3.Connection:
    """A new database with the schema, the rollup triggers and the authorities; tuned for loading."""
    path.unlink(missing_ok=True)

    async def migrate() -> None:
        await db.upgrade(f"sqlite://{path}")
        await db.close()
        await db.init(f"sqlite://{path}")
        await _authorities()
        await db.close()

    asyncio.run(migrate())
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    return conn


def _upgrade(path: Path) -> None:
    async def upgrade() -> None:
        await db.upgrade(f"sqlite://{path}")
        await db.close()

    asyncio.run(upgrade())


INSERT = f"INSERT INTO exchange ({', '.join(COLUMNS)}) VALUES ({', '.join('?' for _ in COLUMNS)})"


def load(path: Path, total: int) -> dict[str, float]:
    """A migrated database with `total` requests; returns how long the insert took."""
    conn = _migrated(path)
    generated = rows(total)
    started, spent_inserting = time.perf_counter(), 0.0
    while True:
        batch = [row for _, row in zip(range(BATCH), generated, strict=False)]
        if not batch:
            break
        begin = time.perf_counter()
        conn.executemany(INSERT, batch)
        conn.commit()
        spent_inserting += time.perf_counter() - begin
    elapsed = time.perf_counter() - started
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return {"load_seconds": elapsed, "insert_seconds": spent_inserting}


def insert_rates(count: int, directory: Path) -> tuple[float, float]:
    """Requests inserted per second into a new database, with the rollup triggers and without them."""
    from imi.statistics import rollup
    from imi.statistics.sql import Dialect

    generated = list(rows(count, seed=7))
    rates = []
    for triggers in (True, False):
        path = directory / f"statistics-insert-rate-{triggers}.sqlite3"
        conn = _migrated(path)
        if not triggers:
            for statement in rollup.drop_trigger_statements(Dialect(postgres=False)):
                conn.execute(statement)
        began = time.perf_counter()
        for start in range(0, count, BATCH):
            conn.executemany(INSERT, generated[start:start + BATCH])
            conn.commit()
        rates.append(count / (time.perf_counter() - began))
        conn.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    return rates[0], rates[1]


def export(sqlite_path: Path, parquet: Path) -> None:
    """The exchanges' statistics columns as Parquet (UTC timestamps without offset)."""
    import duckdb

    staging = parquet.with_suffix(".csv")
    conn = sqlite3.connect(sqlite_path)
    select = ", ".join(f"substr({c}, 1, 19)" if PARQUET_TYPES[c] == "TIMESTAMP" else c for c in EXPORTED)
    with staging.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(EXPORTED)
        cursor = conn.execute(f"SELECT {select} FROM exchange ORDER BY id")
        while chunk := cursor.fetchmany(50_000):
            writer.writerows(chunk)
    conn.close()
    columns = ", ".join(f"'{c}': '{t}'" for c, t in PARQUET_TYPES.items())
    duck = duckdb.connect()
    duck.execute(f"COPY (SELECT * FROM read_csv('{staging}', header = true, columns = {{{columns}}})) "
                 f"TO '{parquet}' (FORMAT parquet)")
    duck.close()
    staging.unlink()


def ensure(total: int, directory: Path) -> BenchData:
    """The cached data of this size, generated first if missing."""
    directory.mkdir(parents=True, exist_ok=True)
    stem = directory / f"statistics-v{VERSION}-{total}"
    sqlite_path, parquet, marker = (stem.with_suffix(".sqlite3"), stem.with_suffix(".parquet"),
                                    stem.with_suffix(".json"))
    if marker.exists() and sqlite_path.exists() and parquet.exists():
        _upgrade(sqlite_path)  # migrations added since the data was generated (rollups fill themselves)
        return BenchData(total, sqlite_path, parquet, json.loads(marker.read_text()))
    print(f"generating {total:,} requests into {sqlite_path.name} (once)…", file=sys.stderr)
    facts = load(sqlite_path, total)
    began = time.perf_counter()
    export(sqlite_path, parquet)
    facts["export_seconds"] = time.perf_counter() - began
    facts["sqlite_mb"] = sqlite_path.stat().st_size / 1e6
    facts["parquet_mb"] = parquet.stat().st_size / 1e6
    marker.write_text(json.dumps(facts))
    return BenchData(total, sqlite_path, parquet, facts)
