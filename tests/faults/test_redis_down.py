"""Redis out of reach under two app workers: the app keeps serving (workflow actions commit, answers come at once),
the rate limits fall back to each worker's own counts, and are shared again once Redis is back. (The event
stream's recovery from a Redis restart is tested with the events, in tests/events/test_failures.py.)"""

import asyncio
import shutil
import time
import uuid
from pathlib import Path

import httpx
import pytest

from tests import operations as ops
from tests.events.conftest import RedisServer
from tests.faults.stage import RequestStage, record_of, request_stage, whole
from tests.server import running_servers

pytestmark = pytest.mark.slow
PER_TOKEN = 10  # IMI_RATE_LIMIT_TOKEN of the servers under test: requests per minute
PROMPT = 3.0  # seconds: no answer waits on a Redis that is down


async def _typename(http: httpx.AsyncClient, token: str) -> int:
    started = time.monotonic()
    response = await http.post("/graphql", json={"query": "{ __typename }"},
                               headers={"authorization": f"Bearer {token}"})
    assert time.monotonic() - started < PROMPT, "an answer waited on Redis"
    return response.status_code


async def _statuses(http: httpx.AsyncClient, token: str, count: int) -> list[int]:
    return [await _typename(http, token) for _ in range(count)]


async def _shared(a: httpx.AsyncClient, b: httpx.AsyncClient) -> bool:
    """Whether the two workers count one token together: its allowance spent on A leaves none on B."""
    token = f"imi_probe_{uuid.uuid4().hex}"
    assert await _statuses(a, token, PER_TOKEN) == [200] * PER_TOKEN
    return await _typename(b, token) == 429


async def _act(http: httpx.AsyncClient, stage: RequestStage, document: str, name: str, version: int,
               extra: dict[str, str]) -> None:
    variables = {"input": {"exchangeId": stage.gid(stage.exchange_ids[0]), "version": version, **extra}}
    started = time.monotonic()
    data = await stage.responders[0].gql(http, document, variables)
    assert data[name]["__typename"] == "ExchangeSuccess", data
    assert time.monotonic() - started < PROMPT


async def test_without_redis_the_app_serves_and_limits_each_worker_alone(clean_db: str, tmp_path: Path) -> None:
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    redis = RedisServer(tmp_path)
    redis.start()
    stage = await request_stage(1)
    url = f"{redis.url}?channel=imi-test-{uuid.uuid4().hex}"
    try:
        with running_servers(clean_db, tmp_path, 2, IMI_REDIS_URL=url, IMI_RATE_LIMIT_TOKEN=str(PER_TOKEN)) as (
                one, two):
            async with httpx.AsyncClient(base_url=one.base, timeout=30) as a, \
                    httpx.AsyncClient(base_url=two.base, timeout=30) as b:
                assert await _shared(a, b), "with Redis the workers share their counts"

                redis.kill()
                await _act(a, stage, ops.ACCEPT, "acceptRequest", 2, {})
                token = f"imi_probe_{uuid.uuid4().hex}"
                assert await _statuses(a, token, PER_TOKEN + 1) == [200] * PER_TOKEN + [429], "still limited"
                assert await _statuses(b, token, PER_TOKEN) == [200] * PER_TOKEN, "each worker counts alone"

                redis.start()
                deadline = time.monotonic() + 20
                while not await _shared(a, b):
                    assert time.monotonic() < deadline, "the workers did not share their counts again"
                    await asyncio.sleep(0.5)
                await _act(b, stage, ops.ANSWER, "answerRequest", 3, {"message": "Wpisany do rejestru."})
    finally:
        redis.kill()
    record = await record_of(stage.exchange_ids[0])
    assert not whole(record) and [action for action, _, _ in record.events][-2:] == ["ACCEPT", "ANSWER"]
