"""`imi exchanges import FILE.csv` on its own database: reports refused lines, loads the rest, idempotent."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.statistics.test_crafted_import import HEADER, ROWS

pytestmark = pytest.mark.slow


def _import(file: Path, var_dir: Path, repo_root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "IMI_VAR_DIR": str(var_dir), "PYTHONPATH": str(repo_root / "backend")}
    env.pop("IMI_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "imi", "exchanges", "import", str(file)], env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def test_the_import_command(tmp_path: Path, repo_root: Path) -> None:
    file = tmp_path / "history.csv"
    file.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    first = _import(file, tmp_path / "var", repo_root)
    assert first.returncode == 2, first.stderr
    assert "25 rows: 15 imported, 0 already present, 10 refused; 9 authorities created" in first.stdout
    assert "line 18: responding_country: unknown country 'GR' (Greece is EL)" in first.stderr
    second = _import(file, tmp_path / "var", repo_root)
    assert "25 rows: 0 imported, 15 already present, 10 refused; 0 authorities created" in second.stdout

    file.write_text("reference,legal_area\nR1,SERVICES\n", encoding="utf-8")
    refused = _import(file, tmp_path / "var", repo_root)
    assert refused.returncode == 1 and "missing columns: procedure" in refused.stderr
    file.write_bytes(HEADER.encode() + b"\nR\xe9f,\n")
    assert "not UTF-8" in _import(file, tmp_path / "var", repo_root).stderr
