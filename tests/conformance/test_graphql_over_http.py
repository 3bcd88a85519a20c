"""The graphql-http audit suite (GraphQL over HTTP) against a real server: every audit passes, none warns."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.server import running_server

pytestmark = pytest.mark.slow
HERE = Path(__file__).resolve().parent


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed")
    if not (HERE / "node_modules" / "graphql-http").is_dir():
        pytest.skip("graphql-http is not installed: `npm ci --prefix tests/conformance` (make test does it)")
    return node


def test_every_graphql_over_http_audit_passes_without_a_warning(tmp_path: Path) -> None:
    """The protocol does not depend on the database: a SQLite file of its own, migrated by the server."""
    node = _node()
    with running_server(f"sqlite://{tmp_path / 'imi.sqlite3'}", tmp_path) as base:
        run = subprocess.run([node, str(HERE / "audit.mjs"), f"{base}/graphql"], capture_output=True, text=True,
                             timeout=60, check=False, cwd=HERE)
    assert run.returncode == 0, run.stderr
    results = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(results) >= 50, "the whole suite ran"
    failing = [f"{r['id']} {r['status']}: {r['name']} ({r['reason']})" for r in results if r["status"] != "ok"]
    assert not failing, "\n".join(failing)
