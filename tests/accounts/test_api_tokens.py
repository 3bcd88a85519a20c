"""API tokens over GraphQL: an official creates one (shown once), lists the active ones, revokes one; a revoked
token stops working at once; nobody revokes another's token; a token cannot manage tokens; the number of active
tokens per owner is capped."""

from collections.abc import AsyncIterator

import httpx
import pytest

from imi.accounts import rules, service
from imi.app import create_app
from tests import world

CREATE = """mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { __typename
  ... on CreateApiTokenSuccess { token apiToken { prefix name scopes } }
  ... on ValidationFailed { problems { field } } } }"""
LIST = "{ apiTokens { prefix name scopes revokedAt } }"
REVOKE = """mutation($prefix: String!) { revokeApiToken(input: {prefix: $prefix}) { __typename
  ... on RevokeApiTokenSuccess { apiToken { prefix revokedAt } } ... on NotAllowed { message } } }"""
ME = "{ me { scopes } }"


@pytest.fixture
async def http(settings, clock) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings, clock)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://imi.test") as client:
        yield client


async def _signed_in(http: httpx.AsyncClient, person: world.Official) -> world.Client:
    client = world.Client(http)
    assert (await client.sign_in(person.email))["__typename"] == "SignInSuccess"
    return client


async def test_create_list_and_revoke_a_token(clean_db: str, clock, http: httpx.AsyncClient) -> None:
    now = clock.now()
    anna = await world.official(await world.authority("DE", now), now, email="anna@de.example.eu")
    luc = await world.official(await world.authority("FR", now), now, email="luc@fr.example.eu")
    client, other = await _signed_in(http, anna), await _signed_in(http, luc)

    made = (await client.gql(CREATE, {"input": {"name": "back office", "scopes": ["EVENTS_SUBSCRIBE"]}}))
    token, prefix = made["createApiToken"]["token"], made["createApiToken"]["apiToken"]["prefix"]
    assert token.startswith(f"imi_{prefix}_")
    listed = (await client.gql(LIST))["apiTokens"]
    assert listed == [{"prefix": prefix, "name": "back office", "scopes": ["EVENTS_SUBSCRIBE"], "revokedAt": None}]
    assert token not in str(listed), "the secret is shown once, at creation"
    assert (await other.gql(LIST))["apiTokens"] == []

    partner = world.Client(http)
    partner.bearer = token
    assert (await partner.gql(ME))["me"]["scopes"] == ["EVENTS_SUBSCRIBE"]
    assert (await partner.gql(LIST))["apiTokens"] == [], "a token does not see tokens"
    refused = (await partner.gql(REVOKE, {"prefix": prefix}))["revokeApiToken"]
    assert refused["__typename"] == "NotAllowed"
    assert (await other.gql(REVOKE, {"prefix": prefix}))["revokeApiToken"]["__typename"] == "NotFound"
    assert (await partner.gql(ME))["me"] == {"scopes": ["EVENTS_SUBSCRIBE"]}, "nothing changed"

    revoked = (await client.gql(REVOKE, {"prefix": prefix}))["revokeApiToken"]
    assert revoked["__typename"] == "RevokeApiTokenSuccess" and revoked["apiToken"]["revokedAt"]
    assert (await partner.gql(ME))["me"] is None, "a revoked token is anonymous at once"
    assert (await client.gql(LIST))["apiTokens"] == []
    again = (await client.gql(REVOKE, {"prefix": prefix}))["revokeApiToken"]
    assert again["apiToken"]["revokedAt"] == revoked["apiToken"]["revokedAt"], "revoking twice keeps the moment"


async def test_active_tokens_per_owner_are_capped(clean_db: str, clock, http: httpx.AsyncClient) -> None:
    now = clock.now()
    anna = await world.official(await world.authority("DE", now), now, email="anna@de.example.eu")
    for number in range(rules.MAX_ACTIVE_TOKENS):
        await service.create_token(name=f"t{number}", scopes=["exchanges:read"], days=30, now=now,
                                   user_id=anna.user_id)
    client = await _signed_in(http, anna)
    refused = (await client.gql(CREATE, {"input": {"name": "one more", "scopes": ["EXCHANGES_READ"]}}))
    assert refused["createApiToken"] == {"__typename": "ValidationFailed", "problems": [{"field": "owner"}]}
    oldest = (await client.gql(LIST))["apiTokens"][-1]["prefix"]
    await client.gql(REVOKE, {"prefix": oldest})
    made = (await client.gql(CREATE, {"input": {"name": "one more", "scopes": ["EXCHANGES_READ"]}}))
    assert made["createApiToken"]["__typename"] == "CreateApiTokenSuccess"

