"""Officials of two countries with their coordinators and a local data administrator, exchanges driven through
the services with a controlled clock, and GraphQL clients on the in-process app."""

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest

from imi.accounts.profiles import Profile
from imi.app import create_app
from imi.broadcasts import service as broadcasts
from imi.clock import FixedClock
from imi.exchanges import service
from imi.exchanges.attachments import FileStore
from imi.exchanges.models import Exchange
from imi.reference import countries
from tests import world
from tests.forms import required_form

AREA = world.AREA
PDF = b"%PDF-1.7\n" + b"1" * 1500
Rights = list[tuple[str | None, Profile]]
COORDINATOR_RIGHTS: Rights = [(None, Profile.VALIDATOR), (None, Profile.ALLOCATOR), (None, Profile.ALERT_HANDLER),
                      (None, Profile.REFERRAL_HANDLER), (None, Profile.VIEWER)]
HANDLER_RIGHTS: Rights = [(AREA, Profile.REQUEST_HANDLER), (AREA, Profile.ALERT_HANDLER)]
ADMINISTRATOR_RIGHTS: Rights = [(None, Profile.LOCAL_DATA_ADMINISTRATOR)]


@dataclass
class Cast:
    requester: world.Official  # a German chamber
    responder: world.Official  # a Polish chamber
    de_coordinator: world.Official  # the German national coordinator's validator
    pl_coordinator: world.Official  # the Polish national coordinator's validator (receives alerts for Poland)
    administrator: world.Official  # the German chamber's local data administrator
    colleague: world.Official  # another German authority's official


@pytest.fixture
async def cast(clean_db: str, clock: FixedClock) -> Cast:
    now = clock.now()
    for code in (c.code for c in countries()):
        await world.coordinator(code, now)
    de, pl = await world.authority("DE", now), await world.authority("PL", now)
    de2 = await world.authority("DE", now, name="Zahnärztekammer Nordrhein")
    return Cast(
        requester=await world.official(de, now, email="anna@de.example.eu", rights=HANDLER_RIGHTS, language="de"),
        responder=await world.official(pl, now, email="jan@pl.example.eu", rights=HANDLER_RIGHTS, language="pl"),
        de_coordinator=await world.official(await world.coordinator("DE", now), now, email="nc@de.example.eu",
                                            rights=COORDINATOR_RIGHTS),
        pl_coordinator=await world.official(await world.coordinator("PL", now), now, email="nc@pl.example.eu",
                                            rights=COORDINATOR_RIGHTS),
        administrator=await world.official(de, now, email="lda@de.example.eu",
                                           rights=ADMINISTRATOR_RIGHTS),
        colleague=await world.official(de2, now, email="otto@de.example.eu", rights=HANDLER_RIGHTS),
    )


@pytest.fixture
def store(settings: Any) -> FileStore:
    return FileStore(settings.attachment_dir)


Step = Callable[..., Awaitable[Exchange]]


@dataclass
class Flows:
    """Exchanges through their workflow by the services, each step at the clock's time."""

    cast: Cast
    clock: FixedClock
    store: FileStore

    async def request(self, *, name: str = "Jan Kowalski", message: str = "Bitte um Auskunft zu Herrn Kowalski.",
                      attachment: bytes | None = None, close: bool = True, accept: bool = True,
                      by: world.Official | None = None) -> Exchange:
        """A request with personal data, a message, an optional file, answered and closed (unless told), from
        the German chamber (or `by`) to the Polish one."""
        requester = await world.principal_of(by or self.cast.requester)
        responder = await world.principal_of(self.cast.responder)
        now = self.clock.now()
        draft = await service.create_request(requester, service.RequestDraft(
            procedure=world.PROCEDURE, subject="Zulassung als Arzt",
            responding_authority_id=self.cast.responder.authority.id,
            requested_reply_date=now.date() + timedelta(days=10), questions=[
                {"item": "pq.establishment.legally_established", "params": {"profession": "Arzt"}},
                {"item": "pq.training.content", "params": {}}],
            personal_data={"full_name": name, "registration_number": "PL-2020/4711"}), now)
        if attachment is not None:
            await service.add_attachment(requester, draft.id, now, self.store, filename=f"{name}.pdf",
                                         content_type="application/pdf", chunks=[attachment], max_bytes=10**6)
        draft = await Exchange.get(id=draft.id)
        sent = await service.send(requester, draft.id, draft.version, now)
        if not accept:
            return sent
        accepted = await service.accept(responder, sent.id, sent.version, now)
        answered = await service.answer(responder, accepted.id, accepted.version, now, {
            "pq.establishment.legally_established": "YES", "pq.training.content": f"{name}: Medizin, 6 Jahre"},
            message)
        if not close:
            return answered
        return await service.close(requester, answered.id, answered.version, now)

    async def alert(self, *, surname: str = "Kowalski", first_names: str = "Jan", period_days: int | None = 30,
                    close: bool = False) -> Exchange:
        """A professional-qualification alert, validated and broadcast (and closed if told)."""
        sender = await world.principal_of(self.cast.requester)
        validator = await world.principal_of(self.cast.de_coordinator)
        now = self.clock.now()
        decided = now.date() - timedelta(days=1)
        form = raw_form("PQ_ALERT", {"pq_alert.professional.surname": surname,
                                     "pq_alert.professional.first_names": first_names,
                                     "pq_alert.period.decision_date": decided.isoformat()})
        draft = await broadcasts.create(sender, broadcasts.BroadcastDraft(
            procedure="PQ_ALERT", subject="Berufsverbot", form=form, decision_date=decided,
            period_end=now.date() + timedelta(days=period_days) if period_days is not None else None), now)
        submitted = await broadcasts.submit(sender, draft.id, draft.version, now)
        sent = await broadcasts.validate(validator, submitted.id, submitted.version, now)
        return await broadcasts.close(sender, sent.id, sent.version, now) if close else sent


def raw_form(procedure: str, values: dict[str, Any]) -> dict[str, Any]:
    """Every required field of a procedure's form as raw values, with `values` given."""
    raw: dict[str, Any] = {}
    for answer in required_form(procedure):
        item = answer.pop("item")
        [value] = answer.values()
        raw[item] = value
    return {**raw, **values}


@pytest.fixture
def flows(cast: Cast, clock: FixedClock, store: FileStore) -> Flows:
    return Flows(cast, clock, store)


def later(clock: FixedClock, at: datetime) -> datetime:
    clock.set(at)
    return at


MakeClient = Callable[[world.Official], Awaitable[world.Client]]


@pytest.fixture
async def client_for(settings: Any, clock: FixedClock) -> AsyncIterator[MakeClient]:
    app = create_app(settings, clock)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://imi.test") as http:
        async def make(person: world.Official) -> world.Client:
            client = world.Client(http)
            assert (await client.sign_in(person.email))["__typename"] == "SignInSuccess"
            return client

        yield make
