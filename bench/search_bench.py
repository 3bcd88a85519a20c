"""Authority search benchmark: the embedded engine, then searchAuthorities through GraphQL over HTTP.

Indexes N generated authorities with the embedded engine and times a mixed query set, then the same queries
through GraphQL over HTTP on a real uvicorn serving a database of those authorities.

    .venv/bin/python bench/search_bench.py [--count 13000] [--rounds 5] [--dir DIR] [--no-http]

`--count` and `--rounds` default to IMI_BENCH_SEARCH_COUNT and IMI_BENCH_SEARCH_ROUNDS when set.

The authorities are generated deterministically from the relevance fixture (tests/search/data): each is a
fixture authority moved to another place of its country (regional and local variants carry the place in their
name), with more competence keywords; names and descriptions stay in the authority's own language. The queries
are those of the relevance suite (names, folding, typos, prefixes, keywords across languages, city exonyms,
filters, browsing). Prints markdown tables: indexing time and memory, index size, query latency percentiles in
the engine; then import time (`imi authorities import` of the same authorities into a fresh SQLite database),
rebuild time from the database, and the latency of `searchAuthorities` (20 hits with highlights and facets) as an
official's client sees it, one request at a time. Progress goes to stderr.
"""

import argparse
import asyncio
import json
import os
import random
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import httpx
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "backend"))

from imi.reference.keywords import keywords_for_area  # noqa: E402
from imi.search import AuthorityDocument, SearchQuery, TantivyEngine, definition  # noqa: E402

PASSWORD = "bench password 2024"
OFFICIAL = "official@bench.imi.example"
SEARCH = """query($input: SearchAuthoritiesInput!) { searchAuthorities(input: $input) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { score highlights { field html } node { id officialName countryCode city level } }
  facets { countries { value count } levels { value count } legalAreas { value count } } } }"""
SIGN_IN = """mutation($input: SignInInput!) { signIn(input: $input) {
  __typename ... on SignInSuccess { csrfToken } } }"""

FIXTURE = ROOT / "tests" / "search" / "data"
LEVEL_SHARE = (("NATIONAL", 0.15), ("REGIONAL", 0.35), ("LOCAL", 0.50))
FILTERS = ("countries", "levels", "legal_areas", "procedures", "statuses")


def _rss_mb() -> float:
    """Resident memory now, in MB (Linux), else the peak."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _templates() -> list[dict[str, Any]]:
    lines = (FIXTURE / "authorities.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def generate(count: int, seed: int = 13) -> list[AuthorityDocument]:
    """`count` authorities, the same for the same seed."""
    rng = random.Random(seed)
    templates = _templates()
    places = definition().places
    extra = [keyword.id for keyword in keywords_for_area("PROFESSIONAL_QUALIFICATIONS")]
    docs: list[AuthorityDocument] = []
    for number in range(count):
        template = templates[number % len(templates)]
        level = rng.choices([name for name, _ in LEVEL_SHARE], [share for _, share in LEVEL_SHARE])[0]
        local = places.get(template["country"]) or ((template.get("city") or "",),)
        city = rng.choice(local)[0] if level != "NATIONAL" else template.get("city")
        name = template["official_name"] if level == "NATIONAL" else f"{template['official_name']} – {city}"
        keyword_ids = list(template.get("keywords", []))
        if keyword_ids:
            keyword_ids += rng.sample(extra, rng.randint(0, 4))
        descriptions = {
            language: f"{text} {city}" if city and level != "NATIONAL" else text
            for language, text in template.get("descriptions", {}).items()
        }
        docs.append(
            AuthorityDocument(
                id=str(number + 1),
                country=template["country"],
                level=level,
                status="ACTIVE" if rng.random() < 0.97 else "INACTIVE",
                official_name=name,
                official_language=template["official_language"],
                informal_names=template.get("informal_names", {}),
                descriptions=descriptions,
                region=template.get("region"),
                city=city,
                legal_areas=tuple(template["legal_areas"]),
                procedures=tuple(template.get("procedures", [])),
                keyword_ids=tuple(dict.fromkeys(keyword_ids)),
            )
        )
    return docs


def queries() -> list[SearchQuery]:
    """The relevance suite's queries (with their filters), as a mixed workload."""
    cases = yaml.safe_load((FIXTURE / "cases.yaml").read_text(encoding="utf-8"))["cases"]
    found = []
    for case in cases:
        filters = {name: tuple(case[name]) for name in FILTERS if name in case}
        found.append(SearchQuery(text=case["query"], language=case.get("language"), limit=20, **filters))
    return found


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _size_mb(path: Path) -> float:
    return sum(file.stat().st_size for file in path.rglob("*") if file.is_file()) / 1e6


