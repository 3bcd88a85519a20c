"""The operator's `imi tokens create`, `list` and `revoke` on a database of their own."""

from pathlib import Path

import pytest

from tests.commands import run_imi

pytestmark = pytest.mark.slow


def test_create_list_and_revoke(tmp_path: Path) -> None:
    assert run_imi(tmp_path, "db", "upgrade").returncode == 0
    made = run_imi(tmp_path, "tokens", "create", "--service", "statistics office", "--scope",
                "statistics:read", "--name", "yearly report")
    assert made.returncode == 0, made.stderr
    token = made.stdout.strip()
    prefix = token.split("_")[1]

    listed = run_imi(tmp_path, "tokens", "list")
    assert listed.stdout.startswith(f"{prefix}  service statistics office  'yearly report'  statistics:read  until ")
    assert token not in listed.stdout and "1 active token(s)" in listed.stderr

    revoked = run_imi(tmp_path, "tokens", "revoke", prefix)
    assert revoked.returncode == 0 and f"revoked {prefix} (yearly report)" in revoked.stdout
    assert run_imi(tmp_path, "tokens", "list").stdout == ""
    unknown = run_imi(tmp_path, "tokens", "revoke", "nosuch")
    assert unknown.returncode == 1 and "no such token" in unknown.stderr
