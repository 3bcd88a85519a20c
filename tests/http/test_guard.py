"""The HTTP guard in front of the app: rate limits per address and per credential answered 429 with Retry-After,
bodies past their limit refused 413 (before they are read when their length is declared), sign-in throttled per
address, security headers on every answer."""

import dataclasses
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from imi.app import CONTENT_SECURITY_POLICY, create_app
from imi.settings import Settings
from tests import world

TYPENAME = {"query": "{ __typename }"}


def _client(app: Any, address: str = "127.0.0.1") -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://imi.test")


@pytest.fixture
def app_with(settings: Settings, clock: Any) -> Callable[..., Any]:
    def make(**changes: Any) -> Any:
        return create_app(dataclasses.replace(settings, **changes), clock)

    return make


async def test_an_address_past_its_limit_waits_as_told(clean_db: str, app_with: Callable[..., Any]) -> None:
    app = app_with(rate_limit_address=3)
    async with _client(app) as http, _client(app, "10.1.2.3") as other:
        statuses = [(await http.post("/graphql", json=TYPENAME)).status_code for _ in range(3)]
        refused = await http.post("/graphql", json=TYPENAME)
        assert statuses == [200, 200, 200] and refused.status_code == 429
        assert refused.headers["retry-after"] == "20"
        assert refused.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
        assert refused.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert (await http.get("/healthz")).status_code == 200, "health checks are not limited"
        assert (await other.post("/graphql", json=TYPENAME)).status_code == 200, "another address has its own"


async def test_each_token_or_session_has_its_own_allowance(clean_db: str, app_with: Callable[..., Any]) -> None:
    app = app_with(rate_limit_credential=2)
    async with _client(app) as http:
        first = {"authorization": "Bearer imi_first_token"}
        assert [(await http.post("/graphql", json=TYPENAME, headers=first)).status_code
                for _ in range(3)] == [200, 200, 429]
        second = {"cookie": "imi_session=another-session"}
        assert (await http.post("/graphql", json=TYPENAME, headers=second)).status_code == 200
        assert (await http.post("/graphql", json=TYPENAME)).status_code == 200, "the address is within its limit"


async def test_a_declared_body_past_the_limit_is_refused_before_it_is_read(app_with: Callable[..., Any]) -> None:
    app = app_with(max_body_bytes=1000)
    read: list[bytes] = []
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        read.append(b"x" * 5000)
        return {"type": "http.request", "body": read[-1], "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/graphql", "raw_path": b"/graphql", "query_string": b"",
             "headers": [(b"content-type", b"application/json"), (b"content-length", b"5000")],
             "client": ("127.0.0.1", 1), "server": ("imi.test", 80), "scheme": "http", "http_version": "1.1",
             "root_path": "", "app": app}
    await app(scope, receive, send)
    assert sent[0]["status"] == 413 and not read


async def test_a_streamed_body_is_cut_off_as_soon_as_it_passes_the_limit(app_with: Callable[..., Any]) -> None:
    app = app_with(max_body_bytes=1000)
    chunks = 0

    async def body() -> AsyncIterator[bytes]:
        nonlocal chunks
        for _ in range(100):
            chunks += 1
            yield b" " * 400

    async with _client(app) as http:
        response = await http.post("/graphql", content=body(), headers={"content-type": "application/json"})
    assert response.status_code == 413 and response.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"
    assert chunks < 10


async def test_uploads_may_be_as_large_as_an_attachment_and_no_larger(app_with: Callable[..., Any]) -> None:
    app = app_with(max_body_bytes=1000, attachment_max_bytes=200_000)
    async with _client(app) as http:
        small_json = await http.post("/graphql", content=b" " * 2000, headers={"content-type": "application/json"})
        assert small_json.status_code == 413
        form = {"operations": '{"query": "{ __typename }"}', "map": "{}"}
        upload = await http.post("/graphql", data=form, files={"0": ("a.pdf", b"%PDF" + b"0" * 150_000)})
        assert upload.status_code != 413
        too_big = await http.post("/graphql", data=form, files={"0": ("b.pdf", b"0" * 2_000_000)})
        assert too_big.status_code == 413


SIGN_IN = "mutation($input: SignInInput!) { signIn(input: $input) { __typename } }"


async def test_an_address_that_fails_to_sign_in_too_often_is_refused_even_the_right_password(
        clean_db: str, app_with: Callable[..., Any]) -> None:
    now = datetime.now(UTC)
    person = await world.official(await world.authority("DE", now), now, email="anna@de.example.eu")
    app = app_with(sign_in_failures_address=3)

    async def sign_in(http: httpx.AsyncClient, password: str) -> httpx.Response:
        return await http.post("/graphql", json={"query": SIGN_IN, "variables": {
            "input": {"email": f"nobody{password[:3]}@x.example.eu" if password == "x" else person.email,
                      "password": password}}})

    async with _client(app, "192.0.2.7") as guesser, _client(app, "192.0.2.8") as colleague:
        for _ in range(3):
            failed = await sign_in(guesser, "wrong password, again")
            assert failed.json()["data"]["signIn"]["__typename"] == "ValidationFailed"
            assert "retry-after" not in failed.headers
        refused = await sign_in(guesser, world.PASSWORD)
        assert refused.json()["data"]["signIn"]["__typename"] == "ValidationFailed"
        assert 299 <= int(refused.headers["retry-after"]) <= 300, "one attempt back every 5 minutes"
        signed_in = await sign_in(colleague, world.PASSWORD)
        assert signed_in.json()["data"]["signIn"]["__typename"] == "SignInSuccess", "other addresses unaffected"
