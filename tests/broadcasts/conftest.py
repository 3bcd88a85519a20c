"""Fixtures of the broadcast tests: GraphQL clients signed in as given officials, on the in-process app."""

from collections.abc import AsyncIterator

import httpx
import pytest

from imi.app import create_app
from tests import world


@pytest.fixture
async def client_for(settings, clock) -> AsyncIterator:
    app = create_app(settings, clock)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://imi.test") as http:
        async def make(person: world.Official) -> world.Client:
            client = world.Client(http)
            assert (await client.sign_in(person.email))["__typename"] == "SignInSuccess"
            return client

        yield make
