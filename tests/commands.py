"""The `imi` command line in a child process, as an operator runs it, for tests of the commands."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_imi(var_dir: Path, *arguments: str, **environment: str) -> subprocess.CompletedProcess[str]:
    """`python -m imi ARGUMENTS` with its data under `var_dir` (its SQLite database there unless
    `IMI_DATABASE_URL` is given) and the embedded search; output captured, never raising on an exit status."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "backend"), "IMI_VAR_DIR": str(var_dir)}
    for name in ("IMI_DATABASE_URL", "IMI_MEILI_URL", "IMI_MEILI_KEY", "IMI_SEARCH_DIR"):
        env.pop(name, None)
    return subprocess.run([sys.executable, "-m", "imi", *arguments], env={**env, **environment},
                          capture_output=True, text=True, timeout=120, check=False)
