"""Event stream benchmark: two app workers behind Redis, 1,000 partner-tool subscribers, alerts driven through
GraphQL; delivery latency from commit to receipt, and events delivered per second.

The installation: PostgreSQL (a database of its own, `imi_events_bench`, made afresh), the local Redis on a
channel of its own, two `imi serve` workers. The world: the 30 national coordinators (each receives every
professional-qualification alert for its country, in the limited view, and allocates it) and competent
authorities spread over the countries, each with its partner tool: one token-authenticated subscriber per
authority on `exchangeEvents`, connected alternately to the two workers (1,000 in all by default). The load:
`--drivers` officials each running alert after alert (create, submit, validate by its coordinator, allocation to
three authorities of one receiving country, comments, close), at up to the given workflow actions per second
in all, one phase per rate of `--rates`, their mutations alternating between the workers. Each event reaches
the partner tools of the authorities that take part (the coordinators, the sender, the allocated authorities).

Latency runs from the commit (the moment the committing mutation's response reached its driver) to the
subscriber's receipt; the latency from the event's `at` (the instant the committing request started) is given
too, as an upper bound. All processes run on this machine and share its clock. Prints a markdown section on
stdout; progress goes to stderr. It reports measurements and never judges them.

    python bench/events_bench.py [--subscribers 1000] [--seconds 45] [--rates 10,25] [--drivers 8]
"""

import argparse
import asyncio
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import websockets
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from websockets.typing import Subprotocol

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "backend"))

console = Console(stderr=True)
PASSWORD = "bench-password-2026"
DATABASE = "imi_events_bench"
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"
DEFAULT_REDIS = "redis://127.0.0.1:6379/0"
PROTOCOL = Subprotocol("graphql-transport-ws")
AREA = "PROFESSIONAL_QUALIFICATIONS"
SENDER_COUNTRIES = ("DE", "FR", "ES", "IT", "NL", "SE")
ALLOCATED = 3  # authorities an alert is allocated to in its receiving country
EVENTS = """subscription($after: String) { exchangeEvents(input: {after: $after, kinds: [ALERT]}) {
  cursor action at exchange { id state limitedView } } }"""
SIGN_IN = """mutation($input: SignInInput!) { signIn(input: $input) {
  __typename ... on SignInSuccess { csrfToken } } }"""
RESULT = "__typename ... on ExchangeSuccess { exchange { id version } } ... on Error { message }"
CREATE = f"mutation($input: CreateBroadcastInput!) {{ createBroadcast(input: $input) {{ {RESULT} }} }}"
SUBMIT = f"mutation($input: BroadcastStepInput!) {{ submitAlert(input: $input) {{ {RESULT} }} }}"
VALIDATE = f"mutation($input: BroadcastStepInput!) {{ validateAlert(input: $input) {{ {RESULT} }} }}"
CLOSE = f"mutation($input: BroadcastStepInput!) {{ closeBroadcast(input: $input) {{ {RESULT} }} }}"
HAND_ON = """mutation($input: HandOnInput!) { handOnBroadcast(input: $input) {
  __typename ... on HandOnSuccess { added } ... on Error { message } } }"""
