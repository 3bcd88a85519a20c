"""Load benchmark: throughput of `imi serve` under concurrent clients, PostgreSQL with two workers beside SQLite
with one, in one run.

Each database gets a world of its own: a German and a Polish chamber, one pair of officials per client (signed
in), one request per client to work on and a backlog of requests filling the Polish chamber's lists. The server
runs as deployed (`imi serve`; on PostgreSQL `--workers 2`, with the local Redis between the workers when it
answers), with machine translation off and rate limits off (the clients all come from 127.0.0.1). Two phases of
`--seconds` each, with `--clients` clients running at once from this machine:

1. workflow actions: each client drives its own request through accept, then answer and request for further
   information in turn, each a GraphQL mutation of one official;
2. list reads: each client's Polish official reads a page of 20 of a work list (to accept, all), in turn.

Reported per database: completed requests per second, p50 and p95 latency as the clients saw it, and refused or
failed requests. Prints a markdown section on stdout; progress goes to stderr. It reports measurements and never
judges them.

    python bench/load_bench.py [--clients 16] [--seconds 15] [--backlog 300] [--postgres URL|none]
"""

import argparse
import asyncio
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from rich.console import Console

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "backend"))

console = Console(stderr=True)
DATABASE = "imi_load_bench"
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"
DEFAULT_REDIS = "redis://127.0.0.1:6379/0"
AREA = "PROFESSIONAL_QUALIFICATIONS"
PROCEDURE = "PQ_REQUEST"
QUESTIONS = [{"item": "pq.establishment.legally_established", "params": {"profession": "Zahnarzt"}}]
RESULT = "__typename ... on ExchangeSuccess { exchange { id version state } } ... on Error { message }"
ACCEPT = f"mutation($input: AcceptRequestInput!) {{ acceptRequest(input: $input) {{ {RESULT} }} }}"
ANSWER = f"mutation($input: AnswerRequestInput!) {{ answerRequest(input: $input) {{ {RESULT} }} }}"
FURTHER = f"mutation($input: MessageActionInput!) {{ requestFurtherInformation(input: $input) {{ {RESULT} }} }}"
LIST = """query($input: ExchangesInput!) { exchanges(input: $input) { edges { cursor node { id reference state
  subject deadline { date daysLeft overdue } requestingAuthority { officialName country { code } }
  respondingAuthority { officialName } } } pageInfo { hasNextPage endCursor } } }"""
BOXES = ("TO_ACCEPT", "ALL")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


# ---- the world ------------------------------------------------------------------------------------------------

@dataclass
class Pair:
    requester: dict[str, str]  # request headers of a signed-in official
    responder: dict[str, str]
    exchange: str  # the global ID of the request this pair works on


async def _session(user_id: int, now: datetime) -> dict[str, str]:
    from imi.accounts.models import Session
    from imi.accounts.secrets import digest, new_secret

    token, csrf = new_secret(), new_secret()
    await Session.create(token_hash=digest(token), csrf_token=csrf, user_id=user_id, created_at=now,
                         expires_at=now + timedelta(hours=4))
    return {"cookie": f"imi_session={token}", "x-csrf-token": csrf}


async def seed(url: str, clients: int, backlog: int) -> list[Pair]:
    """The chambers, a pair of officials per client with a sent request each, and the backlog of requests."""
    from imi import db
    from imi.accounts import service as accounts
    from imi.accounts.profiles import Profile
    from imi.authorities import service as authorities
    from imi.authorities.models import Authority, AuthorityStatus
    from imi.exchanges import service as exchanges
    from imi.graphql.ids import encode
    from imi.reference import procedures

    await db.upgrade(url)
    await db.init(url)
    now = datetime.now(UTC)
    codes = [p.code for p in procedures() if p.legal_area == AREA]
    chambers = {}
    for country, name in (("DE", "Landesärztekammer"), ("PL", "Okręgowa Izba Lekarska")):
        coordinator = await authorities.create_national_coordinator(authorities.AuthorityDetails(
            country=country, level="NATIONAL", official_name=f"IMI coordinator {country}", official_language="en",
        ), now)
        chamber = await Authority.create(country=country, level="NATIONAL", official_name=name,
                                         official_language="en", status=AuthorityStatus.ACTIVE,
                                         coordinator_id=coordinator.id, created_at=now, updated_at=now)
        await authorities._grant(chamber.id, AREA, codes, coordinator.id, now)
        chambers[country] = chamber

    async def official(country: str, n: int) -> tuple[int, dict[str, str]]:
        user = await accounts.create_user(email=f"official{n}@{country.lower()}.load.example", full_name=f"O {n}",
                                          authority_id=chambers[country].id, language="en",
                                          rights=[(AREA, Profile.REQUEST_HANDLER)], now=now)
        return user.id, await _session(user.id, now)

    async def sent(principal: Any) -> int:
        draft = exchanges.RequestDraft(procedure=PROCEDURE, subject="Anerkennung", questions=QUESTIONS,
                                       responding_authority_id=chambers["PL"].id,
                                       requested_reply_date=now.date() + timedelta(days=30))
        created = await exchanges.create_request(principal, draft, now)
        await exchanges.send(principal, created.id, created.version, now)
        return created.id

    pairs = []
    for n in range(clients):
        requester_id, requester = await official("DE", n)
        _, responder = await official("PL", n)
        principal = await accounts._user_principal(await accounts.User.get(id=requester_id))
        pairs.append(Pair(requester, responder, str(encode("Exchange", await sent(principal)))))
        if n == 0:
            for done in range(backlog):
                await sent(principal)
                if done % 100 == 99:
                    console.print(f"  backlog: {done + 1}/{backlog} requests")
    await db.close()
    return pairs


