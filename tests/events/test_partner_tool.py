"""The partner-tool example (examples/partner_tool.py) run as a process against a real server: killed while
idle, stopped in the middle of a burst, started again each time from its cursor file, it prints every event of
its authority once; a cursor the server no longer holds stops it with the exit code that says: resynchronise."""

import asyncio
import json
import os
import signal
import sys
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from imi.accounts import service as accounts
from imi.exchanges.models import ExchangeEvent
from imi.graphql.ids import decode
from tests import operations as ops
from tests import world
from tests.events.conftest import WITHOUT_TRANSLATION
from tests.server import ROOT, running_server

pytestmark = pytest.mark.slow
TOOL = ROOT / "examples" / "partner_tool.py"


class Tool:
    """The example, running: its printed events, and its process to stop or kill."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process

    @classmethod
    async def start(cls, base: str, token: str, cursor_file: Path) -> "Tool":
        process = await asyncio.create_subprocess_exec(
            sys.executable, str(TOOL), "--url", base.replace("http://", "ws://") + "/graphql",
            "--cursor-file", str(cursor_file), "--json",
            env={**os.environ, "IMI_TOKEN": token}, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        tool = cls(process)
        assert process.stderr is not None
        following = await asyncio.wait_for(process.stderr.readline(), 15)
        assert following.startswith(b"# following"), following
        return tool

    async def printed(self, count: int, seconds: float = 10) -> list[dict]:
        assert self.process.stdout is not None
        return [json.loads(await asyncio.wait_for(self.process.stdout.readline(), seconds)) for _ in range(count)]

    async def rest(self) -> list[dict]:
        """What it printed until it ended."""
        assert self.process.stdout is not None
        return [json.loads(line) for line in (await asyncio.wait_for(self.process.stdout.read(), 10)).splitlines()]

    async def ended(self) -> int:
        return await asyncio.wait_for(self.process.wait(), 10)


@pytest.fixture
async def stage(clean_db: str, tmp_path: Path) -> AsyncIterator[dict]:
    now = datetime.now(UTC)
    anna = await world.official(await world.authority("DE", now), now, email="anna@de.example.eu")
    jan = await world.official(await world.authority("PL", now), now, email="jan@pl.example.eu")
    token = (await accounts.create_token(name="back office", scopes=["events:subscribe", "exchanges:read"], days=1,
                                         now=now, user_id=jan.user_id)).plaintext
    with running_server(clean_db, tmp_path, **WITHOUT_TRANSLATION) as base:
        async with httpx.AsyncClient(base_url=base, timeout=20) as http:
            client = world.Client(http)
            await client.sign_in(anna.email)
            yield {"base": base, "token": token, "anna": client, "jan": jan, "cursor": tmp_path / "jan.cursor"}


async def _request(stage: dict) -> dict:
    question = {"item": "pq.establishment.legally_established",
                "parameters": [{"name": "profession", "value": "Hebamme"}]}
    draft = (await stage["anna"].gql(ops.CREATE, {"input": {
        "procedure": world.PROCEDURE, "subject": "Anerkennung", "respondingAuthorityId": stage["jan"].authority_gid,
        "requestedReplyDate": (datetime.now(UTC).date() + timedelta(days=9)).isoformat(),
        "questions": [question]}}))["createRequest"]["exchange"]
    return (await stage["anna"].gql(ops.SEND, {"input": {"exchangeId": draft["id"], "version": 1}})
            )["sendRequest"]["exchange"]


async def _write(stage: dict, exchange: dict, count: int, text: str) -> None:
    for i in range(count):
        message = {"exchangeId": exchange["id"], "text": f"{text} {i}"}
        done = await stage["anna"].gql(ops.ADD_MESSAGE, {"input": message})
        assert done["addMessage"]["__typename"] == "MessageSuccess"


async def test_the_partner_tool_prints_each_event_once_across_kills_and_restarts(stage: dict) -> None:
    stage["cursor"].write_text("0")  # from the beginning of the stream
    tool = await Tool.start(stage["base"], stage["token"], stage["cursor"])
    sent = await _request(stage)
    await _write(stage, sent, 3, "Erste Frage")
    first = await tool.printed(4)
    assert [e["action"] for e in first] == ["SEND"] + ["ADD_MESSAGE"] * 3, "the draft was not Jan's"
    await _saved(stage["cursor"], first[-1]["cursor"])  # killed once idle, its last event handled
    tool.process.send_signal(signal.SIGKILL)
    assert await tool.ended() == -signal.SIGKILL

    await _write(stage, sent, 3, "Während der Tool schläft")  # while it is dead
    tool = await Tool.start(stage["base"], stage["token"], stage["cursor"])
    second = await tool.printed(3)
    burst = asyncio.create_task(_write(stage, sent, 8, "Schnell"))
    second += await tool.printed(2)
    tool.process.send_signal(signal.SIGTERM)  # stops after the event in hand
    assert await tool.ended() == 0
    second += await tool.rest()
    await burst

    tool = await Tool.start(stage["base"], stage["token"], stage["cursor"])
    third = await tool.printed(8 - (len(second) - 3))  # what the burst left
    assert await _nothing_more(tool)
    tool.process.send_signal(signal.SIGTERM)
    assert await tool.ended() == 0

    printed = [int(e["cursor"]) for e in first + second + third]
    logged = await ExchangeEvent.filter(exchange_id=decode(sent["id"], "Exchange"), position__not_isnull=True,
                                        action__not="CREATE").order_by("position").values_list("position", flat=True)
    assert printed == [int(p) for p in logged], "every event of Jan's, once, in order"


async def _saved(cursor_file: Path, cursor: str) -> None:
    """Wait until the tool has saved `cursor` (it saves right after printing)."""
    deadline = asyncio.get_running_loop().time() + 5
    while cursor_file.read_text() != cursor:  # noqa: ASYNC240  (a few bytes)
        assert asyncio.get_running_loop().time() < deadline, "the tool did not save its cursor"
        await asyncio.sleep(0.02)


async def _nothing_more(tool: Tool) -> bool:
    assert tool.process.stdout is not None
    try:
        await asyncio.wait_for(tool.process.stdout.readline(), 1.0)
    except TimeoutError:
        return True
    return False


async def test_a_cursor_the_server_no_longer_holds_stops_the_tool_asking_to_resynchronise(stage: dict) -> None:
    stage["cursor"].write_text("123456")
    tool = await Tool.start(stage["base"], stage["token"], stage["cursor"])
    assert await tool.ended() == 3
    assert tool.process.stderr is not None
    assert b"RESYNC_REQUIRED" in await tool.process.stderr.read()
    stage["cursor"].write_text("not-a-cursor")
    tool = await Tool.start(stage["base"], stage["token"], stage["cursor"])
    assert await tool.ended() == 2
