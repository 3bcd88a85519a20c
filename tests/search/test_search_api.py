"""`searchAuthorities` through GraphQL in-process: the app's engine, fed by its indexer from the database."""

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from imi.accounts.profiles import Profile
from imi.app import create_app
from imi.authorities.models import Authority, AuthorityProcedure, AuthorityStatus
from imi.diagnostics import QueryCount
from imi.search.indexer import Indexer
from tests import world

from .directory import import_fixture
from .operations import GRANT, REGISTER, SEARCH, SET_STATUS, VALIDATE

VALIDATOR = [(None, Profile.VALIDATOR), (None, Profile.VIEWER)]


@dataclass
class Site:
    app: Starlette
    http: httpx.AsyncClient

    @property
    def indexer(self) -> Indexer:
        indexer: Indexer = self.app.state.search_indexer
        return indexer

    async def client(self, person: world.Official) -> world.Client:
        client = world.Client(self.http)
        assert (await client.sign_in(person.email))["__typename"] == "SignInSuccess"
        return client


@pytest.fixture
async def site(clean_db: str, settings, clock) -> AsyncIterator[Site]:
    app = create_app(settings, clock)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://imi.test") as http:
        yield Site(app, http)


async def search(client: world.Client, **input: Any) -> dict[str, Any]:
    found: dict[str, Any] = (await client.gql(SEARCH, {"input": input}))["searchAuthorities"]
    return found


def external_ids(result: dict[str, Any]) -> list[str]:
    return [edge["node"]["externalId"] for edge in result["edges"]]


def counts(facet: list[dict[str, Any]]) -> dict[str, int]:
    return {item["value"]: item["count"] for item in facet}


async def test_the_imported_directory_is_searchable_in_any_language(site: Site, clock) -> None:
    now = clock.now()
    report = await import_fixture(now)
    german = await world.official(await Authority.get(national_coordinator_of="DE"), now, language="de")
    client = await site.client(german)
    assert await site.indexer.index_pending() == report.created + await Authority.filter(
        national_coordinator_of__not_isnull=True).count()

    polish = await search(client, query="Apotheker ", language="de", countries=["PL"])
    assert external_ids(polish) == ["PL-NIA"] and polish["totalCount"] == 1
    assert polish["edges"][0]["node"]["officialName"] == "Naczelna Izba Aptekarska"

    anywhere = await search(client, query="Apotheker Polen")  # the caller's language, German, by default
    assert external_ids(anywhere)[0] == "PL-NIA"
    marks = {mark["field"]: mark["html"] for mark in anywhere["edges"][0]["highlights"]}
    assert "<mark>Apotheker</mark>" in marks["keywords"]

    pharmacists = await search(client, query="Apotheker", language="de", first=50)
    countries = counts(pharmacists["facets"]["countries"])
    assert sum(countries.values()) == pharmacists["totalCount"] == len(pharmacists["edges"]) > 3
    assert countries["PL"] == 1 and len(countries) > 3
    assert counts(pharmacists["facets"]["legalAreas"])["PROFESSIONAL_QUALIFICATIONS"] == pharmacists["totalCount"]
    assert sum(counts(pharmacists["facets"]["levels"]).values()) == pharmacists["totalCount"]
    filtered = await search(client, query="Apotheker", language="de", countries=["PL"])
    assert counts(filtered["facets"]["countries"]) == countries, "a filter's own facet counts the other values"

    names = await search(client, query="Naczelna Izba Aptekarska ", language="pl")
    first = {mark["field"]: mark["html"] for mark in names["edges"][0]["highlights"]}
    assert first["officialName"] == "<mark>Naczelna</mark> <mark>Izba</mark> <mark>Aptekarska</mark>"
    assert 0 < names["edges"][0]["score"] <= 1


