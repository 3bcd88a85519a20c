"""Run every benchmark of the project and write bench/results.md.

Each `bench/*_bench.py` is run on its own (`python bench/<name>_bench.py`); it prints a markdown section on
stdout and shows its progress on stderr. This script puts the sections together under a header that says
when and on what machine they were measured. It reports measurements and never judges them.

    python bench/run.py [--only foundation] [--output bench/results.md]

Each benchmark reads its own settings from the environment (e.g. IMI_BENCH_SCALE, IMI_BENCH_RUNS).
"""

import argparse
import os
import platform
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


def machine() -> list[str]:
    """What the numbers were measured on."""
    memory = "unknown"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(next(line.split()[1] for line in meminfo.read_text().splitlines() if line.startswith("MemTotal")))
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines()
                 if line.startswith("model name")]
        cpu = names[0] if names else cpu
    return [
        f"- date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- machine: {os.cpu_count()} CPUs ({cpu}), {memory} RAM, {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}",
        "- load average (1, 5, 15 min) when the results were written: "
        + ", ".join(f"{v:.1f}" for v in os.getloadavg()) + " (other work on the machine slows every figure)",
    ]


def benchmarks(only: list[str]) -> list[Path]:
    found = sorted(BENCH.glob("*_bench.py"))
    return [p for p in found if not only or p.stem.removesuffix("_bench") in only]


def run(script: Path) -> tuple[str, float]:
    """The markdown section a benchmark prints, or a note of its failure; and how long it ran."""
    started = time.perf_counter()
    process = subprocess.run([sys.executable, str(script)], check=False, cwd=ROOT, stdout=subprocess.PIPE,
                             text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "backend")})
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        return (f"## {script.stem}\n\nThe benchmark failed (exit code {process.returncode}); its error output is "
                "above in the terminal.\n\n" + (process.stdout or "")), seconds
    section = process.stdout.strip()
    if not section.startswith("#"):
        section = f"## {script.stem.removesuffix('_bench').capitalize()}\n\n{section}"
    return section + "\n", seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", default=[], help="a benchmark name, e.g. foundation")
    parser.add_argument("--output", type=Path, default=BENCH / "results.md")
    args = parser.parse_args()
    sections, timings = [], []
    for script in benchmarks(args.only):
        print(f"== {script.name}", file=sys.stderr, flush=True)
        section, seconds = run(script)
        sections.append(section)
        timings.append(f"{script.stem} {seconds:.0f} s")
    header = ["# Benchmark results", "", *machine(), f"- benchmarks run: {', '.join(timings) or 'none'}", "",
              "Medians and 95th percentiles of repeated measurements taken in one run; ratios compare values "
              "measured side by side in that run. Times depend on the machine: compare runs on the same one.", ""]
    args.output.write_text("\n".join(header) + "\n" + "\n".join(sections), encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
