"""The search in the running app (a real uvicorn): built at start, following changes committed by another
process, and kept across a restart."""

import asyncio
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from imi.accounts.profiles import Profile
from imi.authorities import service
from tests import world
from tests.server import running_server

from .operations import SEARCH

pytestmark = pytest.mark.slow


async def _search(client: world.Client, **input: Any) -> dict[str, Any]:
    found: dict[str, Any] = (await client.gql(SEARCH, {"input": input}))["searchAuthorities"]
    return found


async def _eventually(client: world.Client, wanted: str, seconds: float = 15.0, **input: Any) -> dict[str, Any]:
    deadline = time.monotonic() + seconds
    while True:
        result = await _search(client, **input)
        if wanted in [edge["node"]["officialName"] for edge in result["edges"]]:
            return result
        assert time.monotonic() < deadline, f"{wanted} not found: {result}"
        await asyncio.sleep(0.2)


async def test_search_over_http_follows_changes_and_survives_a_restart(clean_db: str, tmp_path: Path, clock) -> None:
    now = clock.now()
    doctors = await world.authority("PL", now)
    coordinator = await world.coordinator("DE", now)
    anna = await world.official(await world.authority("DE", now), now, email="anna@de.example.eu", language="de")
    principal = await world.principal_of(await world.official(coordinator, now, rights=[(None, Profile.VALIDATOR)]))

    with running_server(clean_db, tmp_path) as base:
        async with httpx.AsyncClient(base_url=base, timeout=20) as http:
            client = world.Client(http)
            assert (await client.sign_in(anna.email))["__typename"] == "SignInSuccess"
            built = await _eventually(client, doctors.official_name, query="Lekarska", countries=["PL"])
            assert built["totalCount"] == 1 and built["facets"]["countries"] == [{"value": "PL", "count": 1}]

            registered = await service.register(principal, service.AuthorityDetails(
                country="DE", level="LOCAL", official_name="Gesundheitsamt Köln", official_language="de",
                city="Köln"), now)
            await service.validate(principal, registered.id, registered.version, now)
            found = await _eventually(client, "Gesundheitsamt Köln", query="Gesundheitsamt Cologne")
            marks = {mark["field"]: mark["html"] for mark in found["edges"][0]["highlights"]}
            assert marks["officialName"] == "<mark>Gesundheitsamt</mark> Köln"

    with running_server(clean_db, tmp_path) as base:
        async with httpx.AsyncClient(base_url=base, timeout=20) as http:
            client = world.Client(http)
            assert (await client.sign_in(anna.email))["__typename"] == "SignInSuccess"
            kept = await _search(client, query="Gesundheitsamt")
            assert [edge["node"]["officialName"] for edge in kept["edges"]] == ["Gesundheitsamt Köln"], \
                "the index on disk answers at once after a restart"
