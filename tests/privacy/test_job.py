"""The retention job with a controlled clock: blocking 6 months after formal closure (18 where a procedure says
so), deletion 3 years after, alerts when they stop being valid, attachments and their files, messages and their
machine translations, each step once however many runs there are."""

import asyncio
import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from imi.clock import FixedClock
from imi.errors import NotFound, ValidationFailed
from imi.exchanges import service
from imi.exchanges.attachments import FileStore
from imi.exchanges.models import Attachment, Exchange, ExchangeEvent, Message
from imi.exchanges.visibility import get_visible
from imi.privacy import job, rules
from imi.privacy.models import AuditAction, AuditEntry
from imi.privacy.verify import verify
from imi.procedures import sources
from imi.translation.models import Translation, TranslationStatus, text_hash
from tests import world
from tests.privacy.conftest import PDF, Flows, later

SECOND = timedelta(seconds=1)
OVERRIDE_DATA = Path(__file__).parent / "data"


async def events(exchange_id: int) -> list[str]:
    return [e.action for e in await ExchangeEvent.filter(exchange_id=exchange_id).order_by("id")]


async def steps(at: datetime, store: FileStore | None = None, grace: float = job.FILE_GRACE_SECONDS) -> list[tuple]:
    outcome = await job.run(at, store, file_grace_seconds=grace)
    return [(d.reference, d.step, d.basis) for d in outcome.done]


def age(path: Path, days: int) -> None:
    """Make a stored file look `days` old (files carry their own times, not the test clock's)."""
    past = datetime.now(UTC).timestamp() - days * 86400
    os.utime(path, (past, past))


async def test_blocked_exactly_six_months_after_closure_hidden_from_everyone_and_kept(flows: Flows, clock: FixedClock,
                                                                                      store: FileStore) -> None:
    closed = await flows.request(attachment=PDF)
    closed_at = closed.closed_at
    assert closed_at is not None
    block_at = rules.add_months(closed_at, 6)
    assert await steps(block_at - SECOND, store) == []

    assert await steps(block_at, store) == [(closed.reference, rules.Step.BLOCK, rules.Basis.FORMAL_CLOSURE)]
    row = await Exchange.get(id=closed.id)
    assert row.personal_data_blocked_at == block_at and row.personal_data_deleted_at is None
    assert row.personal_data == {"full_name": "Jan Kowalski", "registration_number": "PL-2020/4711"}, "kept as proof"
    for person in (flows.cast.requester, flows.cast.responder):
        assert not (await get_visible(await world.principal_of(person), closed.id)).personal_data_visible
    [attachment] = await Attachment.filter(exchange_id=closed.id)
    with pytest.raises(NotFound):
        await service.attachment_for_download(await world.principal_of(flows.cast.requester), attachment.id)
    assert store.path(attachment.sha256).exists(), "blocked, not deleted"

    event = await ExchangeEvent.filter(exchange_id=closed.id).order_by("-id").first()
    assert event is not None and event.action == job.BLOCKED_EVENT and event.actor_user_id is None
    assert "Kowalski" not in json.dumps(event.data) and event.data["basis"] == "FORMAL_CLOSURE"
    entry = await AuditEntry.filter(action=AuditAction.BLOCK).get()
    assert (entry.exchange_id, entry.event_id, entry.authority_id) == (
        closed.id, event.id, flows.cast.requester.authority.id)

    assert await steps(block_at + timedelta(days=30), store) == [], "taken once"
    assert await steps(rules.add_months(closed_at, 36) - SECOND, store) == []


