"""The stage of the fault and conformance tests: officials with sessions opened directly in the database (as
signing in would, without paying argon2 for each of many), requests sent between them, and the database's own
account of each exchange (its events, messages and state) to compare with what clients were told."""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from imi.accounts import service as accounts
from imi.accounts.authentication import CSRF_HEADER, SESSION_COOKIE
from imi.accounts.models import Session, User
from imi.accounts.profiles import Profile
from imi.accounts.secrets import digest, new_secret
from imi.authorities.models import Authority
from imi.exchanges import service as exchanges
from imi.exchanges.models import Exchange, ExchangeEvent, Message
from imi.graphql.ids import encode
from tests import world

QUESTIONS = [{"item": "pq.establishment.legally_established", "params": {"profession": "Zahnarzt"}}]


async def session_headers(user_id: int, now: datetime) -> dict[str, str]:
    """The headers of a signed-in browser of `user_id`: its session cookie and its CSRF token."""
    token, csrf = new_secret(), new_secret()
    await Session.create(token_hash=digest(token), csrf_token=csrf, user_id=user_id, created_at=now,
                         expires_at=now + timedelta(hours=8))
    return {"cookie": f"{SESSION_COOKIE}={token}", CSRF_HEADER: csrf}


@dataclass
class Official:
    user_id: int
    headers: dict[str, str]

    async def gql(self, http: httpx.AsyncClient, query: str, variables: dict[str, Any]) -> dict[str, Any]:
        """The data of one GraphQL operation, which must succeed at the HTTP and GraphQL level."""
        response = await http.post("/graphql", json={"query": query, "variables": variables}, headers=self.headers)
        assert response.status_code == 200, response.text
        body = response.json()
        assert "errors" not in body, body
        return dict(body["data"])


async def official(at: Authority, now: datetime, email: str, language: str = "en") -> Official:
    """A request handler of `at`, signed in."""
    user = await accounts.create_user(email=email, full_name=email.partition("@")[0], authority_id=at.id,
                                      language=language, rights=[(world.AREA, Profile.REQUEST_HANDLER)], now=now)
    return Official(user.id, await session_headers(user.id, now))


@dataclass
class RequestStage:
    """A German chamber's requests sent to a Polish one; `responders` all work at the Polish chamber."""

    requester: Official
    responders: list[Official]
    exchange_ids: list[int] = field(default_factory=list)

    def gid(self, exchange_id: int) -> str:
        return str(encode("Exchange", exchange_id))


async def request_stage(requests: int, responders: int = 1, countries: tuple[str, str] = ("DE", "PL"),
                        languages: tuple[str, str] = ("en", "en")) -> RequestStage:
    """`requests` requests sent (state SENT, version 2) from an authority of `countries[0]` to one of
    `countries[1]` (created in the database directly: the server sees them as any others)."""
    now = datetime.now(UTC)
    sender, receiver = await world.authority(countries[0], now), await world.authority(countries[1], now)
    requester = await official(sender, now, f"requester@{countries[0].lower()}.example.eu", languages[0])
    stage = RequestStage(requester, [await official(receiver, now, f"handler{n}@{countries[1].lower()}.example.eu",
                                                    languages[1]) for n in range(responders)])
    principal = await accounts._user_principal(await User.get(id=requester.user_id))
    for n in range(requests):
        draft = exchanges.RequestDraft(procedure=world.PROCEDURE, subject=f"Request {n + 1}",
                                       responding_authority_id=receiver.id, questions=QUESTIONS,
                                       requested_reply_date=now.date() + timedelta(days=20))
        created = await exchanges.create_request(principal, draft, now)
        await exchanges.send(principal, created.id, created.version, now)
        stage.exchange_ids.append(created.id)
    return stage


@dataclass(frozen=True)
class Record:
    """What the database holds about one exchange."""

    state: str
    version: int
    events: list[tuple[str, str, dict[str, Any]]]  # (action, to_state, data) in commit order
    message_ids: set[int]


async def record_of(exchange_id: int) -> Record:
    exchange = await Exchange.get(id=exchange_id)
    events = await ExchangeEvent.filter(exchange_id=exchange_id).order_by("id").values_list(
        "action", "to_state", "data")
    messages = await Message.filter(exchange_id=exchange_id).values_list("id", flat=True)
    return Record(exchange.state, exchange.version, [(a, s, dict(d or {})) for a, s, d in events],
                  {int(m) for m in messages})


def whole(record: Record) -> list[str]:
    """What is half-written in an exchange, if anything: its state must be its last event's, its version the
    number of its events (every action here changes the version), and every message must belong to an event."""
    problems = []
    if record.events[-1][1] != record.state:
        problems.append(f"state {record.state} but the last event leads to {record.events[-1][1]}")
    if len(record.events) != record.version:
        problems.append(f"version {record.version} but {len(record.events)} events")
    referenced = {int(data["messageId"]) for _, _, data in record.events if "messageId" in data}
    if referenced != record.message_ids:
        problems.append(f"messages {sorted(record.message_ids)} but events refer to {sorted(referenced)}")
    return problems