async def main(count: int, rounds: int, directory: Path) -> list[tuple[str, str]]:
    generated = time.perf_counter()
    docs = generate(count)
    generated = time.perf_counter() - generated
    before = _rss_mb()
    engine = TantivyEngine(directory)
    started = time.perf_counter()
    await engine.rebuild(docs)
    indexing = time.perf_counter() - started
    after = _rss_mb()
    workload = queries()
    for query in workload:  # warm up
        engine.search_now(query)
    timings: list[float] = []
    cpu: list[float] = []
    totals: list[int] = []
    for _ in range(rounds):
        for query in workload:
            began, began_cpu = time.perf_counter(), time.thread_time()
            result = engine.search_now(query)
            cpu.append((time.thread_time() - began_cpu) * 1000)
            timings.append((time.perf_counter() - began) * 1000)
            totals.append(result.total)
    single = time.perf_counter()
    await engine.upsert(docs[:1])
    single = time.perf_counter() - single
    return [
        ("authorities indexed", f"{await engine.count():,}"),
        ("generation", f"{generated:.2f} s"),
        ("full rebuild (atomic)", f"{indexing:.2f} s ({count / indexing:,.0f} docs/s)"),
        ("one upsert (commit)", f"{single * 1000:.1f} ms"),
        ("index on disk", f"{_size_mb(directory):.1f} MB"),
        ("resident memory", f"{after:.0f} MB (+{after - before:.0f} MB while indexing)"),
        ("queries", f"{len(workload)} distinct x {rounds} rounds = {len(timings)}"),
        ("hits per query (median)", f"{statistics.median(totals):.0f}"),
        ("query p50 (CPU time)", f"{percentile(timings, 0.50):.2f} ms ({percentile(cpu, 0.50):.2f} ms)"),
        ("query p95 (CPU time)", f"{percentile(timings, 0.95):.2f} ms ({percentile(cpu, 0.95):.2f} ms)"),
        ("query p99 (CPU time)", f"{percentile(timings, 0.99):.2f} ms ({percentile(cpu, 0.99):.2f} ms)"),
        ("query max", f"{max(timings):.2f} ms"),
    ]


# -- through GraphQL over HTTP -------------------------------------------------------------------------------

def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def import_lines(docs: list[AuthorityDocument]) -> list[str]:
    """The generated authorities in the import format (external id `BENCH-<n>`)."""
    lines = []
    for doc in docs:
        record: dict[str, Any] = {
            "external_id": f"BENCH-{doc.id}", "country": doc.country, "level": doc.level,
            "official_name": doc.official_name, "official_language": doc.official_language,
            "informal_names": dict(doc.informal_names), "descriptions": dict(doc.descriptions),
            "region": doc.region, "city": doc.city, "legal_areas": list(doc.legal_areas),
            "procedures": list(doc.procedures), "keywords": list(doc.keyword_ids),
        }
        lines.append(json.dumps({k: v for k, v in record.items() if v not in (None, {}, [])}, ensure_ascii=False))
    return lines


