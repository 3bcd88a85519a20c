"""The pair coverage table, computed from the live Apertium capability."""

from collections.abc import AsyncIterator

import pytest

from imi.reference import LANGUAGE_CODES
from imi.translation.apertium.provider import ApertiumTranslator
from imi.translation.coverage import coverage, markdown, summary
from imi.translation.protocol import Route
from imi.translation.settings import ApertiumSettings

from .conftest import needs_apertium

pytestmark = needs_apertium


@pytest.fixture(scope="module")
async def apertium() -> AsyncIterator[ApertiumTranslator]:
    translator = ApertiumTranslator(ApertiumSettings(supervise=False))
    await translator.start()
    yield translator
    await translator.close()


async def test_every_ordered_pair_is_classified(apertium: ApertiumTranslator) -> None:
    pairs = coverage(apertium)
    assert len(pairs) == 26 * 25
    counts = summary(pairs)
    assert counts["direct"] == len(apertium.graph.pairs)
    assert counts["direct"] + counts["pivot"] + counts["unserved"] == 650
    direct = {key for key, capability in pairs.items() if isinstance(capability, Route) and capability.direct}
    assert direct == set(apertium.graph.pairs)


async def test_pivots_use_installed_hops(apertium: ApertiumTranslator) -> None:
    for capability in coverage(apertium).values():
        if isinstance(capability, Route) and not capability.direct:
            assert [p.mode for p in apertium.graph.hops(capability)]
            assert set(capability.via) <= {"es", "en"}


async def test_the_markdown_table_has_a_row_per_language(apertium: ApertiumTranslator) -> None:
    table = markdown(coverage(apertium))
    rows = [line for line in table.splitlines() if line.startswith("| **")]
    assert [row.split("**")[1] for row in rows] == list(LANGUAGE_CODES)
    assert "| **es** |" in table and " of 650 pairs served" in table
