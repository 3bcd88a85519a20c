"""Engines loaded with the relevance fixture: the embedded one always, Meilisearch when IMI_MEILI_URL is set."""

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from imi.search import SearchEngine, TantivyEngine

from .fixtures import documents

MEILI_URL = os.environ.get("IMI_MEILI_URL")
NO_MEILI = "no Meilisearch server: set IMI_MEILI_URL (and IMI_MEILI_KEY) to run the suite against one"


@pytest.fixture(scope="session")
async def embedded(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[TantivyEngine]:
    engine = TantivyEngine(Path(tmp_path_factory.mktemp("search")))
    await engine.rebuild(documents())
    yield engine
    await engine.close()


@pytest.fixture(scope="session")
async def meilisearch() -> AsyncIterator[SearchEngine]:
    if not MEILI_URL:
        pytest.skip(NO_MEILI)
    from imi.search.meili import MeilisearchEngine

    engine = MeilisearchEngine(MEILI_URL, os.environ.get("IMI_MEILI_KEY"), uid=f"imi_test_{os.getpid()}")
    await engine.rebuild(documents())
    yield engine
    await engine.drop()
    await engine.close()


@pytest.fixture(params=["embedded", "meilisearch"])
def engine(request: pytest.FixtureRequest) -> SearchEngine:
    """Each engine in turn (Meilisearch is skipped without a server)."""
    found: SearchEngine = request.getfixturevalue(request.param)
    return found
