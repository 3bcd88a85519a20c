"""What `make run` does first on a new machine, where the data folder does not exist yet: `imi db upgrade` and
`imi seed demo --if-empty` create it, finish and exit (a SQLite connection to a file it cannot create never
answers, and an open connection's thread kept the process alive after migrating)."""

from pathlib import Path

import pytest

from tests.commands import run_imi

pytestmark = pytest.mark.slow


def test_migrate_and_seed_where_nothing_exists_yet(tmp_path: Path) -> None:
    var_dir = tmp_path / "not" / "there" / "yet"
    upgraded = run_imi(var_dir, "db", "upgrade")
    assert upgraded.returncode == 0 and "database is up to date" in upgraded.stdout, upgraded.stderr
    assert (var_dir / "imi.sqlite3").is_file()
    seeded = run_imi(var_dir, "seed", "demo", "--if-empty")
    assert seeded.returncode == 0 and "de.official@demo.imi.example" in seeded.stdout, seeded.stderr
    again = run_imi(var_dir, "seed", "demo", "--if-empty")
    assert again.returncode == 0 and "de.official@demo.imi.example" not in again.stdout