async def fresh_postgres(admin_url: str) -> str:
    import asyncpg

    conn = await asyncpg.connect(admin_url.replace("postgres://", "postgresql://", 1), timeout=5)
    try:
        await conn.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        await conn.execute(f"CREATE DATABASE {DATABASE}")
    finally:
        await conn.close()
    return admin_url.rsplit("/", 1)[0] + f"/{DATABASE}"


def _redis_answers(url: str) -> bool:
    host, _, port = url.split("//", 1)[1].split("/", 1)[0].partition(":")
    with suppress(OSError), socket.create_connection((host, int(port or 6379)), timeout=1) as sock:
        sock.sendall(b"PING\r\n")
        return sock.recv(16).startswith(b"+PONG")
    return False


# ---- the server ---------------------------------------------------------------------------------------------

@contextmanager
def serving(database_url: str, work: Path, workers: int, redis_url: str | None) -> Iterator[str]:
    """`imi serve` (with `workers` processes) on a free port; its base URL."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "backend"), "IMI_DATABASE_URL": database_url,
                   "IMI_VAR_DIR": str(work), "IMI_FRONTEND_DIR": str(work / "no-frontend"),
                   "IMI_COOKIE_SECURE": "false", "IMI_TRANSLATORS": "none", "IMI_LANGUAGE_DETECTOR": "off",
                   "IMI_RATE_LIMIT_ADDRESS": "0", "IMI_RATE_LIMIT_TOKEN": "0", "IMI_DEADLINE_INTERVAL": "0"}
    environment.pop("IMI_REDIS_URL", None)
    environment.pop("IMI_MEILI_URL", None)
    if redis_url:
        environment["IMI_REDIS_URL"] = f"{redis_url}?channel=imi-load-bench-{port}"
    log = (work / "server.log").open("wb")
    process = subprocess.Popen([sys.executable, "-m", "imi", "serve", "--port", str(port), "--workers", str(workers)],
                               env=environment, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the server exited: {(work / 'server.log').read_text(errors='replace')[-2000:]}")
            with suppress(httpx.HTTPError):
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError("the server did not start")
            time.sleep(0.2)
        yield base
    finally:
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        log.close()


# ---- the load -------------------------------------------------------------------------------------------------

@dataclass
class Phase:
    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0


async def _call(http: httpx.AsyncClient, headers: dict[str, str], query: str, variables: dict[str, Any],
                phase: Phase, field_name: str) -> dict[str, Any] | None:
    started = time.perf_counter()
    try:
        response = await http.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
    except httpx.HTTPError as error:
        phase.failures.append(repr(error))
        return None
    elapsed = time.perf_counter() - started
    body = response.json() if "json" in response.headers.get("content-type", "") else {}
    result = (body.get("data") or {}).get(field_name)
    if response.status_code != 200 or body.get("errors") or result is None:
        phase.failures.append(f"{response.status_code} {str(body)[:200]}")
        return None
    phase.latencies.append(elapsed)
    return dict(result)


async def _writer(http: httpx.AsyncClient, pair: Pair, until: float, phase: Phase) -> None:
    version, step = 2, 0
    steps = [(pair.responder, ACCEPT, "acceptRequest", {}),
             (pair.responder, ANSWER, "answerRequest", {"message": "Eingetragen seit 2015."}),
             (pair.requester, FURTHER, "requestFurtherInformation", {"message": "Bitte die Fachrichtung."})]
    while time.monotonic() < until:
        headers, query, name, extra = steps[step]
        result = await _call(http, headers, query, {"input": {"exchangeId": pair.exchange, "version": version,
                                                              **extra}}, phase, name)
        if result is None or result.get("__typename") != "ExchangeSuccess":
            if result is not None:
                phase.failures.append(str(result)[:200])
            return
        version = result["exchange"]["version"]
        step = 1 if step == 2 else step + 1


async def _reader(http: httpx.AsyncClient, pair: Pair, until: float, phase: Phase) -> None:
    n = 0
    while time.monotonic() < until:
        box = BOXES[n % len(BOXES)]
        await _call(http, pair.responder, LIST, {"input": {"box": box, "first": 20}}, phase, "exchanges")
        n += 1


async def measure(base: str, pairs: list[Pair], seconds: float) -> tuple[Phase, Phase]:
    limits = httpx.Limits(max_connections=len(pairs) + 4)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as http:
        await _call(http, pairs[0].responder, LIST, {"input": {"box": "ALL", "first": 20}}, Phase(), "exchanges")
        phases = []
        for worker in (_writer, _reader):
            phase = Phase()
            started = time.monotonic()
            await asyncio.gather(*(worker(http, pair, started + seconds, phase) for pair in pairs))
            phase.seconds = time.monotonic() - started
            phases.append(phase)
        return phases[0], phases[1]


# ---- the run ----------------------------------------------------------------------------------------------------

@dataclass
class Row:
    label: str
    workers: int
    writes: Phase
    reads: Phase


def run_backend(label: str, url: str, workers: int, redis_url: str | None, args: argparse.Namespace) -> Row:
    with tempfile.TemporaryDirectory(prefix="imi-load-") as directory:
        work = Path(directory)
        if url == "sqlite":
            url = f"sqlite://{work / 'imi.sqlite3'}"
        console.print(f"[bold]load:[/] {label}: seeding {args.clients} pairs and {args.backlog} requests")
        pairs = asyncio.run(seed(url, args.clients, args.backlog))
        console.print(f"[bold]load:[/] {label}: {workers} worker(s), {args.clients} clients, "
                      f"{args.seconds:g} s a phase")
        with serving(url, work, workers, redis_url) as base:
            writes, reads = asyncio.run(measure(base, pairs, args.seconds))
    return Row(label, workers, writes, reads)


def report(rows: list[Row], args: argparse.Namespace, notes: list[str]) -> None:
    print("## Load: throughput under concurrent clients\n")
    print(f"{args.clients} clients at once on this machine (beside the server), {args.seconds:g} s per phase; "
          "workflow actions are GraphQL mutations (accept, answer, request for further information), list reads "
          "a page of 20 of a work list. Latency as the clients saw it.\n")
    print("| database | workers | workflow actions/s | p50 | p95 | list reads/s | p50 | p95 | refused or failed |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        w, r = row.writes, row.reads
        print(f"| {row.label} | {row.workers} | {w.rate:.0f} | {percentile(w.latencies, 0.5) * 1000:.0f} ms | "
              f"{percentile(w.latencies, 0.95) * 1000:.0f} ms | {r.rate:.0f} | "
              f"{percentile(r.latencies, 0.5) * 1000:.0f} ms | {percentile(r.latencies, 0.95) * 1000:.0f} ms | "
              f"{len(w.failures) + len(r.failures)} |")
    print()
    if len(rows) == 2 and rows[0].writes.rate and rows[1].writes.rate:
        first, second = rows
        print(f"{first.label} against {second.label}: {first.writes.rate / second.writes.rate:.2f}× the workflow "
              f"actions, {first.reads.rate / second.reads.rate:.2f}× the list reads per second.\n")
    for note in notes:
        print(f"{note}\n")
    for row in rows:
        for failure in (row.writes.failures + row.reads.failures)[:1]:
            print(f"{row.label}: first failure: `{failure}`\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=int(os.environ.get("IMI_BENCH_LOAD_CLIENTS", "16")))
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("IMI_BENCH_LOAD_SECONDS", "15")))
    parser.add_argument("--backlog", type=int, default=int(os.environ.get("IMI_BENCH_LOAD_BACKLOG", "300")))
    parser.add_argument("--postgres", default=os.environ.get("IMI_BENCH_POSTGRES_URL", DEFAULT_POSTGRES),
                        help="an administrative URL; `none` measures SQLite only")
    parser.add_argument("--redis", default=os.environ.get("IMI_BENCH_REDIS_URL", DEFAULT_REDIS))
    args = parser.parse_args()
    rows, notes = [], []
    if args.postgres != "none":
        try:
            url = asyncio.run(fresh_postgres(args.postgres))
        except (OSError, Exception) as error:  # any failure to reach PostgreSQL: measure SQLite alone, saying why
            notes.append(f"PostgreSQL was not measured: {error.__class__.__name__}: {error}")
        else:
            redis_url = args.redis if _redis_answers(args.redis) else None
            if redis_url is None:
                notes.append("Redis did not answer: the two workers ran without it (in-process event bus, "
                             "rate limits per worker).")
            rows.append(run_backend("PostgreSQL", url, 2, redis_url, args))
    rows.append(run_backend("SQLite", "sqlite", 1, None, args))
    report(rows, args, notes)


if __name__ == "__main__":
    main()