async def test_deleted_three_years_after_closure_with_messages_translations_and_files(
        flows: Flows, clock: FixedClock, store: FileStore) -> None:
    closed = await flows.request(attachment=PDF, message="Herr Jan Kowalski ist seit 2019 eingetragen.")
    other = await flows.request(name="Anna Nowak", attachment=PDF, close=False)  # the same file, still open
    unique = await flows.request(name="Ewa Wiśniewska", attachment=PDF + b"2")
    assert closed.closed_at is not None
    cached = [await Translation.create(text_hash=text_hash(text), source="de", target="pl", provider="apertium",
                                       status=TranslationStatus.DONE, source_text=text, translated_text="…")
              for text in ("Herr Jan Kowalski ist seit 2019 eingetragen.", "Ein anderer Text.")]
    await steps(rules.add_months(closed.closed_at, 6), store)

    deleted_at = rules.add_months(closed.closed_at, 36)
    await service.add_message(await world.principal_of(flows.cast.responder), other.id, deleted_at - timedelta(days=1),
                              "Noch in Bearbeitung.")  # still active: not abandoned
    later(clock, deleted_at)
    assert {(ref, step) for ref, step, _ in await steps(deleted_at, store)} == {
        (closed.reference, rules.Step.DELETE), (unique.reference, rules.Step.DELETE)}
    row = await Exchange.get(id=closed.id)
    assert row.personal_data is None and row.personal_data_deleted_at == deleted_at
    assert row.personal_data_blocked_at is not None and row.personal_data_blocked_at < deleted_at
    assert row.answers == {"pq.establishment.legally_established": "YES", "pq.training.content": rules.DELETED_TEXT}
    assert {m.text for m in await Message.filter(exchange_id=closed.id)} == {rules.DELETED_TEXT}
    assert [t.id for t in await Translation.all()] == [cached[1].id], "the message's translations are forgotten"
    assert (await events(closed.id))[-2:] == [job.BLOCKED_EVENT, job.DELETED_EVENT]
    dump = json.dumps([e.data for e in await ExchangeEvent.all()]) + json.dumps(
        [a.detail for a in await AuditEntry.all()])
    assert "Kowalski" not in dump and "Wiśniewska" not in dump

    [gone] = await Attachment.filter(exchange_id=closed.id)
    assert gone.deleted_at == deleted_at and gone.filename == rules.DELETED_FILENAME
    shared, own = store.path(gone.sha256), store.path((await Attachment.get(exchange_id=unique.id)).sha256)
    assert not (await Attachment.get(exchange_id=other.id)).deleted_at
    assert shared.exists(), "another live attachment uses the same file"
    assert own.exists(), "too fresh: an upload of the same content may still be committing"
    age(own, 1)
    assert (await job.run(deleted_at, store)).files_removed == 1
    assert not own.exists() and shared.exists()

    # The other exchange's data goes too in time; then its file is unused and removed.
    await service.close(await world.principal_of(flows.cast.requester), other.id, other.version, deleted_at)
    assert await steps(deleted_at + timedelta(days=1), store) == []
    age(shared, 1)
    outcome = await job.run(rules.add_months(deleted_at, 36), store)
    assert [d.reference for d in outcome.done] == [other.reference] and outcome.files_removed == 1
    assert not shared.exists()
    assert (await verify()).intact


