"""50 officials of one authority act at once on the same exchanges, with the same version: exactly one wins each
conflict, every other gets StaleVersion, and the database holds the winner's action once (on PostgreSQL through
two server processes, so that the race is between processes as well)."""

import asyncio
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from tests import operations as ops
from tests.faults.stage import RequestStage, record_of, request_stage, whole
from tests.server import Server, running_servers

pytestmark = pytest.mark.slow
OFFICIALS = 50
EXCHANGES = 3


@contextmanager
def _servers(database_url: str, var_dir: Path) -> Iterator[list[Server]]:
    """One server on SQLite (one writer), two on PostgreSQL."""
    with running_servers(database_url, var_dir, 1 if database_url.startswith("sqlite") else 2) as servers:
        yield servers


async def _everyone(servers: list[Server], stage: RequestStage, document: str, name: str,
                    versions: dict[int, int], extra: dict[str, str]) -> dict[int, Counter[str]]:
    """Every official sends the action on every exchange at once (each on a connection of its own, spread over
    the servers); the outcomes counted per exchange."""

    async def one(n: int, exchange_id: int) -> tuple[int, str, int | None]:
        official = stage.responders[n]
        variables = {"input": {"exchangeId": stage.gid(exchange_id), "version": versions[exchange_id], **extra}}
        async with httpx.AsyncClient(base_url=servers[n % len(servers)].base, timeout=60) as http:
            response = await http.post("/graphql", json={"query": document, "variables": variables},
                                       headers=official.headers)
        assert response.status_code == 200, response.text
        result = response.json()["data"][name]
        version = result["exchange"]["version"] if result["__typename"] == "ExchangeSuccess" else None
        return exchange_id, result["__typename"], version

    outcomes = await asyncio.gather(*(one(n, e) for n in range(OFFICIALS) for e in stage.exchange_ids))
    for exchange_id, _, version in outcomes:
        if version is not None:
            versions[exchange_id] = version
    counted: dict[int, Counter[str]] = {e: Counter() for e in stage.exchange_ids}
    for exchange_id, kind, _ in outcomes:
        counted[exchange_id][kind] += 1
    return counted


async def test_exactly_one_of_fifty_officials_wins_each_conflict(clean_db: str, tmp_path: Path) -> None:
    stage = await request_stage(EXCHANGES, responders=OFFICIALS)
    versions = dict.fromkeys(stage.exchange_ids, 2)
    expected = {e: Counter({"ExchangeSuccess": 1, "StaleVersion": OFFICIALS - 1}) for e in stage.exchange_ids}
    with _servers(clean_db, tmp_path) as servers:
        assert await _everyone(servers, stage, ops.ACCEPT, "acceptRequest", versions, {}) == expected
        assert await _everyone(servers, stage, ops.ANSWER, "answerRequest", versions,
                               {"message": "Wpisany do rejestru."}) == expected
    for exchange_id in stage.exchange_ids:
        record = await record_of(exchange_id)
        assert not whole(record)
        assert [action for action, _, _ in record.events] == ["CREATE", "SEND", "ACCEPT", "ANSWER"]
        assert record.state == "ANSWERED" and record.version == versions[exchange_id] == 4
