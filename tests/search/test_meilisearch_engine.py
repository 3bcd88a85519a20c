"""The Meilisearch engine against a real server (IMI_MEILI_URL); skipped, saying so, when there is none."""

import os

import pytest

from imi.search import AuthorityDocument, SearchQuery
from imi.search.meili import MeilisearchEngine

from .conftest import NO_MEILI

pytestmark = pytest.mark.skipif(not os.environ.get("IMI_MEILI_URL"), reason=NO_MEILI)


def _doc(identifier: str, name: str) -> AuthorityDocument:
    return AuthorityDocument(identifier, "MT", "NATIONAL", "ACTIVE", name, "en", city="Valletta",
                             legal_areas=("PATIENTS_RIGHTS",))


async def test_writes_wait_for_their_tasks_and_a_rebuild_swaps_the_index() -> None:
    engine = MeilisearchEngine(os.environ["IMI_MEILI_URL"], os.environ.get("IMI_MEILI_KEY"),
                               uid=f"imi_test_engine_{os.getpid()}")
    try:
        assert await engine.needs_rebuild()
        await engine.rebuild([_doc("1", "Ministry for Health"), _doc("2", "Planning Authority")])
        assert not await engine.needs_rebuild() and await engine.count() == 2
        await engine.upsert([_doc("3", "Superintendence of Public Health")])
        result = await engine.search(SearchQuery(text="health "))
        assert {hit.id for hit in result.hits} == {"1", "3"} and result.total == 2
        assert result.facets["country"] == {"MT": 2}
        await engine.delete(["1"])
        assert [hit.id for hit in (await engine.search(SearchQuery(text="health "))).hits] == ["3"]
        await engine.rebuild([_doc("9", "Malta Business Registry")])
        assert await engine.count() == 1
    finally:
        await engine.drop()
        await engine.close()
