"""Building blocks for tests: authorities, officials with rights, and a GraphQL client that signs in."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx

from imi.accounts import service as accounts
from imi.accounts.principal import Principal
from imi.accounts.profiles import Profile
from imi.authorities import service as authorities
from imi.authorities.models import Authority, AuthorityStatus
from imi.graphql.ids import encode

PASSWORD = "correct horse battery staple"
AREA = "PROFESSIONAL_QUALIFICATIONS"
PROCEDURE = "PQ_REQUEST"
QUESTIONS = [{"item": "pq.establishment.legally_established",
              "parameters": [{"name": "profession", "value": "Zahnarzt"}]}]
NAMES = {"DE": ("Landesärztekammer Bayern", "de", "München"), "PL": ("Naczelna Izba Lekarska", "pl", "Warszawa"),
         "FR": ("Ordre national des médecins", "fr", "Paris"), "ES": ("Consejo General de Colegios Médicos", "es",
                                                                       "Madrid"),
         "PT": ("Ordem dos Médicos", "pt", "Lisboa"), "EL": ("Πανελλήνιος Ιατρικός Σύλλογος", "el", "Αθήνα")}


@dataclass
class Official:
    email: str
    user_id: int
    authority: Authority

    @property
    def authority_gid(self) -> str:
        return encode("Authority", self.authority.id)


async def coordinator(country: str, now: datetime) -> Authority:
    found = await Authority.get_or_none(national_coordinator_of=country)
    if found:
        return found
    return await authorities.create_national_coordinator(authorities.AuthorityDetails(
        country=country, level="NATIONAL", official_name=f"National IMI coordinator {country}",
        official_language="en",
    ), now)


async def authority(country: str, now: datetime, *, name: str | None = None, areas: tuple[str, ...] = (AREA,),
                    status: AuthorityStatus = AuthorityStatus.ACTIVE) -> Authority:
    """An active authority of `country`, registered under its national coordinator, with `areas` granted."""
    parent = await coordinator(country, now)
    default_name, language, city = NAMES.get(country, (f"Competent authority {country}", "en", None))
    created = await Authority.create(
        country=country, level="NATIONAL", official_name=name or default_name, official_language=language,
        city=city, status=status, coordinator_id=parent.id, created_at=now, updated_at=now,
    )
    for area in areas:
        await authorities._grant(created.id, area, [p for p in _procedures(area)], parent.id, now)
    return created


def _procedures(area: str) -> list[str]:
    from imi.reference import procedures

    return [p.code for p in procedures() if p.legal_area == area]


async def official(at: Authority, now: datetime, *, email: str | None = None, language: str = "en",
                   rights: list[tuple[str | None, Profile]] | None = None) -> Official:
    address = email or f"official{await _count() + 1}@{at.country.lower()}.example.eu"
    user = await accounts.create_user(
        email=address, full_name=f"Official {address.split('@')[0]}", authority_id=at.id, language=language,
        rights=rights if rights is not None else [(AREA, Profile.REQUEST_HANDLER)], now=now, password=PASSWORD,
    )
    return Official(address, user.id, at)


async def _count() -> int:
    from imi.accounts.models import User

    return await User.all().count()


async def principal_of(person: Official) -> Principal:
    from imi.accounts.models import User

    user = await User.get(id=person.user_id)
    return await accounts._user_principal(user)


class Client:
    """A GraphQL client over HTTP (in-process or a real server) that signs in like the web app."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http
        self.cookies: dict[str, str] = {}
        self.csrf: str | None = None
        self.bearer: str | None = None

    def _headers(self) -> dict[str, str]:
        headers = {}
        if self.cookies:
            headers["cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.csrf:
            headers["x-csrf-token"] = self.csrf
        if self.bearer:
            headers["authorization"] = f"Bearer {self.bearer}"
        return headers

    async def post(self, query: str, variables: dict[str, Any] | None = None) -> httpx.Response:
        response = await self.http.post("/graphql", json={"query": query, "variables": variables or {}},
                                        headers=self._headers())
        for name, value in response.cookies.items():
            self.cookies[name] = value
        self.http.cookies.clear()  # each Client keeps its own session; the shared transport keeps none
        return response

    async def gql(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        response = await self.post(query, variables)
        assert response.status_code == 200, response.text
        body = response.json()
        assert "errors" not in body, body["errors"]
        return body["data"]

    async def sign_in(self, email: str, password: str = PASSWORD) -> dict[str, Any]:
        data = await self.gql(SIGN_IN, {"input": {"email": email, "password": password}})
        result = data["signIn"]
        if result["__typename"] == "SignInSuccess":
            self.csrf = result["csrfToken"]
        return result


SIGN_IN = """
mutation($input: SignInInput!) { signIn(input: $input) {
  __typename ... on SignInSuccess { csrfToken user { email } } ... on ValidationFailed { message } } }
"""
