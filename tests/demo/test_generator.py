"""The stored demo data: deterministic, consistent with the workflow, usable by its demo sign-ins."""

import hashlib
import json
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

import httpx
import pytest
from tests.world import Client
from tortoise import Tortoise

from imi.accounts import service as accounts
from imi.accounts.models import User, UserRight
from imi.accounts.principal import Principal
from imi.accounts.profiles import Profile
from imi.app import create_app
from imi.authorities.models import Authority
from imi.authorities.service import AuthorityDetails, create_national_coordinator
from imi.clock import FixedClock
from imi.demo.generator import generate
from imi.demo.progress import Silent
from imi.demo.sign_ins import sign_ins
from imi.errors import ValidationFailed
from imi.exchanges import rules
from imi.exchanges.boxes import Box
from imi.exchanges.models import Exchange, ExchangeEvent, Message
from imi.exchanges.queries import list_box
from imi.exchanges.rules import Action, State

NOW = datetime(2026, 11, 28, tzinfo=UTC)
SCALE = 0.05
GREEK, CYRILLIC = "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώ", "абвгдежзийклмнопрстуфхцчшщъьюя"


async def _generate(seed: int = 2024) -> str:
    return await generate(scale=SCALE, seed=seed, progress=Silent(), now=NOW)


async def _digest() -> str:
    """A digest of every row the generator writes, except the password hashes (salted anew each run)."""
    content = hashlib.sha256()
    for model in Tortoise.apps["imi"].values():
        rows = await model.all().order_by(model._meta.pk_attr).values()
        for row in rows:
            row.pop("password_hash", None)
            content.update(json.dumps(row, sort_keys=True, default=str).encode())
    return content.hexdigest()


async def _empty(database_url: str) -> None:
    from tests.conftest import _truncate

    await _truncate(database_url)


async def test_the_same_seed_gives_the_same_data(clean_db: str) -> None:
    report = await _generate()
    first = await _digest()
    await _empty(clean_db)
    await _generate()
    assert await _digest() == first
    await _empty(clean_db)
    await _generate(seed=7)
    assert await _digest() != first
    assert "de.official@demo.imi.example" in report and sign_ins().password in report


async def test_it_refuses_a_database_with_data(clean_db: str) -> None:
    await create_national_coordinator(AuthorityDetails(country="DE", level="NATIONAL", official_name="Koordinierung",
                                                       official_language="de"), NOW)
    with pytest.raises(ValidationFailed):
        await _generate()


async def _profiles() -> dict[int, dict[str | None, set[Profile]]]:
    found: dict[int, dict[str | None, set[Profile]]] = defaultdict(lambda: defaultdict(set))
    for user_id, area, profile in await UserRight.all().values_list("user_id", "legal_area", "profile"):
        found[user_id][area].add(Profile(profile))
    return found


async def test_stored_timelines_replay_under_the_workflow_rules(clean_db: str) -> None:
    await _generate()
    rights = await _profiles()
    messages = set(await Message.all().values_list("id", flat=True))
    events: dict[int, list[ExchangeEvent]] = defaultdict(list)
    for event in await ExchangeEvent.all().order_by("id"):
        events[event.exchange_id].append(event)
    exchanges = await Exchange.all()
    assert exchanges and all(e.reference == f"REQ-{e.created_at.year}-{e.id:07d}" for e in exchanges)
    for exchange in exchanges:
        timeline = events[exchange.id]
        assert timeline[0].action == "CREATE" and timeline[0].to_state == State.DRAFT
        state, responding, referral = State.DRAFT, None, None
        for event in timeline[1:]:
            held = rights[event.actor_user_id or 0]
            profiles = held[None] | held[exchange.legal_area]
            parties = rules.parties(event.actor_authority_id, state, exchange.requesting_authority_id, responding,
                                    referral)
            state = rules.decide(state, Action(event.action), parties, profiles)
            assert (event.from_state, event.to_state) == (timeline[timeline.index(event) - 1].to_state, state)
            if event.action in ("SEND", "FORWARD"):
                responding = event.data["to"]
            if event.action == "REFER":
                referral = event.data["to"]
            if "messageId" in event.data:
                assert event.data["messageId"] in messages
        assert state == exchange.state
        assert exchange.updated_at == timeline[-1].at <= NOW
    positions = await ExchangeEvent.all().order_by("position").values_list("at", flat=True)
    assert positions == sorted(positions)  # the stream follows time


async def test_open_requests_wait_in_every_state(clean_db: str) -> None:
    await _generate()
    states = set(await Exchange.filter(updated_at__gte=NOW - timedelta(weeks=17)).values_list("state", flat=True))
    assert {State.DRAFT, State.SENT, State.ACCEPTED, State.ANSWERED, State.REFERRED} <= set(states)
    today = NOW.date()
    assert await Exchange.filter(state=State.ACCEPTED, agreed_reply_date__lt=today).exists()
    assert await Exchange.filter(state=State.ACCEPTED, agreed_reply_date__gte=today,
                                 agreed_reply_date__lte=today + timedelta(days=3)).exists()


async def test_names_are_in_each_country_script(clean_db: str) -> None:
    await _generate()
    for country, letters in (("EL", GREEK), ("CY", GREEK), ("BG", CYRILLIC)):
        names = await Authority.filter(country=country).values_list("official_name", flat=True)
        assert names and all(set(str(n).lower()) & set(letters) for n in names), country
        people = await User.filter(authority__country=country).values_list("full_name", flat=True)
        assert all(set(str(p).lower()) & set(letters) for p in people), country
    assert len(set(await Authority.all().values_list("country", flat=True))) == 30


async def _principal(name: str) -> Principal:
    user = await User.get(email=sign_ins().email(next(e for e in sign_ins().entries if e.name == name)))
    return await accounts._user_principal(user)


async def test_demo_officials_find_work_in_every_list(clean_db: str) -> None:
    await _generate()
    official = await _principal("de.official")
    for box in (Box.TO_ACCEPT, Box.TO_ANSWER, Box.OVERDUE, Box.NEAR_DEADLINE, Box.TO_REVIEW, Box.DRAFTS, Box.SENT):
        page = await list_box(official, box, 20, None, NOW.date(), 100)
        assert page.items, box
    coordinator = await _principal("de.coordinator")
    assert (await list_box(coordinator, Box.REFERRED, 20, None, NOW.date(), 100)).items


async def test_demo_sign_ins_work_over_graphql(clean_db: str, settings) -> None:
    await _generate()
    app = create_app(settings, FixedClock(NOW + timedelta(hours=9)))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://imi.test") as http:
        client = Client(http)
        email = sign_ins().email(sign_ins().entries[0])
        assert (await client.sign_in(email, sign_ins().password))["__typename"] == "SignInSuccess"
        data = await client.gql("""{ exchanges(input: {box: ALL, first: 50}) { edges { node {
            reference state subject deadline { date daysLeft overdue }
            requestingAuthority { officialName countryCode } respondingAuthority { officialName } } } } }""")
        nodes = [edge["node"] for edge in data["exchanges"]["edges"]]
        assert len(nodes) == 50 and all(n["reference"].startswith("REQ-") for n in nodes)


async def test_new_rows_follow_the_generated_ones(clean_db: str) -> None:
    await _generate()
    created = await Authority.create(country="DE", level="LOCAL", official_name="Gewerbeamt Neustadt",
                                     official_language="de", created_at=NOW, updated_at=NOW)
    assert created.id == await Authority.all().count()
    assert date(2008, 1, 1) <= (await Exchange.all().order_by("id").first()).created_at.date()  # type: ignore[union-attr]
