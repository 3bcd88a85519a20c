"""What `make run` does first on a new machine, where the data folder does not exist yet: `imi db upgrade` and
`imi seed demo --if-empty` create it, finish and exit (a SQLite connection to a file it cannot create never
answers, and an open connection's thread kept the process alive after migrating)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def _imi(var_dir: Path, repo_root: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "IMI_VAR_DIR": str(var_dir), "PYTHONPATH": str(repo_root / "backend")}
    env.pop("IMI_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "imi", *arguments], env=env, capture_output=True, text=True,
                          timeout=120, check=False)


def test_migrate_and_seed_where_nothing_exists_yet(tmp_path: Path, repo_root: Path) -> None:
    var_dir = tmp_path / "not" / "there" / "yet"
    upgraded = _imi(var_dir, repo_root, "db", "upgrade")
    assert upgraded.returncode == 0 and "database is up to date" in upgraded.stdout, upgraded.stderr
    assert (var_dir / "imi.sqlite3").is_file()
    seeded = _imi(var_dir, repo_root, "seed", "demo", "--if-empty")
    assert seeded.returncode == 0 and "de.official@demo.imi.example" in seeded.stdout, seeded.stderr
    again = _imi(var_dir, repo_root, "seed", "demo", "--if-empty")
    assert again.returncode == 0 and "de.official@demo.imi.example" not in again.stdout
