"""Access control proven by generated worlds: authorities, users and tokens with random rights, requests and
an alert driven into random states. For every caller, every lookup (`exchange`, `node`), the tracking list of
everything, every attachment download, the event stream and the statistics CSV show exactly what the caller
is entitled to, and no personal data it is not (personal values are unique markers searched for everywhere)."""

import asyncio
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strawberry.types import ExecutionResult

from imi.accounts import service as accounts
from imi.accounts.models import Session
from imi.accounts.principal import Grant, Principal
from imi.accounts.profiles import Profile
from imi.accounts.secrets import digest, new_secret
from imi.app import create_app
from imi.authorities.models import Authority
from imi.broadcasts import service as broadcasts
from imi.clock import FixedClock
from imi.events.outbox import Dispatcher
from imi.exchanges import rules
from imi.exchanges import service as exchanges
from imi.exchanges.attachments import FileStore
from imi.exchanges.rules import Action, Party, State
from imi.graphql.context import Context
from imi.graphql.ids import decode, encode
from imi.graphql.schema import schema
from imi.reference import countries
from imi.settings import Environment, Settings
from tests import world
from tests.access.model import AlertFacts, Caller, RequestFacts, alert_entitlement, request_entitlement
from tests.conftest import _truncate
from tests.forms import required_form

AREA = "PROFESSIONAL_QUALIFICATIONS"
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
PROFILES = ["REQUEST_HANDLER", "ALLOCATOR", "ALERT_HANDLER", "VIEWER", "LOCAL_DATA_ADMINISTRATOR", "VALIDATOR",
            "REFERRAL_HANDLER"]
COORDINATOR_PROFILES = {"VALIDATOR", "REFERRAL_HANDLER"}
SCOPES = ["exchanges:read", "personal-data:read", "statistics:read", "events:subscribe"]
PDF = b"%PDF-1.7\n" + b"0" * 500
STEPS = [Action.SEND, Action.ACCEPT, Action.FORWARD, Action.ANSWER, Action.REQUEST_FURTHER_INFORMATION,
         Action.REFER, Action.RETURN_FROM_REFERRAL, Action.CLOSE_REFERRAL, Action.CLOSE, Action.WITHDRAW]
EVERYTHING = frozenset(Grant(None, p) for p in Profile)

rights = st.sets(st.tuples(st.sampled_from([AREA, "SERVICES", None]), st.sampled_from(PROFILES)), max_size=3)
scenarios = st.fixed_dictionaries({
    "countries": st.lists(st.sampled_from(["DE", "PL", "FR", "AT"]), min_size=2, max_size=3, unique=True),
    "users": st.lists(st.tuples(st.integers(0, 7), rights), min_size=2, max_size=6),
    "tokens": st.lists(st.tuples(st.integers(0, 7), rights, st.sets(st.sampled_from(SCOPES), min_size=1)),
                       max_size=3),
    "requests": st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5), st.lists(st.integers(0, 9), max_size=7)),
                         min_size=1, max_size=4),
    "alert": st.integers(-1, 4),
    "allocate_to": st.integers(0, 5),
})


@dataclass
class World:
    store: FileStore
    authorities: list[int] = field(default_factory=list)  # competent authorities, two per chosen country
    country_of: dict[int, str] = field(default_factory=dict)
    coordinator_of: dict[str, int] = field(default_factory=dict)  # country -> its national coordinator
    drivers: dict[int, Principal] = field(default_factory=dict)  # authority -> an official who may do anything
    requests: dict[int, RequestFacts] = field(default_factory=dict)
    alerts: dict[int, AlertFacts] = field(default_factory=dict)
    markers: dict[int, str] = field(default_factory=dict)  # exchange -> its personal-data marker
    attachments: dict[int, int] = field(default_factory=dict)  # exchange -> one attachment id

    def pick(self, index: int) -> int:
        return self.authorities[index % len(self.authorities)]

    def coordinator_of_authority(self, authority: int) -> int:
        return self.coordinator_of[self.country_of[authority]]


