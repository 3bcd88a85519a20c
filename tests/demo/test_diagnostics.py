"""The query counter: every response of the measured app says how many SQL statements it took."""

import httpx

from imi.app import create_app
from imi.authorities.models import Authority
from imi.diagnostics import HEADER, QueryCount, QueryCounter, middleware


async def test_each_response_carries_its_statement_count(clean_db: str, settings, clock) -> None:
    app = QueryCounter(create_app(settings, clock))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://imi.test") as http:
        assert (await http.get("/healthz")).headers[HEADER] == "1"
        response = await http.post("/graphql", json={"query": "{ __typename }"})
        assert response.headers[HEADER] == "0"


async def test_code_can_count_its_own_statements(clean_db: str) -> None:
    with QueryCount() as counted:
        await Authority.all().count()
        await Authority.exists()
    assert counted.value == 2


def test_the_middleware_is_off_unless_asked_for(monkeypatch) -> None:
    monkeypatch.delenv("IMI_COUNT_QUERIES", raising=False)
    assert middleware() == []
    monkeypatch.setenv("IMI_COUNT_QUERIES", "1")
    assert len(middleware()) == 1
