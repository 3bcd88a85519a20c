"""Every error a caller gets says what kind it is in `extensions.code`: refusals by the domain their own code,
unexpected errors masked as INTERNAL_SERVER_ERROR, the database out of reach DATABASE_UNAVAILABLE."""

import sqlite3

import asyncpg
import httpx
import pytest

from graphql import GraphQLError
from imi.app import create_app
from imi.errors import NotAllowed
from imi.graphql.limits import MASKED_MESSAGE, MaskUnexpectedErrors, is_unexpected
from imi.http.unavailable import database_unavailable
from tests import world
from tests.faults.stage import session_headers


def _masked(original: Exception) -> GraphQLError:
    extension = MaskUnexpectedErrors(should_mask_error=is_unexpected, error_message=MASKED_MESSAGE)
    return extension._process_errors([GraphQLError("raw", path=["field"], original_error=original)])[0]


@pytest.mark.parametrize(("original", "code", "message"), [
    (RuntimeError("a bug with a secret in it"), "INTERNAL_SERVER_ERROR", MASKED_MESSAGE),
    (NotAllowed("sign in first"), "NOT_ALLOWED", "raw"),
    (asyncpg.exceptions.ConnectionDoesNotExistError("closed"), "DATABASE_UNAVAILABLE", "The database is unavailable"),
    (TimeoutError(), "DATABASE_UNAVAILABLE", "The database is unavailable"),
])
def test_each_error_carries_its_code(original: Exception, code: str, message: str) -> None:
    error = _masked(original)
    assert error.extensions == {"code": code} and error.message.startswith(message) and error.path == ["field"]


def test_what_counts_as_the_database_out_of_reach() -> None:
    assert database_unavailable(sqlite3.OperationalError("database is locked"))
    wrapped = RuntimeError("while reading")
    wrapped.__cause__ = ConnectionRefusedError()
    assert database_unavailable(wrapped)
    assert not database_unavailable(sqlite3.OperationalError("no such table: exchange"))
    assert not database_unavailable(ValueError("bad input"))


async def test_a_refusal_over_http_carries_its_code(clean_db, settings, clock) -> None:
    app = create_app(settings, clock)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://imi.test") as http:
        body = (await http.post("/graphql", json={"query": "{ authorities(input: {first: 0}) { edges { cursor } } }"}
                                )).json()
    assert body["errors"][0]["extensions"]["code"] == "VALIDATION_FAILED" and "first" in body["errors"][0]["message"]


async def test_unknown_codes_in_a_directory_filter_are_refused_not_a_crash(clean_db, settings, clock) -> None:
    """Found by the schemathesis run: a country longer than a code used to fail inside the database layer."""
    person = await world.official(await world.authority("DE", clock.now()), clock.now())
    headers = await session_headers(person.user_id, clock.now())
    app = create_app(settings, clock)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://imi.test") as http:
        for field, value in (("countries", "DEU"), ("legalAreas", "x" * 50), ("procedures", "NOPE")):
            query = f'{{ authorities(input: {{{field}: ["{value}"]}}) {{ edges {{ cursor }} }} }}'
            error = (await http.post("/graphql", json={"query": query}, headers=headers)).json()["errors"][0]
            assert error["extensions"]["code"] == "VALIDATION_FAILED" and value[:10] in error["message"], error