async def _build(scenario: dict[str, Any], store: FileStore) -> World:
    built = World(store)
    for country in (c.code for c in countries()):
        coordinator = await world.coordinator(country, NOW)
        built.coordinator_of[country] = coordinator.id
        built.country_of[coordinator.id] = country
    for country in scenario["countries"]:
        for n in range(2):
            made = await world.authority(country, NOW, name=f"Authority {country} {n}")
            built.authorities.append(made.id)
            built.country_of[made.id] = country
    for authority in [*built.authorities, *(built.coordinator_of[c] for c in scenario["countries"])]:
        user = await accounts.create_user(email=f"driver{authority}@example.eu", full_name="Driver",
                                          authority_id=authority, language="en", rights=[], now=NOW)
        built.drivers[authority] = Principal(user_id=user.id, authority_id=authority,
                                             country=built.country_of[authority], grants=EVERYTHING)
    return built


async def _drive_request(built: World, n: int, requester: int, responder: int, steps: list[int]) -> None:
    marker = f"Subject{n}x{secrets.token_hex(4)}"
    draft = await exchanges.create_request(built.drivers[requester], exchanges.RequestDraft(
        procedure=world.PROCEDURE, subject=f"Request {n}", responding_authority_id=responder,
        requested_reply_date=NOW.date() + timedelta(days=10),
        questions=[{"item": "pq.establishment.legally_established", "params": {"profession": "Arzt"}}],
        personal_data={"full_name": marker}), NOW)
    attachment = await exchanges.add_attachment(built.drivers[requester], draft.id, NOW, built.store,
                                                filename="d.pdf", content_type="application/pdf", chunks=[PDF],
                                                max_bytes=10_000)
    facts = RequestFacts(AREA, State.DRAFT, requester, responder, None, False)
    for step in steps:
        actors = {Party.REQUESTER: facts.requester, Party.RESPONDER: facts.responder,
                  Party.REFERRAL_COORDINATOR: built.coordinator_of_authority(facts.requester)}
        choices = [(action, party) for party in Party
                   for action in rules.allowed_actions(facts.state, {party}, set(Profile)) if action in STEPS]
        if not choices:
            break
        action, party = choices[step % len(choices)]
        actor = built.drivers[actors[party]]
        version = (await exchanges.get_visible(actor, draft.id)).exchange.version
        await _act(built, actor, action, draft.id, version, facts)
        facts.state = rules.decide(facts.state, action, {party}, set(Profile))
    built.requests[draft.id] = facts
    built.markers[draft.id] = marker
    built.attachments[draft.id] = attachment.id


async def _act(built: World, actor: Principal, action: Action, pk: int, version: int, facts: RequestFacts) -> None:
    if action is Action.SEND:
        await exchanges.send(actor, pk, version, NOW)
    elif action is Action.ACCEPT:
        await exchanges.accept(actor, pk, version, NOW, NOW.date() + timedelta(days=20))
        facts.accepted = True
    elif action is Action.FORWARD:
        country = built.country_of[facts.responder or 0]
        target = next(a for a in built.authorities if built.country_of[a] == country and a != facts.responder)
        await exchanges.forward(actor, pk, version, NOW, target)
        facts.responder, facts.accepted = target, False
    elif action is Action.ANSWER:
        await exchanges.answer(actor, pk, version, NOW, {}, "Antwort")
    elif action is Action.REQUEST_FURTHER_INFORMATION:
        await exchanges.request_further_information(actor, pk, version, NOW, "Mehr bitte")
    elif action is Action.REFER:
        await exchanges.refer(actor, pk, version, NOW, "Unvollständig")
        facts.referral_coordinator = built.coordinator_of_authority(facts.requester)
    elif action is Action.RETURN_FROM_REFERRAL:
        await exchanges.return_from_referral(actor, pk, version, NOW)
    elif action is Action.CLOSE_REFERRAL:
        await exchanges.close_referral(actor, pk, version, NOW)
    elif action is Action.CLOSE:
        await exchanges.close(actor, pk, version, NOW, 4, 2)
    elif action is Action.WITHDRAW:
        await exchanges.withdraw(actor, pk, version, NOW)


