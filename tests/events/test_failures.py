"""Failures of the event stream across two real app workers, each with the outcome a partner tool relies on: a
subscriber that disconnects mid-stream, a Redis that restarts, an app worker killed (SIGKILL) while its
subscriber resumes on the other. In each, a subscriber resuming from its cursor gets every event exactly once, in
order, the same as a subscriber that stayed connected, and the same as the log holds."""

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from imi.exchanges.models import ExchangeEvent
from imi.graphql.ids import decode
from tests.events.conftest import WITHOUT_TRANSLATION, RedisServer
from tests.events.stage import (
    EVENTS,
    Alert,
    AlertCast,
    Officials,
    alert_cast,
    allocate,
    broadcast_alert,
    comment,
)
from tests.graphql_ws import Socket
from tests.server import Server, running_servers

pytestmark = pytest.mark.slow
BURST = 24


@pytest.fixture
async def cast(clean_db: str) -> AlertCast:
    return await alert_cast()


async def _chamber(base: str, cast: AlertCast, after: str | None = None) -> Socket:
    """The Polish chamber's back office, subscribed to alert events."""
    socket = await Socket.open(base)
    assert (await socket.init({"token": cast.tokens["handler"]}))["type"] == "connection_ack"
    await socket.subscribe("alerts", EVENTS, {"input": {"after": after, "kinds": ["ALERT"]}})
    return socket


async def _allocated(officials: Officials, chamber: Socket) -> tuple[Alert, str]:
    """An alert broadcast and allocated to the chamber; the cursor of its first event for the chamber."""
    alert = await broadcast_alert(officials)
    await allocate(officials, alert)
    first = (await chamber.events(1))[0]
    assert first["action"] == "ALLOCATE"
    return alert, first["cursor"]


async def _until(socket: Socket, texts: int, seconds: float = 15) -> list[tuple[int, str]]:
    """(cursor, action) of the events that arrive until `texts` ADD_MESSAGE events came, within `seconds`."""
    found: list[tuple[int, str]] = []
    deadline = time.monotonic() + seconds
    while sum(action == "ADD_MESSAGE" for _, action in found) < texts:
        event = (await socket.next_data(max(0.1, deadline - time.monotonic())))["exchangeEvents"]
        found.append((int(event["cursor"]), event["action"]))
    return found


async def _logged(alert: Alert, after: int) -> list[tuple[int, str]]:
    """What the log holds for the alert after a position, once every event has its position."""
    pk = decode(alert.id, "Exchange")
    deadline = time.monotonic() + 10
    while await ExchangeEvent.filter(exchange_id=pk, position=None).exists():
        assert time.monotonic() < deadline, "events left without a position"
        await asyncio.sleep(0.1)
    rows = await ExchangeEvent.filter(exchange_id=pk, position__gt=after).order_by("position")
    return [(int(row.position or 0), row.action) for row in rows]


def _once_in_order(events: list[tuple[int, str]]) -> None:
    cursors = [cursor for cursor, _ in events]
    assert cursors == sorted(set(cursors)), f"duplicated or out of order: {cursors}"


@pytest.fixture
async def workers(clean_db: str, tmp_path: Path, redis_url: str) -> AsyncIterator[list[Server]]:
    with running_servers(clean_db, tmp_path, 2, IMI_REDIS_URL=redis_url, **WITHOUT_TRANSLATION) as servers:
        yield servers


async def test_a_subscriber_that_disconnects_mid_stream_resumes_without_loss(
        cast: AlertCast, workers: list[Server]) -> None:
    a, b = workers
    async with httpx.AsyncClient(base_url=a.base, timeout=20) as http:
        officials = await Officials(cast, http).sign_in()
        steady = await _chamber(b.base, cast)
        alert, start = await _allocated(officials, steady)
        leaving = await _chamber(a.base, cast, after=start)

        async def burst() -> None:
            for i in range(BURST):
                await comment(officials, alert, f"Hinweis {i}")

        writing = asyncio.create_task(burst())
        before = await _until(leaving, 5)
        leaving.abort()  # gone mid-stream, while events keep coming
        await writing
        back = await _chamber(b.base, cast, after=str(before[-1][0]))
        after = await _until(back, BURST - 5)
        everything = await _until(steady, BURST)

        _once_in_order(before + after)
        assert before + after == everything == await _logged(alert, int(start))
        assert await back.quiet(0.5) and await steady.quiet(0.1)
        await back.close()
        await steady.close()
        assert "Traceback" not in a.log() + b.log()


async def test_redis_restarting_loses_nothing(cast: AlertCast, clean_db: str, tmp_path: Path,
                                              own_redis: RedisServer) -> None:
    with running_servers(clean_db, tmp_path, 2, IMI_REDIS_URL=own_redis.url,
                         **WITHOUT_TRANSLATION) as (a, b):
        async with httpx.AsyncClient(base_url=a.base, timeout=20) as http:
            officials = await Officials(cast, http).sign_in()
            chamber = await _chamber(b.base, cast)
            alert, start = await _allocated(officials, chamber)

            own_redis.kill()
            for i in range(3):
                await comment(officials, alert, f"Ohne Redis {i}")
            while_down = await _until(chamber, 3, seconds=10)  # worker B finds them in the log

            own_redis.start()
            late = await _chamber(b.base, cast, after=start)  # a subscriber joining after the restart
            for i in range(3):
                await comment(officials, alert, f"Mit Redis {i}")
            after_restart = await _until(chamber, 3, seconds=10)
            received = while_down + after_restart
            _once_in_order(received)
            assert received == await _logged(alert, int(start))
            assert await _until(late, 6) == received
            assert await chamber.quiet(0.5)
            await chamber.close()
            await late.close()
        assert "could not publish" in a.log(), "worker A did publish into the void, and said so"


async def test_a_killed_worker_subscriber_resumes_on_the_other(cast: AlertCast, workers: list[Server]) -> None:
    a, b = workers
    async with httpx.AsyncClient(base_url=a.base, timeout=5) as http_a, \
            httpx.AsyncClient(base_url=b.base, timeout=20) as http_b:
        officials = await Officials(cast, http_a).sign_in()
        steady = await _chamber(b.base, cast)
        alert, start = await _allocated(officials, steady)
        on_a = await _chamber(a.base, cast, after=start)
        sent = 0

        async def burst() -> None:
            nonlocal sent
            through = officials
            for i in range(BURST):
                try:
                    await comment(through, alert, f"Nachricht {i}")
                except (httpx.HTTPError, AssertionError):  # worker A died under this request
                    through = officials.on(http_b)
                    await comment(through, alert, f"Nachricht {i} (erneut)")
                sent += 1

        writing = asyncio.create_task(burst())
        before = await _until(on_a, 6)
        a.kill()  # SIGKILL, in the middle of the burst
        with contextlib.suppress(Exception):
            await on_a.close_code(seconds=5)
        resumed = await _chamber(b.base, cast, after=str(before[-1][0]))
        await writing
        logged = await _logged(alert, int(start))
        comments = sum(action == "ADD_MESSAGE" for _, action in logged)
        assert comments >= BURST, "a comment whose request died with the worker may have committed too"
        after = await _until(resumed, comments - 6)
        everything = await _until(steady, comments)
        _once_in_order(before + after)
        assert before + after == everything == logged
        assert await resumed.quiet(0.5) and await steady.quiet(0.1)
        await resumed.close()
        await steady.close()
