"""Translation test fixtures: the database, the local SaaS stand-ins, a live callback server."""

import asyncio
import shutil
import socket
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import uvicorn
from starlette.applications import Starlette

from imi.translation.routes import routes

from .fakes import FakeDeepL, FakeETranslation

APERTIUM = shutil.which("apertium") is not None and Path("/usr/share/apertium/modes/es-pt.mode").exists()
APY = APERTIUM and Path("/usr/bin/apertium-apy").exists()
needs_apertium = pytest.mark.skipif(
    not APERTIUM, reason="apertium and apertium-es-pt are not installed (see system-packages.txt)"
)
needs_apy = pytest.mark.skipif(not APY, reason="apertium-apy is not installed (see system-packages.txt)")
SECRET = "a-test-secret-that-is-long-enough-for-hmac"


@pytest.fixture
async def db(clean_db: str) -> AsyncIterator[None]:
    """The project's test database, emptied for this test.

    Tortoise binds a model class to one setup per process, and the application's model list includes
    `imi.translation.models`: these tests share that setup (SQLite, or PostgreSQL when
    IMI_TEST_DATABASE_URL names one) rather than opening their own.
    """
    yield


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
