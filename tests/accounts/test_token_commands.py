"""The operator's `imi tokens create`, `list` and `revoke` on a database of their own."""

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


def test_create_list_and_revoke(tmp_path: Path, repo_root: Path) -> None:
    assert _imi(tmp_path, repo_root, "db", "upgrade").returncode == 0
    made = _imi(tmp_path, repo_root, "tokens", "create", "--service", "statistics office", "--scope",
                "statistics:read", "--name", "yearly report")
    assert made.returncode == 0, made.stderr
    token = made.stdout.strip()
    prefix = token.split("_")[1]

    listed = _imi(tmp_path, repo_root, "tokens", "list")
    assert listed.stdout.startswith(f"{prefix}  service statistics office  'yearly report'  statistics:read  until ")
    assert token not in listed.stdout and "1 active token(s)" in listed.stderr

    revoked = _imi(tmp_path, repo_root, "tokens", "revoke", prefix)
    assert revoked.returncode == 0 and f"revoked {prefix} (yearly report)" in revoked.stdout
    assert _imi(tmp_path, repo_root, "tokens", "list").stdout == ""
    unknown = _imi(tmp_path, repo_root, "tokens", "revoke", "nosuch")
    assert unknown.returncode == 1 and "no such token" in unknown.stderr
