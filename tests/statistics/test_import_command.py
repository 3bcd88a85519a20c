"""`imi exchanges import FILE.csv` on its own database: reports refused lines, loads the rest, idempotent."""

import subprocess
from pathlib import Path

import pytest

from tests.commands import run_imi
from tests.statistics.test_crafted_import import HEADER, ROWS

pytestmark = pytest.mark.slow


def _import(file: Path, var_dir: Path) -> subprocess.CompletedProcess[str]:
    return run_imi(var_dir, "exchanges", "import", str(file))


def test_the_import_command(tmp_path: Path) -> None:
    file = tmp_path / "history.csv"
    file.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    first = _import(file, tmp_path / "var")
    assert first.returncode == 2, first.stderr
    assert "25 rows: 15 imported, 0 already present, 10 refused; 9 authorities created" in first.stdout
    assert "line 18: responding_country: unknown country 'GR' (Greece is EL)" in first.stderr
    second = _import(file, tmp_path / "var")
    assert "25 rows: 0 imported, 15 already present, 10 refused; 0 authorities created" in second.stdout

    file.write_text("reference,legal_area\nR1,SERVICES\n", encoding="utf-8")
    refused = _import(file, tmp_path / "var")
    assert refused.returncode == 1 and "missing columns: procedure" in refused.stderr
    file.write_bytes(HEADER.encode() + b"\nR\xe9f,\n")
    assert "not UTF-8" in _import(file, tmp_path / "var").stderr
