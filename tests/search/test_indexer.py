"""The indexer follows committed changes of authorities into the engine, and never loses one."""

import asyncio
import logging
from collections.abc import Sequence
from pathlib import Path

import pytest

from imi.accounts.profiles import Profile
from imi.authorities import service
from imi.authorities.models import Authority, AuthorityStatus
from imi.search import AuthorityDocument, SearchError, SearchQuery, TantivyEngine
from imi.search.indexer import Indexer
from tests import world

VALIDATOR = [(None, Profile.VALIDATOR)]


async def _ids(engine: TantivyEngine, text: str = "", **filters: tuple[str, ...]) -> set[str]:
    result = await engine.search(SearchQuery(text=text, limit=100, **{"statuses": (), **filters}))
    return {hit.id for hit in result.hits}


async def _pending() -> set[int]:
    return set(await Authority.filter(search_pending=True).values_list("id", flat=True))


@pytest.fixture
def engine(tmp_path: Path) -> TantivyEngine:
    return TantivyEngine(tmp_path / "search")


async def test_pending_authorities_are_indexed_and_their_flag_cleared(clean_db, clock, engine) -> None:
    now = clock.now()
    doctors = await world.authority("PL", now)
    coordinator = await world.coordinator("PL", now)
    assert await _pending() == {doctors.id, coordinator.id}, "a new authority awaits indexing"
    indexer = Indexer(engine)
    assert await indexer.index_pending() == 2
    assert await _pending() == set()
    assert await _ids(engine, "Naczelna Izba Lekarska") == {str(doctors.id)}
    found = await engine.search(SearchQuery(text="Lekarska", limit=1))
    assert found.facets["legal_area"] == {"PROFESSIONAL_QUALIFICATIONS": 1}
    assert await indexer.index_pending() == 0, "nothing pending: nothing sent"


async def test_each_coordinator_action_marks_the_authority_and_the_index_follows(clean_db, clock, engine) -> None:
    now = clock.now()
    coordinator = await world.coordinator("AT", now)
    principal = await world.principal_of(await world.official(coordinator, now, rights=VALIDATOR))
    indexer = Indexer(engine)
    await indexer.index_pending()
    details = service.AuthorityDetails(country="AT", level="REGIONAL", official_name="Ärztekammer für Wien",
                                       official_language="de", city="Wien")
    registered = await service.register(principal, details, now)
    assert await _pending() == {registered.id}
    await indexer.index_pending()
    assert await _ids(engine, "Ärztekammer", statuses=("PENDING",)) == {str(registered.id)}

    steps = [
        lambda a: service.validate(principal, a.id, a.version, now),
        lambda a: service.grant(principal, a.id, "SERVICES", None, now),
        lambda a: service.revoke(principal, a.id, "SERVICES", now),
        lambda a: service.set_status(principal, a.id, a.version, False, now),
        lambda a: service.set_status(principal, a.id, a.version, True, now),
        lambda a: service.make_delegated_coordinator(principal, a.id, a.version, now),
    ]
    current = registered
    for step in steps:
        changed = await step(current)
        assert changed.version == current.version + 1, "each indexed change is a new version"
        assert await _pending() == {registered.id}
        await indexer.index_pending()
        assert await _pending() == set()
        current = changed
        if step is steps[1]:
            assert await _ids(engine, "Wien", procedures=("SERVICES_REQUEST",)) == {str(current.id)}
        if step is steps[3]:
            assert await _ids(engine, "Ärztekammer", statuses=("INACTIVE",)) == {str(current.id)}
    assert await _ids(engine, "Wien", procedures=("SERVICES_REQUEST",)) == set(), "revoked"
    assert await _ids(engine, "Ärztekammer", statuses=("ACTIVE",)) == {str(current.id)}
    unchanged = await service.grant(principal, current.id, "PROFESSIONAL_QUALIFICATIONS", None, now)
    again = await service.grant(principal, current.id, "PROFESSIONAL_QUALIFICATIONS", None, now)
    assert again.version == unchanged.version, "granting what is held changes nothing"


class _Racing:
    """An engine that lets another transaction change an authority while its upsert is under way."""

    def __init__(self, inner: TantivyEngine, authority_id: int) -> None:
        self.inner = inner
        self.authority_id = authority_id
        self.raced = False

    def __getattr__(self, name: str):
        return getattr(self.inner, name)

    async def upsert(self, docs: Sequence[AuthorityDocument]) -> None:
        await self.inner.upsert(docs)
        if not self.raced:
            self.raced = True
            authority = await Authority.get(id=self.authority_id)
            await service._change(authority, authority.version, authority.updated_at, official_name="Renamed")


