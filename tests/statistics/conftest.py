"""An app client, and API tokens for a statistician and for a partner tool without statistics."""

from collections.abc import AsyncIterator

import httpx
import pytest

from imi.accounts import service as accounts
from imi.app import create_app
from tests import world


@pytest.fixture
async def http(settings, clock) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings, clock)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://imi.test") as client:
        yield client


async def token(scopes: list[str], clock) -> str:
    account = await accounts.service_account(f"tool with {' '.join(scopes)}", clock.now())
    made = await accounts.create_token(name="test", scopes=scopes, days=365, now=clock.now(),
                                       service_account_id=account.id)
    return made.plaintext


@pytest.fixture
async def statistician(clean_db, clock, http) -> world.Client:
    client = world.Client(http)
    client.bearer = await token(["statistics:read"], clock)
    return client


@pytest.fixture
async def partner(clean_db, clock, http) -> world.Client:
    client = world.Client(http)
    client.bearer = await token(["exchanges:read"], clock)
    return client
