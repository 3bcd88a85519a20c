"""Malformed, oversized and over-deep queries get GraphQL errors, never a server error."""

import httpx
import pytest

from imi.app import create_app
from imi.graphql.limits import MAX_ALIASES, MAX_DEPTH, MAX_TOKENS


@pytest.fixture
async def http(clean_db, settings, clock):
    app = create_app(settings, clock)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://imi.test") as client:
        yield client


async def _errors(http: httpx.AsyncClient, query: str) -> list[dict]:
    response = await http.post("/graphql", json={"query": query})
    assert response.status_code < 500, response.text
    return response.json().get("errors") or []


async def test_unknown_field(http) -> None:
    errors = await _errors(http, "{ countries { code flag } }")
    assert "Cannot query field 'flag'" in errors[0]["message"]


async def test_syntax_error(http) -> None:
    response = await http.post("/graphql", json={"query": "{ countries { code "})
    assert response.status_code < 500 and "Syntax Error" in response.text


async def test_too_deep(http) -> None:
    inner = "id"
    for _ in range(MAX_DEPTH + 2):
        inner = f"coordinator {{ {inner} }}"
    errors = await _errors(http, f'{{ authority(id: "QXV0aG9yaXR5OjE=") {{ {inner} }} }}')
    assert "exceeds maximum operation depth" in errors[0]["message"]


async def test_too_many_tokens(http) -> None:
    fields = " ".join("code" for _ in range(MAX_TOKENS))
    errors = await _errors(http, f"{{ countries {{ {fields} }} }}")
    assert f"more than {MAX_TOKENS} tokens" in errors[0]["message"]


async def test_too_many_aliases(http) -> None:
    aliases = " ".join(f"a{i}: countries {{ code }}" for i in range(MAX_ALIASES + 1))
    errors = await _errors(http, f"{{ {aliases} }}")
    assert "aliases" in errors[0]["message"].lower()


async def test_malformed_body_and_method(http) -> None:
    assert (await http.post("/graphql", content=b"{not json", headers={"content-type": "application/json"})
            ).status_code == 400
    assert (await http.put("/graphql", json={"query": "{ countries { code } }"})).status_code == 405


async def test_anonymous_callers_see_no_exchanges_and_no_authorities(http) -> None:
    data = (await http.post("/graphql", json={"query": "{ me { language } exchanges(input: {}) { edges { cursor } }"
                                                       " authorities(input: {}) { edges { cursor } } }"})).json()
    assert data["data"] == {"me": None, "exchanges": {"edges": []}, "authorities": {"edges": []}}


async def test_a_page_size_out_of_range_is_a_clear_error(http) -> None:
    errors = await _errors(http, "{ authorities(input: {first: 100000}) { edges { cursor } } }")
    assert errors and "first" in errors[0]["message"]