async def _drive_alert(built: World, level: int, allocate_to: int) -> None:
    sender = built.authorities[0]
    marker = f"Kowalski{secrets.token_hex(4)}"
    form = required_form("PQ_ALERT", pq_alert__professional__surname={"text": marker},
                         pq_alert__period__decision_date={"date": (NOW.date() - timedelta(days=1)).isoformat()})
    values = {f["item"]: next(v for k, v in f.items() if k != "item") for f in form}
    alert = await broadcasts.create(built.drivers[sender], broadcasts.BroadcastDraft(
        procedure="PQ_ALERT", subject="Alert", form=values, decision_date=NOW.date() - timedelta(days=1)), NOW)
    facts = AlertFacts(AREA, sender)
    if level >= 1:
        await broadcasts.submit(built.drivers[sender], alert.id, alert.version, NOW)
        facts.sender_coordinator = built.coordinator_of_authority(sender)
    if level >= 2:
        validator = built.drivers[facts.sender_coordinator or 0]
        await broadcasts.validate(validator, alert.id, alert.version + 1, NOW)
        facts.recipient_coordinators = {pk for country, pk in built.coordinator_of.items()
                                        if country != built.country_of[sender]}
    handler = built.pick(allocate_to)
    if level >= 3 and built.country_of[handler] != built.country_of[sender]:
        coordinator = built.drivers[built.coordinator_of_authority(handler)]
        await broadcasts.hand_on(coordinator, alert.id, [handler], NOW, "ALLOCATE")
        facts.handlers.add(handler)
        if level >= 4:
            await broadcasts.acknowledge(built.drivers[handler], alert.id, NOW)
    built.alerts[alert.id] = facts
    built.markers[alert.id] = marker


@dataclass
class Credential:
    caller: Caller
    headers: dict[str, str]
    secret: str  # the session's or the token's

    async def principal(self) -> Principal:
        if self.caller.scopes is None:
            found = await accounts.principal_for_session(self.secret, NOW)
            assert found is not None
            return found[0]
        token = await accounts.principal_for_token(self.secret, NOW)
        assert token is not None
        return token


async def _credentials(built: World, scenario: dict[str, Any]) -> list[Credential]:
    """A session for each generated user, a bearer token for each generated token."""
    made = []
    everyone = [*built.authorities, *built.drivers]
    for n, (where, granted) in enumerate(scenario["users"]):
        authority = everyone[where % len(everyone)]
        user = await world.official(await Authority.get(id=authority), NOW, email=f"user{n}@example.eu",
                                    rights=[(a, Profile(p)) for a, p in granted if _allowed(authority, built, a, p)])
        secret, csrf = new_secret(), new_secret()
        await Session.create(token_hash=digest(secret), csrf_token=csrf, user_id=user.user_id, created_at=NOW,
                             expires_at=NOW + timedelta(hours=2))
        kept = {(a, p) for a, p in granted if _allowed(authority, built, a, p)}
        made.append(Credential(Caller(authority, kept), {"cookie": f"imi_session={secret}", "x-csrf-token": csrf},
                               secret))
    for n, (where, granted, scopes) in enumerate(scenario["tokens"]):
        authority = everyone[where % len(everyone)]
        kept = {(a, p) for a, p in granted if _allowed(authority, built, a, p)}
        user = await world.official(await Authority.get(id=authority), NOW, email=f"token{n}@example.eu",
                                    rights=[(a, Profile(p)) for a, p in kept])
        token = await accounts.create_token(name="t", scopes=sorted(scopes), days=5, now=NOW, user_id=user.user_id)
        made.append(Credential(Caller(authority, kept, set(scopes)), {"authorization": f"Bearer {token.plaintext}"},
                               token.plaintext))
    return made


def _allowed(authority: int, built: World, area: str | None, profile: str) -> bool:
    """A right may name only an area the authority holds (competent authorities hold PQ only); coordinator
    profiles only at a coordinator."""
    coordinator = authority in built.coordinator_of.values()
    return (area in (None, AREA) or coordinator) and (profile not in COORDINATOR_PROFILES or coordinator)


DETAIL = """query($id: ID!) { exchange(id: $id) { id personalData { value } answers { item value }
  attachments { downloadUrl } messages { text } } node(id: $id) { id } }"""
LIST = """query { exchanges(input: {box: ALL, first: 100}) { edges { node { id personalData { value } } } } }"""
EVENTS = 'subscription { exchangeEvents(input: {after: "0"}) { cursor exchange { id personalData { value } } } }'


