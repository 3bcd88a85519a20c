"""Officials of the authorities a procedure involves, in several countries, with a GraphQL client each; helpers
that act through the generic mutations and run the deadline job with the test's clock."""

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from imi.accounts.profiles import Profile
from imi.app import create_app
from imi.clock import FixedClock
from imi.procedures import deadline_job
from imi.reference import countries
from tests import world
from tests.procedures import operations as ops

COORDINATOR_RIGHTS = [(None, Profile.VALIDATOR), (None, Profile.ALLOCATOR), (None, Profile.ALERT_HANDLER),
                      (None, Profile.REFERRAL_HANDLER), (None, Profile.VIEWER)]


@dataclass
class Party:
    """An official and its signed-in client."""

    person: world.Official
    client: world.Client

    @property
    def authority_gid(self) -> str:
        return self.person.authority_gid

    async def gql(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        return await self.client.gql(query, variables)

    async def create(self, procedure: str, subject: str, **given: Any) -> dict[str, Any]:
        return (await self.gql(ops.CREATE, {"input": {"procedure": procedure, "subject": subject, **given}}))[
            "createExchange"]

    async def act(self, exchange: dict[str, Any], action: str, **given: Any) -> dict[str, Any]:
        """Take `action` on the exchange as last seen (its id and version)."""
        return (await self.gql(ops.PERFORM, {"input": {"exchangeId": exchange["id"], "version": exchange["version"],
                                                       "action": action, **given}}))["performAction"]

    async def detail(self, exchange: dict[str, Any]) -> dict[str, Any] | None:
        return (await self.gql(ops.DETAIL, {"id": exchange["id"]}))["exchange"]

    async def box(self, box: str) -> list[str]:
        data = await self.gql(ops.BOX, {"box": box})
        return [edge["node"]["id"] for edge in data["exchanges"]["edges"]]


def ok(result: dict[str, Any]) -> dict[str, Any]:
    assert result["__typename"] == "ExchangeSuccess", result
    return result["exchange"]


def refused(result: dict[str, Any], typename: str) -> dict[str, Any]:
    assert result["__typename"] == typename, result
    return result


def answers(values: dict[str, Any]) -> list[dict[str, Any]]:
    """Form values as `AnswerInput`s: text by default, dates, yes/no and choices by their shape."""
    found = []
    for item, value in values.items():
        if isinstance(value, dict):
            found.append({"item": item, **value})
        elif value in ("YES", "NO", "DONT_KNOW"):
            found.append({"item": item, "yesNo": value})
        elif ".opt." in str(value):
            found.append({"item": item, "choice": value})
        elif len(str(value)) == 10 and str(value)[4] == "-" and str(value)[7] == "-":
            found.append({"item": item, "date": value})
        else:
            found.append({"item": item, "text": value})
    return found


@pytest.fixture
async def http(settings, clock: FixedClock) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings, clock)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://imi.test") as client:
        yield client


@pytest.fixture
def client_for(http: httpx.AsyncClient) -> Callable[[world.Official], Awaitable[world.Client]]:
    async def make(person: world.Official) -> world.Client:
        client = world.Client(http)
        assert (await client.sign_in(person.email))["__typename"] == "SignInSuccess"
        return client

    return make


@pytest.fixture
async def all_coordinators(clean_db: str, clock: FixedClock) -> None:
    for code in (c.code for c in countries()):
        await world.coordinator(code, clock.now())


MakeParty = Callable[..., Awaitable[Party]]


@pytest.fixture
def cast() -> list[Party]:
    """Every party made in the test."""
    return []


@pytest.fixture
def party(all_coordinators: None, client_for, clock: FixedClock, cast: list[Party]) -> MakeParty:
    """An official of a new authority of `country` competent in `area` (or of its national coordinator)."""

    async def make(country: str, area: str, *, name: str | None = None, language: str = "en",
                   coordinator: bool = False, profiles: tuple[Profile, ...] = (Profile.REQUEST_HANDLER,)) -> Party:
        now = clock.now()
        if coordinator:
            authority = await world.coordinator(country, now)
            person = await world.official(authority, now, language=language, rights=COORDINATOR_RIGHTS)
        else:
            authority = await world.authority(country, now, name=name, areas=(area,))
            person = await world.official(authority, now, language=language,
                                          rights=[(area, profile) for profile in profiles])
        made = Party(person, await client_for(person))
        cast.append(made)
        return made

    return make


@pytest.fixture
def travel(clock: FixedClock, cast: list[Party]) -> Callable[..., Awaitable[None]]:
    """Move the clock on (`days=`, `weeks=`); everyone signs in again (sessions last hours, not weeks)."""

    async def move(**delta: float) -> None:
        clock.advance(**delta)
        for each in cast:
            assert (await each.client.sign_in(each.person.email))["__typename"] == "SignInSuccess"

    return move


@pytest.fixture
def run_deadlines(clock: FixedClock) -> Callable[[], Awaitable[list[deadline_job.Applied]]]:
    """The deadline job, as the server runs it, at the test clock's instant."""

    async def run() -> list[deadline_job.Applied]:
        return await deadline_job.run(clock.now())

    return run