COMMENT = """mutation($input: AddMessageInput!) { addMessage(input: $input) {
  __typename ... on MessageSuccess { exchangeMessage { id } } ... on Error { message } } }"""


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _progress() -> Progress:
    return Progress(TextColumn("{task.description:<40}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=console)


# -- the installation ---------------------------------------------------------------------------------------

async def fresh_database(admin_url: str) -> str:
    """Drop and create the benchmark's own database; its URL."""
    import asyncpg

    conn = await asyncpg.connect(admin_url.replace("postgres://", "postgresql://", 1), timeout=5)
    try:
        await conn.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        await conn.execute(f"CREATE DATABASE {DATABASE}")
    finally:
        await conn.close()
    return admin_url.rsplit("/", 1)[0] + f"/{DATABASE}"


@dataclass
class World:
    coordinators: dict[str, str] = field(default_factory=dict)  # country → coordinator's e-mail
    coordinator_ids: dict[str, int] = field(default_factory=dict)  # country → its authority id
    senders: list[tuple[str, str]] = field(default_factory=list)  # (e-mail, country)
    handlers: dict[str, list[int]] = field(default_factory=dict)  # country → authority ids
    tokens: list[str] = field(default_factory=list)  # one partner tool per authority
    countries: list[str] = field(default_factory=list)  # the country of each token's authority


async def seed(url: str, subscribers: int, progress: Progress) -> World:
    """The coordinators, the senders and the other competent authorities, each with a partner-tool token."""
    from imi import db
    from imi.accounts import service as accounts
    from imi.accounts.profiles import Profile
    from imi.authorities import service as authorities
    from imi.authorities.models import Authority, AuthorityStatus
    from imi.reference import countries, procedures

    await db.upgrade(url)
    await db.init(url)
    now = datetime.now(UTC)
    codes = [p.code for p in procedures() if p.legal_area == AREA]
    world = World()
    coordinating: list[tuple[str | None, Profile]] = [
        (None, Profile.VALIDATOR), (None, Profile.ALLOCATOR), (None, Profile.ALERT_HANDLER)]
    handling: list[tuple[str | None, Profile]] = [(AREA, Profile.ALERT_HANDLER), (AREA, Profile.REQUEST_HANDLER)]
    scopes = ["events:subscribe", "exchanges:read", "personal-data:read"]
    eea = [c.code for c in countries()]
    task = progress.add_task("authorities and their partner tools", total=max(subscribers, len(eea)))

    async def official(authority_id: int, email: str, rights: list[tuple[str | None, Profile]],
                       password: str | None = None, country: str = "") -> None:
        user = await accounts.create_user(email=email, full_name=f"Official {email}", authority_id=authority_id,
                                          language="en", rights=rights, now=now, password=password)
        token = await accounts.create_token(name="back office", scopes=scopes, days=2, now=now, user_id=user.id)
        world.tokens.append(token.plaintext)
        world.countries.append(country)
        progress.advance(task)

    async def competent(country: str, name: str) -> int:
        authority = await Authority.create(country=country, level="NATIONAL", official_name=name,
                                           official_language="en", status=AuthorityStatus.ACTIVE,
                                           coordinator_id=world.coordinator_ids[country], created_at=now,
                                           updated_at=now)
        await authorities._grant(authority.id, AREA, codes, world.coordinator_ids[country], now)
        return authority.id

    for country in eea:
        coordinator = await authorities.create_national_coordinator(authorities.AuthorityDetails(
            country=country, level="NATIONAL", official_name=f"National IMI coordinator {country}",
            official_language="en"), now)
        email = f"coordinator@{country.lower()}.bench.example"
        world.coordinators[country], world.coordinator_ids[country] = email, coordinator.id
        await official(coordinator.id, email, coordinating, PASSWORD, country)
    for country in SENDER_COUNTRIES:
        email = f"sender@{country.lower()}.bench.example"
        await official(await competent(country, f"Chamber {country}"), email, handling, PASSWORD, country)
        world.senders.append((email, country))
    for i in range(max(0, subscribers - len(world.tokens))):
        country = eea[i % len(eea)]
        handler = await competent(country, f"Competent authority {country} {i}")
        world.handlers.setdefault(country, []).append(handler)
        await official(handler, f"handler{i}@{country.lower()}.bench.example", handling, country=country)
    await db.close()
    return world


@contextmanager
def workers(database_url: str, redis_url: str, work: Path, count: int = 2) -> Iterator[list[str]]:
    """`count` app workers on one database behind Redis; their base URLs."""
    processes: list[subprocess.Popen[bytes]] = []
    bases = []
    try:
        for _ in range(count):
            port = _free_port()
            log = (work / f"worker-{port}.log").open("wb")
            environment = {**os.environ, "PYTHONPATH": str(ROOT / "backend"), "IMI_DATABASE_URL": database_url,
                           "IMI_REDIS_URL": redis_url, "IMI_VAR_DIR": str(work), "IMI_ENV": "test",
                           "IMI_COOKIE_SECURE": "false", "IMI_FRONTEND_DIR": str(work / "no-frontend"),
                           "IMI_LANGUAGE_DETECTOR": "off", "IMI_TRANSLATORS": "none",  # not measured here
                           "IMI_SEARCH_DIR": str(work / f"search-{port}")}  # an embedded index per process
            processes.append(subprocess.Popen([sys.executable, "-m", "imi", "serve", "--port", str(port)],
                                              env=environment, stdout=log, stderr=subprocess.STDOUT))
            bases.append(f"http://127.0.0.1:{port}")
        for base, process in zip(bases, processes, strict=True):
            _wait_until_up(base, process)
        yield bases
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(base: str, process: subprocess.Popen[bytes], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"a worker exited with code {process.returncode}")
        with suppress(httpx.HTTPError):
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                return
        time.sleep(0.2)
    raise RuntimeError(f"the worker at {base} did not start")


# -- the subscribers ----------------------------------------------------------------------------------------

Key = tuple[str, str, int]  # (exchange id, action, how many times before this action happened to that exchange)


@dataclass
class Received:
    """What the subscribers received while one phase was measured."""

    receipts: list[tuple[Key, float, float]] = field(default_factory=list)  # (key, `at`, received), since `since`
    committed: dict[Key, float] = field(default_factory=dict)  # when the committing mutation's response came
    errors: list[str] = field(default_factory=list)
    since: float = float("inf")  # events committed from then on are measured (earlier ones are replayed history)

    @property
    def deliveries(self) -> int:
        return len(self.receipts)


@dataclass
class Phase:
    """One load level: its target, what was driven, and what was received."""

    rate: float
    received: Received = field(default_factory=Received)
    actions: int = 0
    seconds: float = 0.0
    mutations: list[float] = field(default_factory=list)


@dataclass
class Sink:
    """Where the subscribers record what they receive: the phase being measured."""

    current: Received = field(default_factory=Received)


class Subscriber:
    """One partner tool on one worker: records when each event arrives."""

    def __init__(self, base: str, token: str, sink: "Sink") -> None:
        self.url = base.replace("http://", "ws://") + "/graphql"
        self.token = token
        self.sink = sink
        self.connection: Any = None
        self.warm = asyncio.Event()
        self.task: asyncio.Task[None] | None = None
        self.counts: dict[tuple[str, str], int] = {}

    async def connect(self) -> None:
        self.connection = await websockets.connect(self.url, subprotocols=[PROTOCOL], open_timeout=60,
                                                   ping_interval=None, max_queue=None)
        await self.connection.send(json.dumps({"type": "connection_init", "payload": {"token": self.token}}))
        ack = json.loads(await asyncio.wait_for(self.connection.recv(), 60))
        if ack.get("type") != "connection_ack":
            raise RuntimeError(f"connection refused: {ack}")
        await self.connection.send(json.dumps({"id": "1", "type": "subscribe", "payload": {
            "query": EVENTS, "variables": {"after": "0"}}}))  # its history first: a sign that it follows
        self.task = asyncio.create_task(self._read())

    async def _read(self) -> None:
        with suppress(websockets.ConnectionClosed):
            async for raw in self.connection:
                now = time.time()
                received = self.sink.current
                message = json.loads(raw)
                if message.get("type") != "next" or message["payload"].get("errors"):
                    received.errors.append(str(message)[:300])
                    continue
                event = message["payload"]["data"]["exchangeEvents"]
                self.warm.set()
                pair = (event["exchange"]["id"], event["action"])
                self.counts[pair] = count = self.counts.get(pair, -1) + 1
                at = datetime.fromisoformat(event["at"]).timestamp()
                if at >= received.since:
                    received.receipts.append(((*pair, count), at, now))

    async def close(self) -> None:
        if self.connection is not None:
            await self.connection.close()
        if self.task is not None:
            with suppress(asyncio.CancelledError, websockets.ConnectionClosed):
                await self.task


# -- the load -----------------------------------------------------------------------------------------------

MUTATIONS: list[float] = []  # the round trip of every workflow action while measuring, in seconds


class Official:
    """A signed-in official; mutations alternate between the workers."""

    def __init__(self, clients: list[httpx.AsyncClient]) -> None:
        self.clients = clients
        self.turn = random.randrange(len(clients))
        self.headers: dict[str, str] = {}
        self.cookies: dict[str, str] = {}

    async def sign_in(self, email: str) -> "Official":
        response = await self.clients[0].post("/graphql", json={"query": SIGN_IN, "variables": {
            "input": {"email": email, "password": PASSWORD}}})
        result = response.json()["data"]["signIn"]
        if result["__typename"] != "SignInSuccess":
            raise RuntimeError(f"cannot sign in as {email}: {result}")
        self.headers = {"x-csrf-token": result["csrfToken"]}
        self.cookies = dict(response.cookies)
        for client in self.clients:
            client.cookies.clear()
        return self

    async def call(self, query: str, variables: dict[str, Any]) -> dict[str, Any]:
        self.turn = (self.turn + 1) % len(self.clients)
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        started = time.perf_counter()
        response = await self.clients[self.turn].post("/graphql", json={"query": query, "variables": variables},
                                                      headers={**self.headers, "cookie": cookie})
        self.clients[self.turn].cookies.clear()
        MUTATIONS.append(time.perf_counter() - started)
        body = response.json()
        if response.status_code != 200 or body.get("errors"):
            raise RuntimeError(f"GraphQL error: {response.status_code} {str(body)[:300]}")
        return body["data"]


def _ok(data: dict[str, Any], name: str) -> dict[str, Any]:
    result = data[name]
    if result["__typename"] not in ("ExchangeSuccess", "HandOnSuccess", "MessageSuccess"):
        raise RuntimeError(f"{name} refused: {result}")
    return result


class Pace:
    """At most `rate` workflow actions per second over all drivers."""

    def __init__(self, rate: float) -> None:
        self.interval = 1.0 / rate
        self.next = time.monotonic()
        self.done = 0

    async def turn(self) -> None:
        self.next = max(self.next + self.interval, time.monotonic() - 1.0)
        delay = self.next - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        self.done += 1


async def alert_story(sender: Official, sender_country: str, coordinators: dict[str, Official], world: World,
                      pace: Pace, comments: int = 3, receiving: str | None = None, allocated: int = ALLOCATED,
                      committed: dict[Key, float] | None = None) -> None:
    """One alert from creation to closure: 6 + `comments` events; when each was committed (its mutation's
    response) goes to `committed`."""
    committed = {} if committed is None else committed
    today = datetime.now(UTC).date()
    await pace.turn()
    draft = _ok(await sender.call(CREATE, {"input": {
        "procedure": "PQ_ALERT", "subject": "Berufsverbot", "form": alert_form(today - timedelta(days=1)),
        "decisionDate": (today - timedelta(days=1)).isoformat()}}), "createBroadcast")["exchange"]
    committed[(draft["id"], "CREATE", 0)] = time.time()
    await pace.turn()
    step = _ok(await sender.call(SUBMIT, {"input": {"exchangeId": draft["id"], "version": draft["version"]}}),
               "submitAlert")["exchange"]
    committed[(draft["id"], "SUBMIT", 0)] = time.time()
    await pace.turn()
    step = _ok(await coordinators[sender_country].call(VALIDATE, {"input": {
        "exchangeId": draft["id"], "version": step["version"]}}), "validateAlert")["exchange"]
    committed[(draft["id"], "VALIDATE", 0)] = time.time()
    country = receiving or random.choice([c for c in world.handlers if c != sender_country])
    chosen = random.sample(world.handlers[country], min(allocated, len(world.handlers[country])))
    await pace.turn()
    _ok(await coordinators[country].call(HAND_ON, {"input": {"exchangeId": draft["id"], "authorityIds": [
        _gid(a) for a in chosen]}}), "handOnBroadcast")
    committed[(draft["id"], "ALLOCATE", 0)] = time.time()
    for i in range(comments):
        await pace.turn()
        _ok(await sender.call(COMMENT, {"input": {"exchangeId": draft["id"], "text": f"Hinweis {i}"}}),
            "addMessage")
        committed[(draft["id"], "ADD_MESSAGE", i)] = time.time()
    await pace.turn()
    _ok(await sender.call(CLOSE, {"input": {"exchangeId": draft["id"], "version": step["version"]}}),
        "closeBroadcast")
    committed[(draft["id"], "CLOSE", 0)] = time.time()


def alert_form(decided: date) -> list[dict[str, Any]]:
    """Every required item of the PQ alert's form, with a plausible value of its type."""
    from imi.catalogue import catalogue
    from imi.catalogue.model import AnswerType

    samples: dict[AnswerType, dict[str, Any]] = {
        AnswerType.YES_NO_DONT_KNOW: {"yesNo": "NO"}, AnswerType.DATE: {"date": decided.isoformat()},
        AnswerType.NUMBER: {"number": 1}, AnswerType.TEXT: {"text": "Angaben laut Bescheid"},
    }
    form = []
    for item in catalogue("PQ_ALERT").items():
        if not item.required:
            continue
        if item.type is AnswerType.SINGLE_CHOICE:
            value: dict[str, Any] = {"choice": item.options[0].id}
        elif item.type is AnswerType.MULTIPLE_CHOICE:
            value = {"choices": [item.options[0].id]}
        else:
            value = samples[item.type]
        form.append({"item": item.id, **value})
    return form


def _gid(authority_id: int) -> str:
    from imi.graphql.ids import encode

    return encode("Authority", authority_id)


async def preload(world: World, senders: list[tuple["Official", str]], coordinators: dict[str, "Official"],
                  progress: Progress) -> None:
    """Before the subscribers connect: in every country an alert allocated to all its authorities, so that each
    partner tool has a history to replay when it subscribes (the sign that its subscription follows)."""
    countries = list(world.handlers)
    task = progress.add_task("history: an alert for every authority", total=len(countries))
    pace = Pace(1000)

    async def reach(index: int, country: str) -> None:
        others = [(s, c) for s, c in senders if c != country]
        sender, sender_country = others[index % len(others)]
        await alert_story(sender, sender_country, coordinators, world, pace, 0, country,
                          allocated=len(world.handlers[country]))
        progress.advance(task)

    for start in range(0, len(countries), 6):
        await asyncio.gather(*(reach(i, c) for i, c in enumerate(countries[start:start + 6], start)))


async def followed(people: list["Subscriber"], progress: Progress, seconds: float = 60) -> int:
    """Wait until every subscriber has received its history; how many had not within `seconds`."""
    task = progress.add_task("subscribers replaying their history", total=len(people))
    deadline = time.monotonic() + seconds
    while not all(p.warm.is_set() for p in people) and time.monotonic() < deadline:
        progress.update(task, completed=sum(p.warm.is_set() for p in people))
        await asyncio.sleep(0.2)
    progress.update(task, completed=sum(p.warm.is_set() for p in people))
    return sum(not p.warm.is_set() for p in people)


async def measure(bases: list[str], world: World, rates: list[float], seconds: float, drivers: int,
                  progress: Progress) -> tuple[list[Phase], int]:
    """Connect the subscribers once, then drive each rate for `seconds`; the phases, and how many subscribers
    had not received their history when measuring began."""
    sink = Sink()
    limits = httpx.Limits(max_connections=50)
    clients = [httpx.AsyncClient(base_url=base, timeout=60, limits=limits) for base in bases]
    people = [Subscriber(bases[i % len(bases)], token, sink) for i, token in enumerate(world.tokens)]
    try:
        coordinators = {c: await Official(clients).sign_in(e) for c, e in world.coordinators.items()}
        senders = [(await Official(clients).sign_in(email), country) for email, country in world.senders]
        await preload(world, senders, coordinators, progress)
        task = progress.add_task(f"connecting {len(people)} subscribers", total=len(people))
        for batch in range(0, len(people), 50):
            await asyncio.gather(*(p.connect() for p in people[batch:batch + 50]))
            progress.advance(task, len(people[batch:batch + 50]))
        cold = await followed(people, progress)
        phases = []
        for rate in rates:
            phase = Phase(rate)
            sink.current = phase.received
            await drive(phase, senders, coordinators, world, seconds, drivers, progress)
            phases.append(phase)
        return phases, cold
    finally:
        await asyncio.gather(*(p.close() for p in people), return_exceptions=True)
        for client in clients:
            await client.aclose()


async def drive(phase: Phase, senders: list[tuple[Official, str]], coordinators: dict[str, Official], world: World,
                seconds: float, drivers: int, progress: Progress) -> None:
    """`drivers` officials running alerts at up to `phase.rate` actions per second for `seconds`; then a few
    seconds for the last events to arrive."""
    received = phase.received
    received.since = time.time()
    MUTATIONS.clear()
    pace = Pace(phase.rate)
    started = time.monotonic()
    load = progress.add_task(f"driving {phase.rate:g} actions/s for {seconds:g} s", total=round(seconds))

    async def driver(index: int) -> None:
        sender, country = senders[index % len(senders)]
        while time.monotonic() - started < seconds:
            await alert_story(sender, country, coordinators, world, pace, committed=received.committed)

    running = [asyncio.create_task(driver(i)) for i in range(drivers)]
    while not all(t.done() for t in running):
        await asyncio.sleep(1)
        progress.update(load, completed=min(round(seconds), round(time.monotonic() - started)))
    for done in running:
        done.result()
    phase.seconds, phase.actions, phase.mutations = time.monotonic() - started, pace.done, list(MUTATIONS)
    settle, last = time.monotonic(), -1
    while time.monotonic() - settle < 10 and received.deliveries != last:  # let the last events arrive
        last = received.deliveries
        await asyncio.sleep(1)


# -- the report ---------------------------------------------------------------------------------------------

def _row(label: str, values_ms: list[float]) -> str:
    over = sum(v > 250 for v in values_ms) / len(values_ms) * 100
    return (f"| {label} | {len(values_ms)} | {statistics.median(values_ms):.0f} ms | "
            f"{percentile(values_ms, 0.95):.0f} ms | {percentile(values_ms, 0.99):.0f} ms | "
            f"{max(values_ms):.0f} ms | {over:.1f} % |")


def report(phases: list[Phase], cold: int, load_before: str, args: argparse.Namespace) -> None:
    print("## Event stream: delivery to partner tools over two workers behind Redis\n")
    print(f"PostgreSQL, local Redis, two `imi serve` workers; {args.subscribers} token-authenticated subscribers "
          "on `exchangeEvents`, one per authority (the 30 national coordinators and competent authorities over "
          f"the 30 countries), half on each worker; {args.drivers} officials driving professional-qualification "
          "alerts (create, submit, validate, allocate to 3 authorities, 3 comments, close) through GraphQL, "
          f"alternating between the workers, for {args.seconds:g} s at each rate. An alert's events reach the "
          "partner tools of the authorities taking part: the 30 coordinators (the limited view), the sender and "
          "the authorities it is allocated to; each worker reads an event's exchange once and hands the event "
          "only to the subscriptions of those authorities, which check it against their rights. Load average "
          f"before the run: {load_before} (on {os.cpu_count()} CPUs).\n")
    print("| target actions/s | actions/s | events delivered/s | subscribers per event | latency p50 | p95 | p99 "
          "| max | over 250 ms | p99 from `at` | mutation p50 / p99 |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for phase in phases:
        received = phase.received
        from_commit = [(now - received.committed[key]) * 1000 for key, _, now in received.receipts
                       if key in received.committed]
        from_at = [(now - at) * 1000 for _, at, now in received.receipts]
        writes = [v * 1000 for v in phase.mutations] or [0.0]
        if not from_commit:
            print(f"| {phase.rate:g} | {phase.actions / phase.seconds:.1f} | 0 | – | – | – | – | – | – | – | – |")
            continue
        over = sum(v > 250 for v in from_commit) / len(from_commit) * 100
        print(f"| {phase.rate:g} | {phase.actions / phase.seconds:.1f} | {received.deliveries / phase.seconds:.0f} | "
              f"{received.deliveries / max(1, len(received.committed)):.0f} | "
              f"{statistics.median(from_commit):.0f} ms | {percentile(from_commit, 0.95):.0f} ms | "
              f"{percentile(from_commit, 0.99):.0f} ms | {max(from_commit):.0f} ms | {over:.1f} % | "
              f"{percentile(from_at, 0.99):.0f} ms | {statistics.median(writes):.0f} / "
              f"{percentile(writes, 0.99):.0f} ms |")
    print("\nLatency runs from the commit, taken as the moment the committing mutation's response reached its "
          "client (just after the commit: an event may even arrive first), to the subscriber's receipt. "
          "The event's own `at` is the instant the committing request started, before its work and commit: "
          "the latency from it bounds the delivery latency from above. The mutation column is the round trip "
          "of the workflow actions themselves.\n")
    if cold:
        print(f"{cold} subscribers had not received their history when the measurement began.\n")
    errors = [e for phase in phases for e in phase.received.errors]
    if errors:
        print(f"{len(errors)} messages were errors; the first: `{errors[0]}`\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=int(os.environ.get("IMI_BENCH_SUBSCRIBERS", "1000")))
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("IMI_BENCH_SECONDS", "45")))
    parser.add_argument("--rates", default=os.environ.get("IMI_BENCH_EVENT_RATES", "10,25"),
                        help="workflow actions per second to drive, one phase each (comma-separated)")
    parser.add_argument("--drivers", type=int, default=8)
    parser.add_argument("--postgres", default=os.environ.get("IMI_BENCH_POSTGRES_URL", DEFAULT_POSTGRES),
                        help="an administrative PostgreSQL URL (the benchmark makes its own database)")
    parser.add_argument("--redis", default=os.environ.get("IMI_BENCH_REDIS_URL", DEFAULT_REDIS))
    args = parser.parse_args()
    work = ROOT / "var" / "bench" / "events"
    work.mkdir(parents=True, exist_ok=True)
    console.print("[bold]events:[/] preparing PostgreSQL and the world")
    try:
        url = asyncio.run(fresh_database(args.postgres))
    except Exception as error:  # no PostgreSQL: say so in the report
        print("## Event stream\n\nNot measured: PostgreSQL does not answer "
              f"({error.__class__.__name__}: {error}).\n")
        return
    with _progress() as progress:
        world = asyncio.run(seed(url, args.subscribers, progress))
    redis_url = f"{args.redis}?channel=imi-bench-{uuid.uuid4().hex}"
    load_before = " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else "?"
    rates = [float(rate) for rate in args.rates.split(",") if rate.strip()]
    with workers(url, redis_url, work) as bases, _progress() as progress:
        phases, cold = asyncio.run(measure(bases, world, rates, args.seconds, args.drivers, progress))
    report(phases, cold, load_before, args)


if __name__ == "__main__":
    main()