async def _check(http: httpx.AsyncClient, built: World, credential: Credential) -> None:
    caller = credential.caller
    expected: dict[int, tuple[bool, bool]] = {
        **{pk: request_entitlement(caller, facts) for pk, facts in built.requests.items()},
        **{pk: alert_entitlement(caller, facts) for pk, facts in built.alerts.items()},
    }
    said: list[str] = []
    for pk, (sees, personal) in expected.items():
        gid = encode("Exchange", pk)
        response = await http.post("/graphql", json={"query": DETAIL, "variables": {"id": gid}},
                                   headers=credential.headers)
        said.append(response.text)
        data = response.json()["data"]
        found = data["exchange"]
        assert (found is not None) == sees, (caller, pk, found)
        assert (data["node"] is not None) == sees, (caller, pk, "node")
        if found is not None:
            assert (found["personalData"] is not None) == personal, (caller, pk, found)
            if pk in built.attachments:
                assert (found["attachments"] is not None) == personal, (caller, pk)
        if pk in built.attachments:
            download = await http.get(f"/attachments/{encode('Attachment', built.attachments[pk])}",
                                      headers=credential.headers)
            assert (download.status_code == 200) == personal, (caller, pk, download.status_code)
    listed = await http.post("/graphql", json={"query": LIST}, headers=credential.headers)
    said.append(listed.text)
    ids = {decode(edge["node"]["id"], "Exchange") for edge in listed.json()["data"]["exchanges"]["edges"]}
    assert ids == {pk for pk, (sees, _) in expected.items() if sees}, (caller, ids)
    statistics = await http.get("/statistics/usage.csv?from=2026-01-01&to=2026-12-31&groupBy=YEAR",
                                headers=credential.headers)
    said.append(statistics.text)
    if caller.scopes is not None:
        assert (statistics.status_code == 200) == ("statistics:read" in caller.scopes), (caller, statistics)
    everything = "\n".join(said)
    for pk, marker in built.markers.items():
        if not expected[pk][1]:
            assert marker not in everything, (caller, pk, "personal data leaked")


async def _check_events(app: Any, built: World, credential: Credential) -> None:
    """The event stream carries only visible exchanges, and their personal data only to those entitled."""
    caller = credential.caller
    if caller.scopes is not None and "events:subscribe" not in caller.scopes:
        return
    context = Context(request=None, response=None, principal=await credential.principal(), settings=app.state.settings,
                      clock=app.state.clock, store=FileStore(built.store.root), bus=app.state.bus)
    expected = {**{pk: request_entitlement(caller, f) for pk, f in built.requests.items()},
                **{pk: alert_entitlement(caller, f) for pk, f in built.alerts.items()}}
    stream = await schema.subscribe(EVENTS, context_value=context)
    assert not isinstance(stream, ExecutionResult), stream
    seen: set[int] = set()
    try:
        while True:
            result = await asyncio.wait_for(stream.__anext__(), 0.5)
            assert not result.errors, (caller, result.errors)
            message = result.data["exchangeEvents"]
            pk = decode(message["exchange"]["id"], "Exchange")
            seen.add(pk)
            assert expected[pk][0], (caller, pk, "event of an invisible exchange")
            assert (message["exchange"]["personalData"] is not None) == expected[pk][1], (caller, pk)
    except TimeoutError:
        pass  # caught up: nothing more to replay
    finally:
        await stream.aclose()
    assert seen == {pk for pk, (sees, _) in expected.items() if sees}, (caller, seen, "every visible exchange")


@pytest.fixture(scope="session")
async def loop(database: str) -> asyncio.AbstractEventLoop:
    return asyncio.get_running_loop()


@settings(max_examples=10, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(scenario=scenarios)
def test_no_caller_sees_what_it_is_not_entitled_to(loop: asyncio.AbstractEventLoop, database: str,
                                                    tmp_path: Path, scenario: dict[str, Any]) -> None:
    loop.run_until_complete(_example(database, tmp_path, scenario))


async def _example(database: str, tmp_path: Path, scenario: dict[str, Any]) -> None:
    await _truncate(database)
    built = await _build(scenario, FileStore(tmp_path / f"files-{secrets.token_hex(3)}"))
    for n, (requester, responder, steps) in enumerate(scenario["requests"]):
        first, second = built.pick(requester), built.pick(responder)
        if built.country_of[first] == built.country_of[second]:
            second = next(a for a in built.authorities if built.country_of[a] != built.country_of[first])
        await _drive_request(built, n, first, second, steps)
    if scenario["alert"] >= 0:
        await _drive_alert(built, scenario["alert"], scenario["allocate_to"])
    credentials = await _credentials(built, scenario)
    settings_ = Settings(environment=Environment.TEST, database_url=database, var_dir=tmp_path,
                         cookie_secure=False, attachment_dir=built.store.root, frontend_dir=tmp_path / "none")
    app = create_app(settings_, FixedClock(NOW))
    await Dispatcher(app.state.bus).dispatch()  # number the events, as the server does after each commit
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://imi.test") as http:
        for credential in credentials:
            await _check(http, built, credential)
            await _check_events(app, built, credential)
