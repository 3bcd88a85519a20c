"""Two real app workers on one database behind Redis: an alert sent through worker A reaches partner tools
subscribed on worker B, each seeing the alert as it may (Poland's incoming coordinator the limited view, the
chamber it allocates the alert to the full one), and a subscriber killed and restarted from its cursor receives
every event exactly once."""

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from tests.events.conftest import WITHOUT_TRANSLATION
from tests.events.stage import (
    EVENTS,
    SURNAME,
    AlertCast,
    Officials,
    acknowledge,
    alert_cast,
    allocate,
    broadcast_alert,
    close,
    comment,
)
from tests.graphql_ws import Socket
from tests.server import Server, running_servers

pytestmark = pytest.mark.slow
LIMITED_ITEMS = {"pq_alert.professional.profession", "pq_alert.decision.scope", "pq_alert.decision.activities"}


@pytest.fixture
async def cast(clean_db: str) -> AlertCast:
    return await alert_cast()


@pytest.fixture
async def workers(clean_db: str, tmp_path: Path, redis_url: str) -> AsyncIterator[list[Server]]:
    with running_servers(clean_db, tmp_path, 2, IMI_REDIS_URL=redis_url, **WITHOUT_TRANSLATION) as servers:
        yield servers


async def _partner(base: str, token: str, after: str | None = None, op_id: str = "events") -> Socket:
    socket = await Socket.open(base)
    assert (await socket.init({"token": token}))["type"] == "connection_ack"
    await socket.subscribe(op_id, EVENTS, {"input": {"after": after, "kinds": ["ALERT"]}})
    return socket


async def test_an_alert_through_worker_a_reaches_partner_tools_on_worker_b(
        cast: AlertCast, workers: list[Server]) -> None:
    a, b = workers
    async with httpx.AsyncClient(base_url=a.base, timeout=20) as http_a, \
            httpx.AsyncClient(base_url=b.base, timeout=20) as http_b:
        officials = await Officials(cast, http_a).sign_in()
        coordinator = await _partner(b.base, cast.tokens["incoming"])
        chamber = await _partner(b.base, cast.tokens["handler"])

        alert = await broadcast_alert(officials)
        received = (await coordinator.events(1))[0]
        assert received["action"] == "VALIDATE", "the draft and its validation were not Poland's business"
        assert received["exchange"]["limitedView"] and received["exchange"]["personalDataStatus"] == "LIMITED_VIEW"
        assert {a["item"] for a in received["exchange"]["answers"]} == LIMITED_ITEMS
        assert received["exchange"]["personalData"] is None and SURNAME not in str(received)

        await allocate(officials.on(http_b), alert)  # the coordinator works through the other worker
        allocated = (await coordinator.events(1))[0]
        assert allocated["action"] == "ALLOCATE" and allocated["exchange"]["limitedView"], "still the limited view"
        first = (await chamber.events(1))[0]
        assert first["action"] == "ALLOCATE", "the chamber's stream starts with its allocation"
        assert not first["exchange"]["limitedView"] and first["exchange"]["personalDataStatus"] == "VISIBLE"
        assert {"field": "pq_alert.professional.surname", "value": SURNAME} in first["exchange"]["personalData"]

        chamber.abort()  # the chamber's back office is killed
        await acknowledge(officials, alert)
        await comment(officials, alert, "Die Untersagung gilt ab sofort.")
        await close(officials, alert)
        assert [e["action"] for e in await coordinator.events(3)] == ["ACKNOWLEDGE", "ADD_MESSAGE", "CLOSE"]
        assert await coordinator.quiet(0.5), "each event once"

        restarted = await _partner(a.base, cast.tokens["handler"], after=first["cursor"])
        resumed = await restarted.events(3)
        assert [e["action"] for e in resumed] == ["ACKNOWLEDGE", "ADD_MESSAGE", "CLOSE"]
        assert [int(e["cursor"]) for e in resumed] == sorted({int(e["cursor"]) for e in resumed})
        assert int(resumed[0]["cursor"]) > int(first["cursor"])
        assert await restarted.quiet(0.5), "each event once"

        again = await _partner(b.base, cast.tokens["handler"], after=resumed[-1]["cursor"])
        assert await again.quiet(0.5), "a cursor at the end of the stream replays nothing"
        for socket in (coordinator, restarted, again):
            await socket.close()