async def seed(database_url: str, docs: list[AuthorityDocument], work: Path) -> list[tuple[str, str]]:
    """A migrated database holding the generated authorities (imported like `imi authorities import` does),
    their national coordinators and one official; then the search index rebuilt from it."""
    from imi import db
    from imi.accounts import service as accounts
    from imi.accounts.profiles import Profile
    from imi.authorities import service
    from imi.authorities.importer import import_file
    from imi.authorities.models import Authority, AuthorityStatus
    from imi.clock import SystemClock
    from imi.search.indexer import Indexer

    now = SystemClock().now()
    await db.upgrade(database_url)
    await db.init(database_url)
    try:
        for country in sorted({doc.country for doc in docs}):
            await service.create_national_coordinator(service.AuthorityDetails(
                country=country, level="NATIONAL", official_name=f"National IMI coordinator {country}",
                official_language="en"), now)
        file = work / "authorities.jsonl"
        file.write_text("\n".join(import_lines(docs)) + "\n", encoding="utf-8")
        _log(f"importing {len(docs):,} authorities")
        started = time.perf_counter()
        report = await import_file(file, now)
        imported = time.perf_counter() - started
        if report.errors:
            raise RuntimeError(f"import refused lines: {report.errors[:3]}")
        inactive = [f"BENCH-{doc.id}" for doc in docs if doc.status != "ACTIVE"]
        await Authority.filter(external_id__in=inactive).update(status=AuthorityStatus.INACTIVE)
        home = await Authority.get(national_coordinator_of="DE")
        await accounts.create_user(email=OFFICIAL, full_name="Bench official", authority_id=home.id, language="de",
                                   rights=[(None, Profile.VIEWER)], now=now, password=PASSWORD)
        _log("rebuilding the search index from the database")
        engine = TantivyEngine(work / "search")
        started = time.perf_counter()
        indexed = await Indexer(engine).rebuild()
        rebuilt = time.perf_counter() - started
        await engine.close()
    finally:
        await db.close()
    return [
        ("import (JSON Lines, one file)", f"{imported:.1f} s ({len(docs) / imported:,.0f} authorities/s)"),
        ("rebuild from the database", f"{rebuilt:.2f} s ({indexed:,} authorities with their coordinators)"),
    ]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(database_url: str, work: Path) -> Iterator[tuple[str, int]]:
    """`imi serve` on a free port of 127.0.0.1 (the index is already built); yields its URL and process id."""
    port = _free_port()
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "backend"), "IMI_DATABASE_URL": database_url,
                   "IMI_VAR_DIR": str(work), "IMI_SEARCH_DIR": str(work / "search"), "IMI_COOKIE_SECURE": "false",
                   "IMI_FRONTEND_DIR": str(work / "no-frontend")}
    environment.pop("IMI_MEILI_URL", None)
    log = work / "server.log"
    with log.open("wb") as output:
        process = subprocess.Popen([sys.executable, "-m", "imi", "serve", "--port", str(port)], env=environment,
                                   stdout=output, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the server did not start: {log.read_text(errors='replace')[-2000:]}")
                with suppress(httpx.HTTPError):
                    if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                        break
                time.sleep(0.2)
            yield base, process.pid
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


def graphql_inputs() -> list[dict[str, Any]]:
    """The engine workload as `searchAuthorities` inputs (GraphQL searches active authorities only)."""
    inputs = []
    for query in queries():
        data: dict[str, Any] = {"query": query.text, "first": 20, "countries": list(query.countries),
                                "levels": list(query.levels), "legalAreas": list(query.legal_areas),
                                "procedures": list(query.procedures)}
        if query.language:
            data["language"] = query.language
        inputs.append(data)
    return inputs


def _process_cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process so far (Linux)."""
    with suppress(OSError, ValueError, IndexError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return None


def _process_rss_mb(pid: int) -> float | None:
    with suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return None


async def measure_http(base: str, pid: int, rounds: int) -> list[tuple[str, str]]:
    workload = graphql_inputs()
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        signed = await http.post("/graphql", json={"query": SIGN_IN, "variables": {
            "input": {"email": OFFICIAL, "password": PASSWORD}}})
        headers = {"x-csrf-token": signed.json()["data"]["signIn"]["csrfToken"]}

        async def call(data: dict[str, Any]) -> tuple[float, int]:
            started = time.perf_counter()
            response = await http.post("/graphql", json={"query": SEARCH, "variables": {"input": data}},
                                       headers=headers)
            elapsed = (time.perf_counter() - started) * 1000
            body = response.json()
            if response.status_code != 200 or body.get("errors"):
                raise RuntimeError(f"GraphQL error for {data}: {str(body)[:300]}")
            return elapsed, len(body["data"]["searchAuthorities"]["edges"])

        for data in workload:  # warm up
            await call(data)
        timings: list[float] = []
        edges: list[int] = []
        cpu_before = _process_cpu_seconds(pid)
        for number in range(rounds):
            _log(f"GraphQL round {number + 1}/{rounds}")
            for data in workload:
                elapsed, count = await call(data)
                timings.append(elapsed)
                edges.append(count)
    cpu_after = _process_cpu_seconds(pid)
    cpu = "unknown"
    if cpu_before is not None and cpu_after is not None:
        cpu = f"{(cpu_after - cpu_before) * 1000 / len(timings):.1f} ms"
    memory = _process_rss_mb(pid)
    return [
        ("requests", f"{len(workload)} distinct x {rounds} rounds = {len(timings)}, one at a time"),
        ("edges per response (median)", f"{statistics.median(edges):.0f}"),
        ("request p50", f"{percentile(timings, 0.50):.1f} ms"),
        ("request p95", f"{percentile(timings, 0.95):.1f} ms"),
        ("request p99", f"{percentile(timings, 0.99):.1f} ms"),
        ("request max", f"{max(timings):.1f} ms"),
        ("server CPU time per request (mean)", cpu),
        ("server resident memory", f"{memory:.0f} MB" if memory is not None else "unknown"),
    ]


def http_rows(count: int, rounds: int) -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        database_url = f"sqlite://{work / 'bench.sqlite3'}"
        rows = asyncio.run(seed(database_url, generate(count), work))
        _log("starting the server")
        with serving(database_url, work) as (base, pid):
            rows += asyncio.run(measure_http(base, pid, rounds))
    return rows


def _table(title: str, rows: list[tuple[str, str]]) -> None:
    print(f"| {title} | |")
    print("|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


def run() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=int(os.environ.get("IMI_BENCH_SEARCH_COUNT", "13000")))
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("IMI_BENCH_SEARCH_ROUNDS", "5")))
    parser.add_argument("--dir", type=Path, default=None, help="index directory (default: a temporary one)")
    parser.add_argument("--no-http", dest="http", action="store_false", help="only the engine, not GraphQL")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        directory = arguments.dir or Path(temporary)
        rows = asyncio.run(main(arguments.count, arguments.rounds, directory))
    _table(f"embedded engine (tantivy), {arguments.count:,} authorities", rows)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\n(Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {load:.1f}; a query's time")
    print("includes analysis, the tantivy search, facet counts over all hits and the highlights of 20 hits)")
    if arguments.http:
        print()
        _table(f"searchAuthorities through GraphQL over HTTP (uvicorn, SQLite), {arguments.count:,} authorities",
               http_rows(arguments.count, arguments.rounds))
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"\n(load average {load:.1f}; a request's time includes authentication, the search, loading the 20 "
              "authorities in one query and serialising highlights and facets)")


if __name__ == "__main__":
    run()
