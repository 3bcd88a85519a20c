"""Foundation benchmarks, at the real system's size (demo data at scale 100), through a real uvicorn server.

1. The "my work" lists: `exchanges(input: {box: …, first: 50})` for a busy official, with the fields a list
   view shows: p50/p95 latency over N runs and the SQL statements per request (server-side count, header
   `X-Query-Count`, see `imi.diagnostics`).
2. Workflow writes: concurrent clients each running create → send → accept → answer → close through GraphQL:
   completed actions per second and p50/p95 per action.

Both on SQLite, and on PostgreSQL when it answers (IMI_BENCH_POSTGRES_URL, default the local server). The
seeded databases are cached in var/bench/ (SQLite file; PostgreSQL template database) keyed by seed, scale
and schema, so re-runs start at once. Prints a markdown section on stdout; progress goes to stderr. It reports
times and never judges them.

    python bench/foundation_bench.py [--scale 100] [--runs 200] [--clients 8] [--rounds 25]
"""

import argparse
import asyncio
import hashlib
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

ROOT = Path(__file__).resolve().parents[1]
BACKEND = ROOT / "backend"
CACHE = ROOT / "var" / "bench"
PASSWORD = "demo-password-2024"
BUSY_OFFICIAL = "de.official@demo.imi.example"
COORDINATOR = "de.coordinator@demo.imi.example"
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"
console = Console(stderr=True)

LIST = """query($box: Box!, $after: String) { exchanges(input: {box: $box, first: 50, after: $after}) {
  pageInfo { hasNextPage endCursor }
  edges { node { id reference state subject updatedAt deadline { date daysLeft overdue }
    requestingAuthority { officialName countryCode } respondingAuthority { officialName countryCode } } } } }"""
SIGN_IN = """mutation($input: SignInInput!) { signIn(input: $input) {
  __typename ... on SignInSuccess { csrfToken user { authority { id } } } } }"""
