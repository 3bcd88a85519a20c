"""Authority search benchmark: index N generated authorities with the embedded engine and time a mixed query set.

    .venv/bin/python bench/search_bench.py [--count 13000] [--rounds 5] [--dir DIR]

The authorities are generated deterministically from the relevance fixture (tests/search/data): each is a
fixture authority moved to another place of its country (regional and local variants carry the place in their
name), with more competence keywords; names and descriptions stay in the authority's own language. The queries
are those of the relevance suite (names, folding, typos, prefixes, keywords across languages, city exonyms,
filters, browsing). Prints a markdown table: indexing time and memory, index size, query latency percentiles.
"""

import argparse
import asyncio
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "backend"))

from imi.reference.keywords import keywords_for_area  # noqa: E402
from imi.search import AuthorityDocument, SearchQuery, TantivyEngine, definition  # noqa: E402

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


def run() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=13_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--dir", type=Path, default=None, help="index directory (default: a temporary one)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        directory = arguments.dir or Path(temporary)
        rows = asyncio.run(main(arguments.count, arguments.rounds, directory))
    print(f"| embedded engine (tantivy), {arguments.count:,} authorities | |")
    print("|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\n(Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {load:.1f}; a query's time")
    print("includes analysis, the tantivy search, facet counts over all hits and the highlights of 20 hits)")


if __name__ == "__main__":
    run()
