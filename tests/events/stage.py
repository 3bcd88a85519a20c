"""The stage of the event-stream tests across processes: a professional-qualification alert's cast, partner-tool
tokens, and the alert's steps driven through GraphQL on whichever app worker the test chooses."""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from imi.accounts import service as accounts
from imi.accounts.profiles import Profile
from imi.reference import countries
from tests import world
from tests.broadcasts.operations import ACK, CLOSE, COMMENT, CREATE, HAND_ON, SUBMIT, VALIDATE, ok
from tests.forms import required_form

AREA = "PROFESSIONAL_QUALIFICATIONS"
SURNAME = "Kowalski"
PARTNER_SCOPES = ["events:subscribe", "exchanges:read", "personal-data:read"]
EVENTS = """subscription($input: ExchangeEventsInput!) { exchangeEvents(input: $input) {
  cursor action toState at exchange { id state limitedView personalDataStatus answers { item value }
  personalData { field value } } } }"""


@dataclass
class AlertCast:
    """A German chamber alerts; the German coordinator validates; Poland's coordinator receives it and
    allocates it to a Polish chamber. `tokens` are the partner-tool tokens of Poland's two authorities."""

    sender: world.Official
    validator: world.Official
    incoming: world.Official
    handler: world.Official
    tokens: dict[str, str] = field(default_factory=dict)


async def alert_cast() -> AlertCast:
    now = datetime.now(UTC)
    for code in (c.code for c in countries()):
        await world.coordinator(code, now)
    coordinating = [(None, Profile.VALIDATOR), (None, Profile.ALLOCATOR), (None, Profile.ALERT_HANDLER)]
    handling = [(AREA, Profile.ALERT_HANDLER), (AREA, Profile.REQUEST_HANDLER)]
    cast = AlertCast(
        sender=await world.official(await world.authority("DE", now), now, rights=handling),
        validator=await world.official(await world.coordinator("DE", now), now, rights=coordinating),
        incoming=await world.official(await world.coordinator("PL", now), now, rights=coordinating),
        handler=await world.official(await world.authority("PL", now), now, rights=handling),
    )
    for name in ("incoming", "handler"):
        person: world.Official = getattr(cast, name)
        cast.tokens[name] = (await accounts.create_token(name=f"{name} back office", scopes=PARTNER_SCOPES, days=1,
                                                         now=now, user_id=person.user_id)).plaintext
    return cast


class Officials:
    """The cast signed in (sessions live in the database, so any worker serves them), acting on one worker."""

    def __init__(self, cast: AlertCast, http: httpx.AsyncClient) -> None:
        self.cast = cast
        self.http = http
        self.clients: dict[str, world.Client] = {}

    async def sign_in(self) -> "Officials":
        for name in ("sender", "validator", "incoming", "handler"):
            client = world.Client(self.http)
            assert (await client.sign_in(getattr(self.cast, name).email))["__typename"] == "SignInSuccess"
            self.clients[name] = client
        return self

    def on(self, http: httpx.AsyncClient) -> "Officials":
        """The same sessions, acting through another worker."""
        moved = Officials(self.cast, http)
        for name, client in self.clients.items():
            copy = world.Client(http)
            copy.cookies, copy.csrf = dict(client.cookies), client.csrf
            moved.clients[name] = copy
        return moved

    async def gql(self, who: str, query: str, variables: dict[str, Any]) -> dict[str, Any]:
        return await self.clients[who].gql(query, variables)


@dataclass
class Alert:
    id: str
    version: int


async def broadcast_alert(officials: Officials) -> Alert:
    """Create, submit and validate an alert: it reaches every other country (events CREATE, SUBMIT, VALIDATE)."""
    today = datetime.now(UTC).date()
    decided = today - timedelta(days=1)
    form = required_form("PQ_ALERT", pq_alert__professional__surname={"text": SURNAME},
                         pq_alert__period__decision_date={"date": decided.isoformat()})
    draft = ok(await officials.gql("sender", CREATE, {"input": {
        "procedure": "PQ_ALERT", "subject": "Berufsverbot", "form": form, "decisionDate": decided.isoformat()}}),
        "createBroadcast")
    submitted = ok(await officials.gql("sender", SUBMIT, {"input": {"exchangeId": draft["id"],
                                                                    "version": draft["version"]}}), "submitAlert")
    sent = ok(await officials.gql("validator", VALIDATE, {"input": {"exchangeId": draft["id"],
                                                                    "version": submitted["version"]}}),
              "validateAlert")
    return Alert(draft["id"], sent["version"])


async def allocate(officials: Officials, alert: Alert) -> None:
    result = await officials.gql("incoming", HAND_ON, {"input": {
        "exchangeId": alert.id, "authorityIds": [officials.cast.handler.authority_gid]}})
    assert result["handOnBroadcast"]["__typename"] == "HandOnSuccess", result


async def acknowledge(officials: Officials, alert: Alert) -> None:
    ok(await officials.gql("handler", ACK, {"input": {"exchangeId": alert.id}}), "acknowledgeBroadcast")


async def comment(officials: Officials, alert: Alert, text: str, who: str = "sender") -> None:
    result = await officials.gql(who, COMMENT, {"input": {"exchangeId": alert.id, "text": text}})
    assert result["addMessage"]["__typename"] == "MessageSuccess", result


async def close(officials: Officials, alert: Alert) -> None:
    ok(await officials.gql("sender", CLOSE, {"input": {"exchangeId": alert.id, "version": alert.version}}),
       "closeBroadcast")
