"""A schemathesis run against the GraphQL endpoint of a real server, anonymous and signed in as an official with
every profile: generated queries and mutations find no server error (no 5xx, no masked unexpected error)."""

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from imi.accounts.profiles import Profile
from tests import world
from tests.faults.stage import session_headers
from tests.server import running_server

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = int(os.environ.get("IMI_TEST_SCHEMATHESIS_EXAMPLES", "5"))
# The limits are off for the run: it exercises what is behind them (the limits have tests of their own).
UNLIMITED = {"IMI_RATE_LIMIT_ADDRESS": "0", "IMI_RATE_LIMIT_TOKEN": "0", "IMI_SIGN_IN_FAILURES_ADDRESS": "0"}
# Not generated: sign-out would end the session the run uses; uploads take multipart bodies (tested elsewhere).
EXCLUDED = ("Mutation.signOut", "Mutation.addAttachment")


def _schemathesis(base: str, work: Path, headers: dict[str, str], seed: int) -> None:
    command = [sys.executable, "-m", "schemathesis.cli", "run", f"{base}/graphql", "--checks", "no_server_error",
               "--max-examples", str(EXAMPLES), "--seed", str(seed), "--workers", "2", "--no-shrink",
               "--request-timeout", "20", "--report", "junit", "--report-dir", str(work / "report"),
               *(f"--exclude-name={name}" for name in EXCLUDED),
               *(f"--header={name}: {value}" for name, value in headers.items())]
    environment = {**os.environ, "SCHEMATHESIS_HOOKS": "tests.conformance.schemathesis_hooks",
                   "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "backend")])}
    run = subprocess.run(command, capture_output=True, text=True, timeout=150, check=False, env=environment,
                         cwd=work)
    assert run.returncode == 0, f"{run.stdout[-6000:]}\n{run.stderr[-2000:]}"
    assert " passed" in run.stdout, run.stdout[-3000:]


def test_anonymous_callers_find_no_server_error(tmp_path: Path) -> None:
    """Anonymous: the surface anyone on the network reaches (a database of its own: the server migrates it)."""
    with running_server(f"sqlite://{tmp_path / 'imi.sqlite3'}", tmp_path, **UNLIMITED) as base:
        _schemathesis(base, tmp_path, {}, seed=1)


async def test_a_signed_in_official_finds_no_server_error(clean_db: str, tmp_path: Path) -> None:
    """Signed in with every profile at a coordinator: the resolvers behind the sign-in, on each database."""
    now = datetime.now(UTC)
    coordinator = await world.coordinator("DE", now)
    await world.authority("PL", now)
    person = await world.official(coordinator, now, email="fuzz@de.example.eu",
                                  rights=[(None, profile) for profile in Profile])
    headers = await session_headers(person.user_id, now)
    with running_server(clean_db, tmp_path, **UNLIMITED) as base:
        _schemathesis(base, tmp_path, headers, seed=2)