async def test_filters_procedures_and_paging(site: Site, clock) -> None:
    now = clock.now()
    await import_fixture(now)
    await site.indexer.index_pending()
    client = await site.client(await world.official(await Authority.get(external_id="PL-NIA"), now, language="pl"))

    with_access = set(await AuthorityProcedure.filter(procedure="SERVICES_ALERT").values_list(
        "authority__external_id", flat=True))
    alerts = await search(client, procedures=["SERVICES_ALERT"], levels=["NATIONAL"], first=100)
    assert alerts["totalCount"] == len(alerts["edges"]) > 0
    assert set(external_ids(alerts)) <= with_access
    assert {edge["node"]["status"] for edge in alerts["edges"]} == {"ACTIVE"}

    active = await Authority.filter(status=AuthorityStatus.ACTIVE).count()
    seen: list[str] = []
    after = None
    while True:
        page = await search(client, first=40, after=after)
        assert page["totalCount"] == active
        seen += [edge["node"]["id"] for edge in page["edges"]]
        assert page["pageInfo"]["hasPreviousPage"] is (after is not None)
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == active, "browsing pages through every active authority once"

    statements = []
    for first in (2, 40):
        for procedures in ([], ["PQ_REQUEST"]):
            with QueryCount() as count:
                page = await search(client, first=first, procedures=procedures)
            assert len(page["edges"]) == first
            statements.append(count.value)
    assert statements[0] == statements[2] and statements[1] == statements[3], \
        f"a page costs the same statements whatever its length: {statements}"

    refused = await client.post(SEARCH, {"input": {"first": 5, "after": "not-a-cursor"}})
    assert "not a cursor" in refused.json()["errors"][0]["message"]
    too_many = await client.post(SEARCH, {"input": {"first": 500}})
    assert "first" in too_many.json()["errors"][0]["message"]
    anonymous = await world.Client(site.http).post(SEARCH, {"input": {"query": "Apotheker"}})
    assert anonymous.json()["data"] is None and "sign in" in anonymous.json()["errors"][0]["message"]


async def test_a_coordinators_changes_become_searchable_once_indexed(site: Site, clock) -> None:
    now = clock.now()
    coordinator = await world.coordinator("DE", now)
    officer = await site.client(await world.official(coordinator, now, language="de", rights=VALIDATOR))
    reader = await site.client(await world.official(await world.authority("PL", now), now, language="pl"))
    await site.indexer.index_pending()

    async def act(document: str, field: str, **input: Any) -> dict[str, Any]:
        result = (await officer.gql(document, {"input": input}))[field]
        assert result["__typename"] == "AuthoritySuccess", result
        authority: dict[str, Any] = result["authority"]
        return authority

    async def found(**input: Any) -> list[str]:
        return [edge["node"]["id"] for edge in (await search(reader, query="Landesapothekerkammer", **input))["edges"]]

    registered = await act(REGISTER, "registerAuthority", details={
        "country": "DE", "level": "REGIONAL", "officialName": "Landesapothekerkammer Hessen",
        "officialLanguage": "de", "city": "Frankfurt am Main"})
    gid = registered["id"]
    await site.indexer.index_pending()
    assert await found() == [], "pending authorities are not found"

    validated = await act(VALIDATE, "validateAuthority", authorityId=gid, version=registered["version"])
    assert await found() == [], "not before the indexer has run"
    assert await site.indexer.index_pending() == 1
    assert await found() == [gid]

    granted = await act(GRANT, "grantLegalArea", authorityId=gid, legalArea="SERVICES")
    assert granted["version"] == validated["version"] + 1
    assert await found(procedures=["SERVICES_REQUEST"]) == []
    await site.indexer.index_pending()
    assert await found(procedures=["SERVICES_REQUEST"]) == [gid]
    assert await found(legalAreas=["SERVICES"], countries=["DE"]) == [gid]

    await act(SET_STATUS, "setAuthorityStatus", authorityId=gid, version=granted["version"], active=False)
    assert await found() == [], "the database is asked too: a deactivated authority is dropped before indexing"
    await site.indexer.index_pending()
    assert (await search(reader, query="Landesapothekerkammer"))["totalCount"] == 0