@pytest.fixture
def long_retention(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(sources.ENVIRONMENT, str(OVERRIDE_DATA))
    sources.reload()
    yield
    monkeypatch.delenv(sources.ENVIRONMENT)
    sources.reload()


async def test_a_procedure_that_keeps_data_eighteen_months(long_retention: None, flows: Flows) -> None:
    cast, closed = flows.cast, datetime(2026, 8, 31, 16, 30, tzinfo=UTC)
    kept = await Exchange.create(
        reference="REQ-2026-0000900", kind="REQUEST", procedure="PQ_REQUEST_18_MONTHS",
        legal_area="PROFESSIONAL_QUALIFICATIONS", state="CLOSED", requesting_authority_id=cast.requester.authority.id,
        responding_authority_id=cast.responder.authority.id, requesting_country="DE", responding_country="PL",
        subject="Anfrage", subject_language="de", personal_data={"full_name": "Jan Kowalski"}, created_at=closed,
        updated_at=closed, sent_at=closed - timedelta(days=20), closed_at=closed)
    assert await steps(rules.add_months(closed, 6)) == [], "not at six months"
    assert await steps(datetime(2028, 2, 29, 16, 29, 59, tzinfo=UTC)) == []
    assert await steps(datetime(2028, 2, 29, 16, 30, tzinfo=UTC)) == [
        (kept.reference, rules.Step.BLOCK, rules.Basis.FORMAL_CLOSURE)]
    assert await steps(datetime(2029, 8, 31, 16, 30, tzinfo=UTC)) == [
        (kept.reference, rules.Step.DELETE, rules.Basis.FORMAL_CLOSURE)]


async def test_a_withdrawn_request_and_an_abandoned_draft(flows: Flows, clock: FixedClock) -> None:
    requester = await world.principal_of(flows.cast.requester)
    sent = await flows.request(accept=False)
    withdrawn = await service.withdraw(requester, sent.id, sent.version, clock.now())
    draft = await service.create_request(requester, service.RequestDraft(
        procedure=world.PROCEDURE, subject="Entwurf", personal_data={"full_name": "Jan Kowalski"}), clock.now())
    open_one = await flows.request(close=False)
    six_months = rules.add_months(clock.now(), 6)
    assert {(ref, basis) for ref, _, basis in await steps(six_months)} == {
        (withdrawn.reference, rules.Basis.FORMAL_CLOSURE), (draft.reference, rules.Basis.NEVER_SENT)}
    assert (await Exchange.get(id=open_one.id)).personal_data_blocked_at is None, "open and answered: kept"
    with pytest.raises(ValidationFailed, match="blocked"):
        await service.modify(requester, draft.id, draft.version + 1, six_months, personal_data={"full_name": "X"})


async def test_an_alert_loses_its_personal_data_when_it_stops_being_valid(flows: Flows, clock: FixedClock) -> None:
    start = clock.now()
    running = await flows.alert(period_days=10)
    ended = await flows.alert(surname="Nowak", close=True)
    lasting = await flows.alert(surname="Zieliński", period_days=None)
    assert await steps(start) == [(ended.reference, rules.Step.DELETE, rules.Basis.ALERT_NO_LONGER_VALID)]
    assert (await events(ended.id))[-1] == job.DELETED_EVENT, "deleted at once: no separate blocking step"
    gone = await Exchange.get(id=ended.id)
    assert gone.personal_data is None and gone.personal_data_blocked_at == gone.personal_data_deleted_at == start
    assert gone.answers, "the rest of the form stays as the proof of the alert"

    last_day = (start + timedelta(days=10)).date()
    assert await steps(datetime.combine(last_day, datetime.max.time(), tzinfo=UTC)) == []
    day_after = datetime.combine(last_day + timedelta(days=1), datetime.min.time(), tzinfo=UTC)
    assert await steps(day_after) == [(running.reference, rules.Step.DELETE, rules.Basis.ALERT_NO_LONGER_VALID)]
    assert await steps(rules.add_months(start, 120)) == [], "a valid alert without end is kept"
    assert (await Exchange.get(id=lasting.id)).personal_data


async def test_two_concurrent_runs_take_each_step_once(flows: Flows, clock: FixedClock, store: FileStore) -> None:
    made = [await flows.request(name=f"Jan Kowalski {n}") for n in range(4)]
    at = rules.add_months(clock.now(), 6)
    first, second = await asyncio.gather(job.run(at, store), job.run(at, store))
    assert sorted(d.exchange_id for d in first.done + second.done) == [e.id for e in made]
    for exchange in made:
        assert (await events(exchange.id)).count(job.BLOCKED_EVENT) == 1
    assert await AuditEntry.filter(action=AuditAction.BLOCK).count() == len(made)
    deleted_at = rules.add_months(clock.now(), 36)
    first, second = await asyncio.gather(job.run(deleted_at, store), job.run(deleted_at, store))
    assert len(first.done) + len(second.done) == len(made)
    assert await AuditEntry.filter(action=AuditAction.DELETE).count() == len(made)
    assert (await verify()).intact


async def test_a_step_loses_to_a_concurrent_change(flows: Flows, clock: FixedClock) -> None:
    closed = await flows.request()
    stale = await Exchange.get(id=closed.id)
    await Exchange.filter(id=closed.id).update(version=stale.version + 1)  # someone changed it meanwhile
    assert await job.apply(stale, rules.add_months(clock.now(), 6)) is None
    assert (await Exchange.get(id=closed.id)).personal_data_blocked_at is None
    assert await AuditEntry.filter(action=AuditAction.BLOCK).count() == 0


async def test_the_server_runs_the_job_daily(settings, clock: FixedClock, flows: Flows) -> None:
    from imi.app import create_app

    closed = await flows.request()
    app = create_app(settings, clock)
    runner = app.state.retention
    assert isinstance(runner, job.PrivacyRunner) and runner.interval == job.DAY_SECONDS
    later(clock, rules.add_months(clock.now(), 6))
    outcome = await runner.run_once()
    assert [d.exchange_id for d in outcome.done] == [closed.id]


async def test_an_exchange_of_an_unknown_procedure_does_not_stop_the_others(flows: Flows, clock: FixedClock,
                                                                          caplog: pytest.LogCaptureFixture) -> None:
    lost = await flows.request(name="Anna Nowak")
    kept = await flows.request()
    await Exchange.filter(id=lost.id).update(procedure="NO_LONGER_DEFINED")
    assert await steps(rules.add_months(clock.now(), 6)) == [
        (kept.reference, rules.Step.BLOCK, rules.Basis.FORMAL_CLOSURE)]
    assert f"exchange {lost.reference}: unknown procedure NO_LONGER_DEFINED" in caplog.text
