"""Translation test fixtures: an in-memory database, the local SaaS stand-ins, a live callback server."""

import asyncio
import shutil
import socket
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import uvicorn
from starlette.applications import Starlette
from tortoise import Tortoise

from imi.translation.routes import routes

from .fakes import FakeDeepL, FakeETranslation

APERTIUM = shutil.which("apertium") is not None and Path("/usr/share/apertium/modes/es-pt.mode").exists()
APY = APERTIUM and Path("/usr/bin/apertium-apy").exists()
needs_apertium = pytest.mark.skipif(
    not APERTIUM, reason="apertium and apertium-es-pt are not installed (see system-packages.txt)"
)
needs_apy = pytest.mark.skipif(not APY, reason="apertium-apy is not installed (see system-packages.txt)")
SECRET = "a-test-secret-that-is-long-enough-for-hmac"


class TestClock:
    """A clock the test moves."""

    __test__ = False

    def __init__(self) -> None:
        self.at = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)


@pytest.fixture
def clock() -> TestClock:
    return TestClock()


@pytest.fixture
async def db() -> AsyncIterator[None]:
    await Tortoise.init(db_url="sqlite://:memory:", modules={"models": ["imi.translation.models"]})
    await Tortoise.generate_schemas()
    yield
    await Tortoise.close_connections()


@pytest.fixture
def deepl() -> Iterator[FakeDeepL]:
    server = FakeDeepL()
    yield server
    server.close()


@pytest.fixture
def etranslation() -> Iterator[FakeETranslation]:
    server = FakeETranslation()
    yield server
    server.close()


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
async def callback_app(db: None) -> AsyncIterator[tuple[Starlette, str]]:
    """The callback routes served by uvicorn on 127.0.0.1 (so a real client can call them back)."""
    app = Starlette(routes=routes)
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=closed_port(), log_level="warning", lifespan="off")
    )
    task = asyncio.create_task(server.serve())
    for _ in range(500):
        if server.started:
            break
        await asyncio.sleep(0.01)
    yield app, f"http://127.0.0.1:{server.config.port}"
    server.should_exit = True
    await task
