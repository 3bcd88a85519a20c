"""Web app benchmark: first-load JS (gzip) and Lighthouse scores in headless Chromium, against the real backend
with the demo data (`make -C frontend bench`). Prints its markdown section; the npm output goes to stderr.

    python bench/frontend_bench.py
"""

import subprocess
import sys
from pathlib import Path

FRONTEND = Path(__file__).resolve().parents[1] / "frontend"
INTRO = ("The production build and Lighthouse (mobile, simulated throttling) in the Debian Chromium, signed in as "
         "an official, on the scoreboard and on my work.")


def main() -> None:
    process = subprocess.run(["make", "--no-print-directory", "-C", str(FRONTEND), "bench"], check=False,
                             stdout=subprocess.PIPE, text=True)
    table = process.stdout[process.stdout.find("| measure"):] if "| measure" in process.stdout else ""
    if process.returncode != 0 or not table:
        sys.stderr.write(process.stdout)
        raise SystemExit(process.returncode or 1)
    print(f"## Web app: bundle and Lighthouse\n\n{INTRO}\n\n{table.strip()}")


if __name__ == "__main__":
    main()
