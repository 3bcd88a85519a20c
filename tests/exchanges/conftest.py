"""Two officials of authorities in different countries, a bystander, and a client per person."""

from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest

from imi.accounts.profiles import Profile
from imi.app import create_app
from tests import world


@dataclass
class Cast:
    requester: world.Official
    responder: world.Official
    bystander: world.Official
    colleague: world.Official  # another authority in the responder's country
    coordinator: world.Official  # the requester's national coordinator


@pytest.fixture
async def cast(clean_db: str, clock) -> Cast:
    now = clock.now()
    de, pl, fr = [await world.authority(c, now) for c in ("DE", "PL", "FR")]
    pl2 = await world.authority("PL", now, name="Okręgowa Izba Lekarska w Krakowie")
    de_coordinator = await world.coordinator("DE", now)
    return Cast(
        requester=await world.official(de, now, email="anna@de.example.eu", language="de"),
        responder=await world.official(pl, now, email="jan@pl.example.eu", language="pl"),
        bystander=await world.official(fr, now, email="luc@fr.example.eu", language="fr"),
        colleague=await world.official(pl2, now, email="ewa@pl.example.eu", language="pl"),
        coordinator=await world.official(de_coordinator, now, email="coordinator@de.example.eu", rights=[
            (None, Profile.REFERRAL_HANDLER), (None, Profile.VALIDATOR), (None, Profile.VIEWER)]),
    )


@pytest.fixture
async def http(settings, clock) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings, clock)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://imi.test") as client:
        yield client


@pytest.fixture
def client_for(http: httpx.AsyncClient):
    async def make(person: world.Official) -> world.Client:
        client = world.Client(http)
        assert (await client.sign_in(person.email))["__typename"] == "SignInSuccess"
        return client

    return make
