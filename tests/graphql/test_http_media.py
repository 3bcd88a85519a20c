"""GraphQL over HTTP: `application/graphql-response+json` with the spec's status codes for clients that ask for
it, `application/json` as before for the others; introspection and GraphiQL only outside production; the
security headers on every answer."""

import dataclasses

import httpx
import pytest

from imi.app import CONTENT_SECURITY_POLICY, create_app
from imi.graphql.media import GRAPHQL_RESPONSE, negotiate
from imi.settings import Environment

MODERN = {"accept": GRAPHQL_RESPONSE}
CLASSIC = {"accept": "application/json"}
INTROSPECTION = "{ __schema { queryType { name } } }"


def test_negotiation() -> None:
    assert negotiate(None) == negotiate("*/*") == negotiate("application/json") == "application/json"
    assert negotiate(GRAPHQL_RESPONSE) == GRAPHQL_RESPONSE
    assert negotiate(f"{GRAPHQL_RESPONSE}, application/json") == GRAPHQL_RESPONSE  # the web app's client
    assert negotiate(f"application/json, {GRAPHQL_RESPONSE};q=0.5") == "application/json"
    assert negotiate(f"{GRAPHQL_RESPONSE};q=0") == "application/json"


@pytest.fixture
def client_for(settings, clock):
    def make(environment: Environment) -> httpx.AsyncClient:
        app = create_app(dataclasses.replace(settings, environment=environment), clock)
        return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://imi.test")

    return make


@pytest.mark.parametrize("query", ["{ countries { code ", "{ nothingHere }"])
async def test_requests_that_cannot_run_are_400_for_graphql_response_json(clean_db, client_for, query) -> None:
    async with client_for(Environment.TEST) as http:
        modern = await http.post("/graphql", json={"query": query}, headers=MODERN)
        assert modern.status_code == 400 and modern.headers["content-type"].startswith(GRAPHQL_RESPONSE)
        assert "data" not in modern.json() and modern.json()["errors"]
        classic = await http.post("/graphql", json={"query": query}, headers=CLASSIC)
        assert classic.status_code == 200 and classic.headers["content-type"].startswith("application/json")
        assert classic.json()["errors"] == modern.json()["errors"]


async def test_variables_that_do_not_coerce_are_400_and_executed_operations_200(clean_db, client_for) -> None:
    async with client_for(Environment.TEST) as http:
        coerce = {"query": "query($id: ID!) { node(id: $id) { id } }", "variables": {"id": None}}
        assert (await http.post("/graphql", json=coerce, headers=MODERN)).status_code == 400
        runs = {"query": "query($id: ID!) { node(id: $id) { id } }", "variables": {"id": "QXV0aG9yaXR5Ojk5"}}
        answered = await http.post("/graphql", json=runs, headers=MODERN)
        assert answered.status_code == 200 and answered.json() == {"data": {"node": None}}
        assert answered.headers["content-type"] == f"{GRAPHQL_RESPONSE}; charset=utf-8"


async def test_an_operation_name_that_is_not_a_string_is_a_bad_request(clean_db, client_for) -> None:
    async with client_for(Environment.TEST) as http:
        response = await http.post("/graphql", json={"query": "{ __typename }", "operationName": 7})
        assert response.status_code == 400


async def test_production_refuses_introspection_and_serves_no_graphiql(clean_db, client_for) -> None:
    async with client_for(Environment.PRODUCTION) as http:
        refused = await http.post("/graphql", json={"query": INTROSPECTION}, headers=MODERN)
        assert refused.status_code == 400 and "introspection" in refused.json()["errors"][0]["message"].lower()
        typename = await http.post("/graphql", json={"query": "{ __typename }"})
        assert typename.json() == {"data": {"__typename": "Query"}}
        assert (await http.get("/graphql", headers={"accept": "text/html"})).status_code == 404
        assert (await http.get("/healthz")).headers["content-security-policy"] == CONTENT_SECURITY_POLICY


async def test_development_keeps_introspection_and_graphiql(clean_db, client_for) -> None:
    async with client_for(Environment.DEVELOPMENT) as http:
        schema = await http.post("/graphql", json={"query": INTROSPECTION})
        assert schema.json()["data"]["__schema"]["queryType"]["name"] == "Query"
        page = await http.get("/graphql", headers={"accept": "text/html"})
        assert page.status_code == 200 and "graphiql" in page.text.lower()


async def test_every_answer_carries_the_security_headers(clean_db, client_for) -> None:
    async with client_for(Environment.PRODUCTION) as http:
        for response in (await http.post("/graphql", json={"query": "{ __typename }"}),
                         await http.get("/attachments/nothing"), await http.get("/healthz")):
            headers = response.headers
            assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
            assert "script-src 'self'" in CONTENT_SECURITY_POLICY and "unsafe" not in CONTENT_SECURITY_POLICY
            assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"
            assert headers["referrer-policy"] == "no-referrer"
