"""Rate limits: the generic cell rate algorithm in the process, shared through Redis, and the process's own counts
taking over while Redis does not answer."""

import uuid

import pytest

from imi.http.ratelimit import MemoryLimiter, RedisLimiter, Rule
from tests.events.conftest import LOCAL_REDIS, _answers
from tests.server import free_port

THREE_PER_MINUTE = Rule("test", 3, 60.0)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_a_burst_up_to_the_limit_then_one_request_per_interval() -> None:
    clock = FakeClock()
    limiter = MemoryLimiter(clock=clock)
    assert [(await limiter.hit("a", THREE_PER_MINUTE)).allowed for _ in range(4)] == [True, True, True, False]
    refused = await limiter.hit("a", THREE_PER_MINUTE)
    assert refused.retry_after == pytest.approx(20.0) and refused.retry_after_header == "20"
    assert (await limiter.hit("b", THREE_PER_MINUTE)).allowed, "each key has its own allowance"
    clock.now += 19.5
    assert not (await limiter.hit("a", THREE_PER_MINUTE)).allowed
    assert (await limiter.check("a", THREE_PER_MINUTE)).retry_after == pytest.approx(0.5)
    clock.now += 0.5
    assert (await limiter.hit("a", THREE_PER_MINUTE)).allowed
    assert not (await limiter.hit("a", THREE_PER_MINUTE)).allowed, "one more per 20 seconds"


async def test_check_counts_nothing_and_a_rule_of_zero_is_off() -> None:
    limiter = MemoryLimiter(clock=FakeClock())
    for _ in range(10):
        assert (await limiter.check("a", THREE_PER_MINUTE)).allowed
    assert all([(await limiter.hit("a", Rule("off", 0, 60.0))).allowed for _ in range(100)])


async def test_idle_keys_are_forgotten_and_the_number_of_keys_is_bounded() -> None:
    clock = FakeClock()
    limiter = MemoryLimiter(max_keys=50, clock=clock)
    for n in range(200):
        await limiter.hit(f"k{n}", THREE_PER_MINUTE)
    assert len(limiter._tat) <= 50
    clock.now += 61
    await limiter.hit("new", THREE_PER_MINUTE)
    assert list(limiter._tat) == ["test:new"]


@pytest.fixture
def redis_url() -> str:
    host, _, port = LOCAL_REDIS.split("//", 1)[1].split("/", 1)[0].partition(":")
    if not _answers(host, int(port or 6379)):
        pytest.skip(f"Redis at {LOCAL_REDIS} does not answer")
    return f"{LOCAL_REDIS}?channel=imi-test-{uuid.uuid4().hex}"


async def test_workers_share_their_counts_through_redis(redis_url: str) -> None:
    one, two = RedisLimiter(redis_url), RedisLimiter(redis_url)
    try:
        decisions = [(await limiter.hit("address", THREE_PER_MINUTE)).allowed for limiter in (one, two, one, two)]
        assert decisions == [True, True, True, False]
        refused = await two.check("address", THREE_PER_MINUTE)
        assert not refused.allowed and 19 < refused.retry_after <= 20
        assert one.shared and two.shared
    finally:
        await one.close()
        await two.close()


async def test_without_redis_the_process_counts_alone_and_answers_at_once() -> None:
    limiter = RedisLimiter(f"redis://127.0.0.1:{free_port()}/0", timeout=0.5)
    try:
        assert [(await limiter.hit("a", THREE_PER_MINUTE)).allowed for _ in range(4)] == [True, True, True, False]
        assert not limiter.shared
    finally:
        await limiter.close()
