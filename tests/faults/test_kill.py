"""kill -9 of the server under a load of concurrent workflow actions, then a restart: every action acknowledged to
its client is in the database with its event and state, nothing is half-written, and the restarted server
numbers the events the killed one had not and goes on from where the acknowledged actions left each exchange."""

import asyncio
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from imi.exchanges.models import ExchangeEvent
from tests import operations as ops
from tests.faults.stage import Official, RequestStage, record_of, request_stage, whole
from tests.server import Server

pytestmark = pytest.mark.slow
EXCHANGES = 8
ENOUGH = 40  # acknowledged actions before the kill
NEXT_STEP = {"SENT": 0, "ACCEPTED": 1, "ANSWERED": 2}


@dataclass(frozen=True)
class Ack:
    exchange_id: int
    version: int
    action: str
    state: str


def _steps(stage: RequestStage) -> list[tuple[Official, str, str, str, dict[str, str]]]:
    """The actions each exchange goes through, repeated after the first: (who, document, field, action, input)."""
    responder, requester = stage.responders[0], stage.requester
    return [
        (responder, ops.ACCEPT, "acceptRequest", "ACCEPT", {}),
        (responder, ops.ANSWER, "answerRequest", "ANSWER", {"message": "Eingetragen seit 2015."}),
        (requester, ops.FURTHER, "requestFurtherInformation", "REQUEST_FURTHER_INFORMATION",
         {"message": "Bitte auch die Fachrichtung bestätigen."}),
    ]


async def _drive(http: httpx.AsyncClient, stage: RequestStage, exchange_id: int, acks: list[Ack],
                 enough: asyncio.Event) -> None:
    """Act on one exchange, one action after the other, until the server stops answering."""
    steps, version, n = _steps(stage), 2, 0
    while True:
        who, document, name, action, extra = steps[n]
        variables = {"input": {"exchangeId": stage.gid(exchange_id), "version": version, **extra}}
        try:
            response = await http.post("/graphql", json={"query": document, "variables": variables},
                                       headers=who.headers)
        except httpx.TransportError:
            return  # killed while this action was in flight: it was never acknowledged
        assert response.status_code == 200, response.text
        result = response.json()["data"][name]
        assert result["__typename"] == "ExchangeSuccess", result
        version = result["exchange"]["version"]
        acks.append(Ack(exchange_id, version, action, result["exchange"]["state"]))
        if len(acks) >= ENOUGH:
            enough.set()
        n = 1 if n == 2 else n + 1


async def _all_events_numbered(seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not await ExchangeEvent.filter(position=None).exists():
            return True
        await asyncio.sleep(0.2)
    return False


async def test_acknowledged_actions_survive_a_kill_and_nothing_is_half_written(clean_db: str,
                                                                               tmp_path: Path) -> None:
    stage = await request_stage(EXCHANGES)
    server = Server(clean_db, tmp_path)
    acks: list[Ack] = []
    try:
        server.start()
        enough = asyncio.Event()
        async with httpx.AsyncClient(base_url=server.base, timeout=20) as http:
            load = [asyncio.create_task(_drive(http, stage, e, acks, enough)) for e in stage.exchange_ids]
            await asyncio.wait_for(enough.wait(), 60)
            server.kill()
            await asyncio.wait_for(asyncio.gather(*load), 30)
        assert len(acks) >= ENOUGH

        for exchange_id in stage.exchange_ids:
            record = await record_of(exchange_id)
            assert not whole(record), (exchange_id, whole(record))
            mine = [ack for ack in acks if ack.exchange_id == exchange_id]
            for ack in mine:
                action, state, _ = record.events[ack.version - 1]
                assert (action, state) == (ack.action, ack.state), f"acknowledged {ack} but the log has {action}"
            last = max((ack.version for ack in mine), default=2)
            assert last <= record.version <= last + 1, "at most the one action in flight was committed unannounced"

        server.start()
        assert await _all_events_numbered(15), "the restarted server's dispatcher numbers every committed event"
        async with httpx.AsyncClient(base_url=server.base, timeout=20) as http:
            for exchange_id in stage.exchange_ids:
                record = await record_of(exchange_id)
                who, document, name, _, extra = _steps(stage)[NEXT_STEP[record.state]]
                data = await who.gql(http, document, {"input": {
                    "exchangeId": stage.gid(exchange_id), "version": record.version, **extra}})
                assert data[name]["__typename"] == "ExchangeSuccess", data
    finally:
        server.stop()
