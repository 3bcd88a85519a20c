"""The commands as an operator runs them: `imi privacy run`, `imi privacy verify-audit`, `imi privacy export`."""

import json
import subprocess
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from imi import db
from imi.clock import FixedClock
from imi.exchanges.models import Exchange
from imi.privacy import guard, rules
from imi.privacy.models import AuditEntry
from tests.commands import run_imi
from tests.privacy.conftest import Flows

pytestmark = pytest.mark.slow


def imi(database: str, settings: Any, *arguments: str) -> subprocess.CompletedProcess[str]:
    return run_imi(settings.var_dir, "privacy", *arguments, IMI_DATABASE_URL=database,
                   IMI_ATTACHMENT_DIR=str(settings.attachment_dir))


async def test_run_verify_and_export_from_the_command_line(clean_db: str, flows: Flows, clock: FixedClock,
                                                           settings: Any, tmp_path: Path) -> None:
    closed = await flows.request()
    assert closed.closed_at is not None
    due = rules.add_months(closed.closed_at, 6)

    early_at = due - timedelta(seconds=1)
    early = imi(clean_db, settings, "run", "--at", early_at.isoformat())
    assert early.returncode == 0, early.stderr
    assert early.stdout.strip().endswith(f"0 steps taken, 0 files removed at {early_at.isoformat()}")
    ran = imi(clean_db, settings, "run", "--at", due.isoformat())
    assert ran.returncode == 0, ran.stderr
    assert f"{closed.reference}: BLOCK (FORMAL_CLOSURE)" in ran.stdout
    assert (await Exchange.get(id=closed.id)).personal_data_blocked_at == due
    assert imi(clean_db, settings, "run", "--at", "yesterday").returncode == 1

    output = tmp_path / "subject.json"
    exported = imi(clean_db, settings, "export", "--subject", "Jan Kowalski", "--output", str(output))
    assert exported.returncode == 0, exported.stderr
    document = json.loads(output.read_text(encoding="utf-8"))
    assert [e["reference"] for e in document["exchanges"]] == [closed.reference]
    assert document["exchanges"][0]["personalDataStatus"] == "BLOCKED"
    assert imi(clean_db, settings, "export", "--subject", "Jan").returncode == 1

    checked = imi(clean_db, settings, "verify-audit")
    assert checked.returncode == 0, checked.stderr
    last = await AuditEntry.all().order_by("-id").first()
    assert last is not None and f"head {last.id}:{last.hash}" in checked.stdout
    assert imi(clean_db, settings, "verify-audit", "--anchor", f"{last.id}:{last.hash}").returncode == 0

    await guard.uninstall(db.connection())
    await db.connection().execute_query("UPDATE audit_entry SET user_agent = 'someone else' WHERE id = 1")
    tampered = imi(clean_db, settings, "verify-audit")
    assert tampered.returncode == 1 and "entry 1: its content was changed" in tampered.stderr
