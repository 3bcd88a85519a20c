"""The database out of reach: PostgreSQL cut off behind a proxy (connections dropped, new ones never answered),
SQLite locked by another process. Requests get a clear error (503, DATABASE_UNAVAILABLE, Retry-After) within the
configured timeout, never a hang; the refused action changed nothing; everything works again once it is back."""

import asyncio
import sqlite3
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest

from tests import operations as ops
from tests.faults.proxy import CuttableProxy
from tests.faults.stage import RequestStage, record_of, request_stage, whole
from tests.server import Server

pytestmark = pytest.mark.slow
TIMEOUT = 2  # IMI_DATABASE_TIMEOUT of the server under test
BOUND = 3 * TIMEOUT + 4  # the longest an answer may take while the database is away (retries included)


async def _timed(http: httpx.AsyncClient, path: str, body: dict | None, headers: dict[str, str]) -> httpx.Response:
    started = time.monotonic()
    response = await (http.post(path, json=body, headers=headers) if body else http.get(path, headers=headers))
    assert time.monotonic() - started < BOUND, f"{path} took {time.monotonic() - started:.1f} s"
    return response


def _unavailable(response: httpx.Response) -> None:
    assert response.status_code == 503, response.text
    assert int(response.headers["retry-after"]) > 0
    if response.headers["content-type"].startswith("application/json") and "errors" in response.json():
        assert response.json()["errors"][0]["extensions"]["code"] == "DATABASE_UNAVAILABLE"


async def _until_served(http: httpx.AsyncClient, stage: RequestStage, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        response = await http.post("/graphql", json={"query": ops.BOX, "variables": {"input": {"box": "TO_ACCEPT"}}},
                                   headers=stage.responders[0].headers)
        if response.status_code == 200:
            return
        assert time.monotonic() < deadline, f"not served again: {response.status_code} {response.text}"
        await asyncio.sleep(0.3)


async def _accept(http: httpx.AsyncClient, stage: RequestStage) -> httpx.Response:
    variables = {"input": {"exchangeId": stage.gid(stage.exchange_ids[0]), "version": 2}}
    return await _timed(http, "/graphql", {"query": ops.ACCEPT, "variables": variables},
                        stage.responders[0].headers)


async def _accepted_once(http: httpx.AsyncClient, stage: RequestStage) -> None:
    """After recovery the action the outage refused succeeds, with the version it had: it had changed nothing."""
    result = (await _accept(http, stage)).json()["data"]["acceptRequest"]
    assert result["__typename"] == "ExchangeSuccess", result
    record = await record_of(stage.exchange_ids[0])
    assert not whole(record) and [action for action, _, _ in record.events] == ["CREATE", "SEND", "ACCEPT"]


async def test_postgresql_cut_off_and_back(clean_db: str, tmp_path: Path) -> None:
    if not clean_db.startswith("postgres"):
        pytest.skip("the PostgreSQL run covers this (the SQLite run covers a locked file)")
    parts = urlsplit(clean_db)
    proxy = await CuttableProxy(parts.hostname or "127.0.0.1", parts.port or 5432).start()
    through_proxy = urlunsplit(parts._replace(netloc=f"{parts.username}@127.0.0.1:{proxy.port}"))
    stage = await request_stage(1)
    server = Server(through_proxy, tmp_path, IMI_DATABASE_TIMEOUT=str(TIMEOUT))
    try:
        await asyncio.to_thread(server.start)  # the proxy serves in this event loop meanwhile
        async with httpx.AsyncClient(base_url=server.base, timeout=60) as http:
            await _until_served(http, stage)
            proxy.sever()
            box = {"query": ops.BOX, "variables": {"input": {"box": "TO_ACCEPT"}}}
            _unavailable(await _timed(http, "/graphql", box, stage.responders[0].headers))
            _unavailable(await _accept(http, stage))
            _unavailable(await _timed(http, "/healthz", None, {}))
            anonymous = await _timed(http, "/graphql", {"query": "{ countries { code } }"}, {})
            assert anonymous.status_code == 200, "what needs no database is still served"
            proxy.restore()
            await _until_served(http, stage)
            await _accepted_once(http, stage)
    finally:
        await asyncio.to_thread(server.stop)
        await proxy.stop()


async def test_sqlite_locked_and_released(clean_db: str, tmp_path: Path) -> None:
    if not clean_db.startswith("sqlite"):
        pytest.skip("the SQLite run covers this (the PostgreSQL run covers a cut connection)")
    stage = await request_stage(1)
    server = Server(clean_db, tmp_path, IMI_DATABASE_TIMEOUT=str(TIMEOUT))
    lock = sqlite3.connect(clean_db.removeprefix("sqlite://"), isolation_level=None)
    try:
        server.start()
        async with httpx.AsyncClient(base_url=server.base, timeout=60) as http:
            await _until_served(http, stage)
            lock.execute("BEGIN EXCLUSIVE")  # another process holds the write lock
            _unavailable(await _accept(http, stage))
            await _until_served(http, stage, seconds=BOUND)  # reading goes on beside the writer (WAL)
            lock.execute("ROLLBACK")
            await _accepted_once(http, stage)
    finally:
        lock.close()
        server.stop()