RESULT = "__typename ... on ExchangeSuccess { exchange { id version state } } ... on Error { message }"
CREATE = f"mutation($input: CreateRequestInput!) {{ createRequest(input: $input) {{ {RESULT} }} }}"
SEND = f"mutation($input: SendRequestInput!) {{ sendRequest(input: $input) {{ {RESULT} }} }}"
ACCEPT = f"mutation($input: AcceptRequestInput!) {{ acceptRequest(input: $input) {{ {RESULT} }} }}"
ANSWER = f"mutation($input: AnswerRequestInput!) {{ answerRequest(input: $input) {{ {RESULT} }} }}"
CLOSE = f"mutation($input: CloseRequestInput!) {{ closeRequest(input: $input) {{ {RESULT} }} }}"
BOXES = ("ALL", "TO_ACCEPT", "TO_ANSWER", "OVERDUE", "NEAR_DEADLINE", "TO_REVIEW", "DRAFTS", "SENT")
ACTIONS = ("create", "send", "accept", "answer", "close")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _progress() -> Progress:
    return Progress(TextColumn("{task.description:<34}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=console)


# -- seeding, cached ---------------------------------------------------------------------------------------

def cache_key(seed: int, scale: float) -> str:
    """Seed, scale and everything that shapes the stored data: migrations and the demo generator."""
    digest = hashlib.sha256(f"{seed}:{scale}".encode())
    for folder in (BACKEND / "imi" / "migrations", BACKEND / "imi" / "demo"):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in {".py", ".yaml"}:
                digest.update(path.relative_to(ROOT).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()[:12]


def _environment(database_url: str, var_dir: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(BACKEND), "IMI_DATABASE_URL": database_url, "IMI_VAR_DIR": str(var_dir),
            "IMI_COOKIE_SECURE": "false", "IMI_FRONTEND_DIR": str(var_dir / "no-frontend"), **extra}


def seed_database(database_url: str, scale: float, seed: int, var_dir: Path) -> float:
    """Run `imi seed demo` (its progress bars on the terminal); returns its duration in seconds."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "imi", "seed", "demo", "--scale", str(scale), "--seed", str(seed)],
                   env=_environment(database_url, var_dir), check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def sqlite_copy(scale: float, seed: int, work: Path) -> tuple[str, float | None]:
    """A fresh copy of the cached seeded SQLite database; seeds it first if the cache has none."""
    CACHE.mkdir(parents=True, exist_ok=True)
    cached = CACHE / f"foundation-{cache_key(seed, scale)}.sqlite3"
    seconds = None
    if not cached.exists():
        console.print(f"[bold]Seeding SQLite at scale {scale:g}[/] (cached as {cached.name})")
        partial = cached.with_suffix(".partial")
        for leftover in CACHE.glob(partial.name + "*"):
            leftover.unlink()
        seconds = seed_database(f"sqlite://{partial}", scale, seed, work)
        _checkpoint(partial)
        partial.rename(cached)
    target = work / "bench.sqlite3"
    shutil.copyfile(cached, target)
    return f"sqlite://{target}", seconds


def _checkpoint(path: Path) -> None:
    import sqlite3

    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


async def _pg(admin_url: str, *statements: str) -> list[Any]:
    import asyncpg

    connection = await asyncpg.connect(admin_url.replace("postgres://", "postgresql://", 1), timeout=5)
    try:
        found = []
        for statement in statements:
            found.append(await connection.fetch(statement))
        return found
    finally:
        await connection.close()


def _with_database(url: str, name: str) -> str:
    return url.rsplit("/", 1)[0] + "/" + name


def postgres_copy(admin_url: str, scale: float, seed: int, work: Path) -> tuple[str, float | None]:
    """A fresh database copied from the cached seeded template database; seeds the template first if missing."""
    template = f"imi_bench_{cache_key(seed, scale)}"
    exists = asyncio.run(_pg(admin_url, f"SELECT 1 FROM pg_database WHERE datname = '{template}'"))[0]
    seconds = None
    if not exists:
        console.print(f"[bold]Seeding PostgreSQL at scale {scale:g}[/] (cached as database {template})")
        partial = f"{template}_partial"
        asyncio.run(_pg(admin_url, f'DROP DATABASE IF EXISTS "{partial}"', f'CREATE DATABASE "{partial}"'))
        seconds = seed_database(_with_database(admin_url, partial), scale, seed, work)
        asyncio.run(_pg(admin_url, f'ALTER DATABASE "{partial}" RENAME TO "{template}"'))
    asyncio.run(_pg(admin_url, 'DROP DATABASE IF EXISTS "imi_bench_work"',
                    f'CREATE DATABASE "imi_bench_work" TEMPLATE "{template}"'))
    work_url = _with_database(admin_url, "imi_bench_work")
    asyncio.run(_pg(work_url, "ANALYZE"))  # a copied database starts without planner statistics
    return work_url, seconds


def postgres_available(admin_url: str) -> str | None:
    try:
        asyncio.run(_pg(admin_url, "SELECT 1"))
    except Exception as error:  # any failure to connect: skip PostgreSQL, saying why
        return f"{error.__class__.__name__}: {error}"
    return None


# -- the server ---------------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def server(database_url: str, work: Path) -> Iterator[tuple[str, str]]:
    """`imi serve` with the query counter on; if this app does not count yet, the same app wrapped in
    `imi.diagnostics.counted_app`. Yields the base URL and how the server was started."""
    for how in ("imi serve", "uvicorn imi.diagnostics:counted_app"):
        port = free_port()
        command = ([sys.executable, "-m", "imi", "serve", "--port", str(port)] if how == "imi serve" else
                   [sys.executable, "-m", "uvicorn", "imi.diagnostics:counted_app", "--factory", "--host",
                    "127.0.0.1", "--port", str(port), "--log-level", "warning"])
        log = work / f"server-{port}.log"
        with log.open("wb") as output:
            process = subprocess.Popen(command, env=_environment(database_url, work, IMI_COUNT_QUERIES="1"),
                                       stdout=output, stderr=subprocess.STDOUT)
            base = f"http://127.0.0.1:{port}"
            try:
                counted = _wait_until_up(base, process, log)
                if counted or how != "imi serve":
                    yield base, how
                    return
            finally:
                process.terminate()
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()


def _wait_until_up(base: str, process: subprocess.Popen[bytes], log: Path, timeout: float = 60) -> bool:
    """Wait for /healthz; True if the response carries the statement count."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited: {log.read_text(errors='replace')[-2000:]}")
        with suppress(httpx.HTTPError):
            response = httpx.get(f"{base}/healthz", timeout=2)
            if response.status_code == 200:
                return "x-query-count" in response.headers
        time.sleep(0.2)
    raise RuntimeError(f"the server did not start: {log.read_text(errors='replace')[-2000:]}")


class Session:
    """A signed-in official (cookie session with its CSRF token) over one HTTP client."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http
        self.headers: dict[str, str] = {}
        self.authority_id = ""

    async def sign_in(self, email: str) -> "Session":
        response = await self.http.post("/graphql", json={"query": SIGN_IN, "variables": {
            "input": {"email": email, "password": PASSWORD}}})
        result = response.json()["data"]["signIn"]
        if result["__typename"] != "SignInSuccess":
            raise RuntimeError(f"cannot sign in as {email}: {result}")
        self.headers = {"x-csrf-token": result["csrfToken"]}
        self.authority_id = result["user"]["authority"]["id"]
        return self

    async def call(self, query: str, variables: dict[str, Any]) -> tuple[dict[str, Any], float, int | None]:
        started = time.perf_counter()
        response = await self.http.post("/graphql", json={"query": query, "variables": variables},
                                        headers=self.headers)
        elapsed = time.perf_counter() - started
        body = response.json()
        if response.status_code != 200 or body.get("errors"):
            raise RuntimeError(f"GraphQL error: {response.status_code} {str(body)[:500]}")
        count = response.headers.get("x-query-count")
        return body["data"], elapsed, int(count) if count is not None else None


# -- 1. the lists -------------------------------------------------------------------------------------------

@dataclass
class ListResult:
    box: str
    rows: int
    latencies: list[float]
    queries: int | None


async def measure_lists(base: str, runs: int, progress: Progress) -> list[ListResult]:
    results = []
    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        official = await Session(http).sign_in(BUSY_OFFICIAL)
        task = progress.add_task("lists of a busy official", total=runs + (len(BOXES) - 1) * (runs // 4))
        for box in BOXES:
            count = runs if box == "ALL" else max(10, runs // 4)
            for _ in range(3):  # warm up
                await official.call(LIST, {"box": box})
            latencies, queries, rows = [], None, 0
            for _ in range(count):
                data, elapsed, queries = await official.call(LIST, {"box": box})
                latencies.append(elapsed)
                rows = len(data["exchanges"]["edges"])
                progress.advance(task)
            results.append(ListResult(box, rows, latencies, queries))
    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        coordinator = await Session(http).sign_in(COORDINATOR)
        latencies = []
        for _ in range(max(10, runs // 4)):
            data, elapsed, queries = await coordinator.call(LIST, {"box": "REFERRED"})
            latencies.append(elapsed)
        results.append(ListResult("REFERRED (coordinator)", len(data["exchanges"]["edges"]), latencies, queries))
    return results


# -- 2. workflow writes -------------------------------------------------------------------------------------

@dataclass
class WriteResult:
    clients: int
    rounds: int
    seconds: float
    per_action: dict[str, list[float]] = field(default_factory=dict)
    queries: dict[str, int | None] = field(default_factory=dict)
    errors: int = 0

    @property
    def actions(self) -> int:
        return sum(len(v) for v in self.per_action.values())


def _question() -> tuple[dict[str, Any], str]:
    """A yes/no question of the PQ request catalogue without parameters, and its answer input."""
    sys.path.insert(0, str(BACKEND))
    from imi.catalogue import AnswerType, catalogue

    item = next(i for i in catalogue("PQ_REQUEST").items()
                if i.type is AnswerType.YES_NO_DONT_KNOW and not i.parameters)
    return {"item": item.id, "parameters": []}, item.id


def _officials() -> list[str]:
    """The demo officials of distinct countries (they may send each other requests)."""
    sys.path.insert(0, str(BACKEND))
    from imi.demo.sign_ins import sign_ins

    entries = sign_ins()
    seen, found = set(), []
    for entry in entries.officials():
        if entry.country not in seen:
            seen.add(entry.country)
            found.append(entries.email(entry))
    return found


async def _client(base: str, requester: str, responder: str, rounds: int, result: WriteResult,
                  question: dict[str, Any], answer_item: str, progress: Progress, task: Any) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=120) as http_a, httpx.AsyncClient(
            base_url=base, timeout=120) as http_b:
        asking = await Session(http_a).sign_in(requester)
        answering = await Session(http_b).sign_in(responder)
        reply = (date.today() + timedelta(days=14)).isoformat()
        for _ in range(rounds):
            steps = [
                ("create", asking, CREATE, lambda e: {"procedure": "PQ_REQUEST", "subject": "Benchmark request",
                                                      "respondingAuthorityId": answering.authority_id,
                                                      "requestedReplyDate": reply, "questions": [question]}),
                ("send", asking, SEND, lambda e: {"exchangeId": e["id"], "version": e["version"]}),
                ("accept", answering, ACCEPT, lambda e: {"exchangeId": e["id"], "version": e["version"]}),
                ("answer", answering, ANSWER, lambda e: {"exchangeId": e["id"], "version": e["version"],
                                                         "answers": [{"item": answer_item, "yesNo": "YES"}]}),
                ("close", asking, CLOSE, lambda e: {"exchangeId": e["id"], "version": e["version"],
                                                    "timeliness": 5, "efforts": 4}),
            ]
            exchange: dict[str, Any] = {}
            for name, who, mutation, variables in steps:
                data, elapsed, queries = await who.call(mutation, {"input": variables(exchange)})
                outcome = next(iter(data.values()))
                if outcome["__typename"] != "ExchangeSuccess":
                    result.errors += 1
                    break
                exchange = outcome["exchange"]
                result.per_action.setdefault(name, []).append(elapsed)
                result.queries[name] = queries
                progress.advance(task)


async def measure_writes(base: str, clients: int, rounds: int, progress: Progress) -> WriteResult:
    officials = _officials()
    question, answer_item = _question()
    result = WriteResult(clients, rounds, 0.0)
    task = progress.add_task(f"workflow writes, {clients} clients", total=clients * rounds * len(ACTIONS))
    started = time.perf_counter()
    await asyncio.gather(*(
        _client(base, officials[i % len(officials)], officials[(i + 1) % len(officials)], rounds, result,
                question, answer_item, progress, task)
        for i in range(clients)
    ))
    result.seconds = time.perf_counter() - started
    return result


# -- report -------------------------------------------------------------------------------------------------

def _ms(value: float) -> str:
    return f"{value * 1000:.1f}"


def list_table(by_backend: dict[str, list[ListResult]]) -> list[str]:
    backends = list(by_backend)
    head = "| list (first 50) | rows |" + "".join(f" {b} p50 ms | {b} p95 ms | {b} SQL |" for b in backends)
    lines = [head, "|" + "---|" * (2 + 3 * len(backends))]
    if len(backends) == 2:
        lines[0] += f" p50 {backends[1]} / {backends[0]} |"
        lines[1] += "---|"
    for index, item in enumerate(by_backend[backends[0]]):
        row = f"| {item.box} | {item.rows} |"
        medians = []
        for backend in backends:
            other = by_backend[backend][index]
            medians.append(statistics.median(other.latencies))
            queries = "n/a" if other.queries is None else str(other.queries)
            row += f" {_ms(medians[-1])} | {_ms(percentile(other.latencies, 0.95))} | {queries} |"
        if len(backends) == 2:
            row += f" {medians[1] / medians[0]:.2f} |"
        lines.append(row)
    return lines


def write_table(by_backend: dict[str, WriteResult]) -> list[str]:
    backends = list(by_backend)
    lines = ["| measure |" + "".join(f" {b} |" for b in backends) + (" ratio |" if len(backends) == 2 else ""),
             "|" + "---|" * (1 + len(backends) + (len(backends) == 2))]

    def row(label: str, values: list[float], text: list[str]) -> None:
        ratio = f" {values[1] / values[0]:.2f} |" if len(values) == 2 and values[0] else (
            " |" if len(backends) == 2 else "")
        lines.append(f"| {label} |" + "".join(f" {t} |" for t in text) + ratio)

    rates = [r.actions / r.seconds for r in by_backend.values()]
    row("completed actions / s", rates, [f"{v:.1f}" for v in rates])
    for action in ACTIONS:
        p50 = [statistics.median(r.per_action.get(action, [0.0])) for r in by_backend.values()]
        p95 = [percentile(r.per_action.get(action, [0.0]), 0.95) for r in by_backend.values()]
        row(f"{action} p50 / p95 ms", p50, [f"{_ms(a)} / {_ms(b)}" for a, b in zip(p50, p95, strict=True)])
    queries = [[r.queries.get(a) for a in ACTIONS] for r in by_backend.values()]
    lines.append("| SQL per action (" + ", ".join(ACTIONS) + ") |"
                 + "".join(f" {', '.join('n/a' if q is None else str(q) for q in qs)} |" for qs in queries)
                 + (" |" if len(backends) == 2 else ""))
    errors = [r.errors for r in by_backend.values()]
    lines.append("| refused actions |" + "".join(f" {e} |" for e in errors) + (" |" if len(backends) == 2 else ""))
    return lines


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--scale", type=float, default=float(os.environ.get("IMI_BENCH_SCALE", "100")))
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--runs", type=int, default=int(os.environ.get("IMI_BENCH_RUNS", "200")))
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=25)
    parser.add_argument("--postgres", default=os.environ.get("IMI_BENCH_POSTGRES_URL", DEFAULT_POSTGRES),
                        help="An administrative PostgreSQL URL; 'none' to measure SQLite only.")
    parser.add_argument("--backends", default=os.environ.get("IMI_BENCH_BACKENDS", "sqlite,postgres"),
                        help="Which of sqlite,postgres to measure.")
    return parser.parse_args()


@dataclass
class Findings:
    lists: dict[str, list[ListResult]] = field(default_factory=dict)
    writes: dict[str, WriteResult] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def failed(self, what: str, error: Exception) -> None:
        console.print_exception()
        self.notes.append(f"{what} not measured: {error.__class__.__name__}: {str(error)[:300]}")


def measure_backend(name: str, prepare: Any, args: argparse.Namespace, work: Path, found: Findings) -> None:
    """Prepare the backend's database, serve it, and measure the lists and the writes (each on its own)."""
    try:
        url, seeded = prepare()
        if seeded is not None:
            found.notes.append(f"{name}: seeded scale {args.scale:g} in {seeded:.0f} s (cached for later runs).")
        with server(url, work) as (base, how), _progress() as progress:
            if how != "imi serve":
                found.notes.append(f"{name}: the app does not count SQL statements yet; the server ran as `{how}`.")
            try:
                found.lists[name] = asyncio.run(measure_lists(base, args.runs, progress))
            except Exception as error:  # report what was measured, and why this was not
                found.failed(f"{name} lists", error)
            try:
                found.writes[name] = asyncio.run(measure_writes(base, args.clients, args.rounds, progress))
            except Exception as error:
                found.failed(f"{name} writes", error)
    except Exception as error:  # the database or the server could not be prepared
        found.failed(name, error)


def report(args: argparse.Namespace, found: Findings) -> None:
    print("## Foundation: tracking lists and workflow writes\n")
    print(f"Demo data at scale {args.scale:g} (seed {args.seed}); one uvicorn worker per backend; "
          f"the busy official is `{BUSY_OFFICIAL}`. Latency is measured by the client over HTTP on 127.0.0.1; "
          "SQL statements are counted by the server for one request.\n")
    if found.lists:
        print(f"### The \"my work\" lists ({args.runs} runs of ALL, {max(10, args.runs // 4)} of each other box)\n")
        print("\n".join(list_table(found.lists)) + "\n")
    if found.writes:
        print(f"### Workflow writes ({args.clients} concurrent clients × {args.rounds} rounds of "
              "create → send → accept → answer → close)\n")
        print("\n".join(write_table(found.writes)) + "\n")
    for note in found.notes:
        print(f"- {note}")
    print()


def main() -> None:
    args = arguments()
    work = ROOT / "var" / "bench" / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    found = Findings()
    backends: list[tuple[str, Any]] = []
    if "sqlite" in args.backends:
        backends.append(("SQLite", lambda: sqlite_copy(args.scale, args.seed, work)))
    skipped = "not asked for" if "postgres" not in args.backends or args.postgres == "none" else None
    if skipped is None:
        skipped = postgres_available(args.postgres)
    if skipped is None:
        backends.append(("PostgreSQL", lambda: postgres_copy(args.postgres, args.scale, args.seed, work)))
    else:
        found.notes.append(f"PostgreSQL not measured: {skipped}")
    for name, prepare in backends:
        measure_backend(name, prepare, args, work, found)
    report(args, found)
    if not found.lists and not found.writes:
        sys.exit(1)


if __name__ == "__main__":
    main()