async def test_a_change_committed_while_indexing_stays_pending_and_is_indexed_next(clean_db, clock, engine) -> None:
    now = clock.now()
    doctors = await world.authority("PL", now)
    await Authority.exclude(id=doctors.id).update(search_pending=False)
    racing = _Racing(engine, doctors.id)
    indexer = Indexer(racing)  # type: ignore[arg-type]
    await indexer.index_pending()
    assert racing.raced
    assert await _ids(engine, "Renamed") == set()
    assert await _pending() == {doctors.id}, "indexed at the old version: the flag stays"
    await indexer.index_pending()
    assert await _ids(engine, "Renamed") == {str(doctors.id)}, "the next pass indexed the change"
    assert await _pending() == set()


class _Down:
    """An engine that cannot be reached."""

    def __init__(self) -> None:
        self.calls = 0

    async def upsert(self, docs: Sequence[AuthorityDocument]) -> None:
        self.calls += 1
        raise SearchError("connection refused")

    async def needs_rebuild(self) -> bool:
        return False


async def test_an_unreachable_engine_leaves_changes_pending_and_the_indexer_backs_off(clean_db, clock, caplog):
    now = clock.now()
    await world.authority("PL", now)
    down = _Down()
    indexer = Indexer(down, poll_seconds=0.05, max_backoff_seconds=0.4)  # type: ignore[arg-type]
    with pytest.raises(SearchError):
        await indexer.index_pending()
    assert len(await _pending()) == 2
    caplog.set_level(logging.WARNING, logger="imi.search.indexer")
    indexer.start()
    try:
        await asyncio.sleep(1.2)
    finally:
        await indexer.stop()
    assert len(await _pending()) == 2, "nothing is lost"
    assert "search indexing failed" in caplog.text
    assert 3 <= down.calls <= 10, f"backs off (0.05, 0.1, 0.2, 0.4, 0.4 s…), tried {down.calls} times"


async def test_a_committed_change_wakes_the_indexer_at_once(clean_db, clock, engine) -> None:
    now = clock.now()
    coordinator = await world.coordinator("AT", now)
    principal = await world.principal_of(await world.official(coordinator, now, rights=VALIDATOR))
    registered = await service.register(principal, service.AuthorityDetails(
        country="AT", level="LOCAL", official_name="Magistrat der Stadt Wien", official_language="de"), now)
    indexer = Indexer(engine, poll_seconds=60)
    indexer.start()
    try:
        await asyncio.wait_for(indexer.ready.wait(), 10)
        await _until(_pending_is_empty)
        await service.validate(principal, registered.id, registered.version, now)
        await _until(lambda: _ids_contain(engine, "Magistrat", str(registered.id)))
    finally:
        await indexer.stop()


async def _pending_is_empty() -> bool:
    return not await _pending()


async def _ids_contain(engine: TantivyEngine, text: str, wanted: str) -> bool:
    return wanted in await _ids(engine, text, statuses=("ACTIVE",))


async def _until(check, seconds: float = 5.0) -> None:
    deadline = asyncio.get_running_loop().time() + seconds
    while not await check():
        assert asyncio.get_running_loop().time() < deadline, "not indexed in time"
        await asyncio.sleep(0.02)


async def test_a_rebuild_indexes_everything_settles_flags_and_survives_a_restart(clean_db, clock, tmp_path) -> None:
    now = clock.now()
    for country in ("PL", "DE", "FR"):
        await world.authority(country, now)
    await world.authority("PL", now, name="Okręgowa Izba Lekarska w Krakowie", status=AuthorityStatus.INACTIVE)
    first = TantivyEngine(tmp_path / "search")
    assert await first.needs_rebuild()
    indexer = Indexer(first)
    assert await indexer.ensure_index() is True
    total = await Authority.all().count()
    assert await first.count() == total and await _pending() == set()
    assert await indexer.ensure_index() is False, "built from this definition: no rebuild"
    await first.close()
    restarted = TantivyEngine(tmp_path / "search")
    assert not await restarted.needs_rebuild() and await restarted.count() == total
    assert await _ids(restarted, "Krakowie", statuses=("INACTIVE",)) != set()


async def test_a_change_made_during_a_rebuild_is_marked_again(clean_db, clock, engine) -> None:
    now = clock.now()
    doctors = await world.authority("PL", now)
    indexer = Indexer(engine)
    seen: list[int] = []

    def progress(done: int) -> None:
        seen.append(done)

    async def change_during_rebuild() -> None:
        authority = await Authority.get(id=doctors.id)
        await service._change(authority, authority.version, now, city="Kraków")
        await Authority.filter(id=doctors.id).update(search_pending=False)  # as if another process indexed it

    original = engine.rebuild

    async def rebuild(docs, progress=None):
        collected = [doc async for doc in docs]
        await change_during_rebuild()
        await original(collected, progress)

    engine.rebuild = rebuild  # type: ignore[method-assign]
    await indexer.rebuild(progress)
    assert await _pending() == {doctors.id}, "the rebuilt index holds an older version: index it again"
    await indexer.index_pending()
    assert (await engine.search(SearchQuery(text="Kraków", limit=5))).total == 1
