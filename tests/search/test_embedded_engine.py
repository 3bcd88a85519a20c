"""The embedded engine on disk: writes are visible at once, survive a restart, and a rebuild is atomic."""

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from imi.search import (
    AuthorityDocument,
    InvalidQueryError,
    SearchEngine,
    SearchQuery,
    TantivyEngine,
    engine_from_settings,
    load_definition,
)
from imi.search.definition import DEFAULT_DIR

BACKEND = Path(__file__).resolve().parents[2] / "backend"


def _doc(identifier: str, name: str, **changes: object) -> AuthorityDocument:
    fields: dict[str, object] = {
        "id": identifier, "country": "MT", "level": "NATIONAL", "status": "ACTIVE", "official_name": name,
        "official_language": "en", "city": "Valletta", "legal_areas": ("PATIENTS_RIGHTS",),
    }
    return AuthorityDocument(**{**fields, **changes})  # type: ignore[arg-type]


async def _ids(engine: SearchEngine, text: str, **filters: object) -> list[str]:
    result = await engine.search(SearchQuery(text=text, **filters))  # type: ignore[arg-type]
    return [hit.id for hit in result.hits]


async def test_writes_are_searchable_at_once_and_survive_a_restart(tmp_path: Path) -> None:
    engine = TantivyEngine(tmp_path)
    assert isinstance(engine, SearchEngine)
    assert await engine.needs_rebuild() and await engine.count() == 0
    await engine.upsert([_doc("1", "Ministry for Health"), _doc("2", "Superintendence of Public Health")])
    assert await _ids(engine, "health ") == ["1", "2"] or await _ids(engine, "health ") == ["2", "1"]
    await engine.upsert([_doc("1", "Ministry for Active Ageing")])
    assert await _ids(engine, "ageing") == ["1"] and await _ids(engine, "ministry health ") == []
    await engine.delete(["2", "404"])
    assert await engine.count() == 1
    await engine.close()

    reopened = TantivyEngine(tmp_path)
    assert await reopened.count() == 1 and await _ids(reopened, "Active Ageing") == ["1"]


async def test_a_rebuild_replaces_everything_and_makes_the_index_current(tmp_path: Path) -> None:
    engine = TantivyEngine(tmp_path)
    await engine.upsert([_doc("old", "Old Office")])
    seen: list[int] = []

    async def stream() -> AsyncIterator[AuthorityDocument]:
        for number in range(1203):
            yield _doc(str(number), f"Office {number}")

    await engine.rebuild(stream(), progress=seen.append)
    assert seen == [500, 1000, 1203]
    assert await engine.count() == 1203 and not await engine.needs_rebuild()
    assert await _ids(engine, "old office ") == []
    assert [path.name for path in (tmp_path / "authorities").glob("gen-*")] == [
        (tmp_path / "authorities" / "CURRENT").read_text()
    ]


async def test_a_failed_rebuild_leaves_the_previous_index_in_use(tmp_path: Path) -> None:
    engine = TantivyEngine(tmp_path)
    await engine.rebuild([_doc("1", "Ministry for Health")])

    def broken() -> object:
        yield _doc("2", "Other Office")
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        await engine.rebuild(broken())  # type: ignore[arg-type]
    assert await _ids(engine, "ministry") == ["1"] and await engine.count() == 1
    assert len(list((tmp_path / "authorities").glob("gen-*"))) == 1


def _kill_a_rebuild_midway(directory: Path) -> None:
    """Start a rebuild in another process and kill it once it has written part of the new generation."""
    script = textwrap.dedent(f"""
        import asyncio, time
        from pathlib import Path
        from imi.search import AuthorityDocument, TantivyEngine

        def slow():
            for n in range(100_000):
                if n == 600:
                    print("writing", flush=True)
                    time.sleep(60)
                yield AuthorityDocument(str(n), "MT", "LOCAL", "ACTIVE", f"Office {{n}}", "en")

        asyncio.run(TantivyEngine(Path({str(directory)!r})).rebuild(slow()))
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                             env={**os.environ, "PYTHONPATH": str(BACKEND)})
    assert child.stdout is not None and child.stdout.readline().strip() == b"writing"
    assert len(list((directory / "authorities").glob("gen-*"))) == 2  # the unfinished generation
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()


@pytest.mark.slow
async def test_a_crash_during_a_rebuild_leaves_the_previous_index_in_use(tmp_path: Path) -> None:
    engine = TantivyEngine(tmp_path)
    await engine.rebuild([_doc("1", "Ministry for Health")])
    await engine.close()
    _kill_a_rebuild_midway(tmp_path)

    reopened = TantivyEngine(tmp_path)
    assert await reopened.count() == 1 and await _ids(reopened, "ministry") == ["1"]
    assert len(list((tmp_path / "authorities").glob("gen-*"))) == 1  # the unfinished one is gone
    await reopened.upsert([_doc("2", "Office 2")])
    assert await reopened.count() == 2


async def test_another_instance_follows_commits_and_rebuilds(tmp_path: Path) -> None:
    writer, reader = TantivyEngine(tmp_path), TantivyEngine(tmp_path)
    await writer.upsert([_doc("1", "Ministry for Health")])
    assert await _ids(reader, "ministry") == ["1"]
    await writer.rebuild([_doc("2", "Planning Authority")])
    assert await _ids(reader, "planning") == ["2"] and await reader.count() == 1


async def test_an_index_built_from_another_definition_needs_a_rebuild(tmp_path: Path) -> None:
    engine = TantivyEngine(tmp_path / "index")
    await engine.rebuild([_doc("1", "Ministry for Health")])
    changed = tmp_path / "definition"
    shutil.copytree(DEFAULT_DIR, changed)
    synonyms = changed / "synonyms.yaml"
    synonyms.write_text(synonyms.read_text(encoding="utf-8").replace("[EPC, CPE, TPE, EBK]", "[EPC, CPE]"))
    other = TantivyEngine(tmp_path / "index", load_definition(changed))
    assert await other.needs_rebuild() and await _ids(other, "ministry") == ["1"]


async def test_browsing_is_by_name_and_highlights_are_escaped(tmp_path: Path) -> None:
    engine = TantivyEngine(tmp_path)
    await engine.rebuild([
        _doc("b", "Health & <Care> Board"),
        _doc("a", "Agency for Health", status="INACTIVE"),
        _doc("c", "Żabbar Local Council", level="LOCAL"),
    ])
    assert await _ids(engine, "") == ["b", "c"]
    assert await _ids(engine, "", statuses=("ACTIVE", "INACTIVE")) == ["a", "b", "c"]
    result = await engine.search(SearchQuery(text="health care"))
    assert result.hits[0].highlights["official_name"] == "<mark>Health</mark> &amp; &lt;<mark>Care</mark>&gt; Board"
    assert result.facets["country"] == {"MT": 1}


@pytest.mark.parametrize(("limit", "offset"), [(0, 0), (101, 0), (20, -1), (20, 990)])
def test_pages_stay_within_the_window(limit: int, offset: int) -> None:
    with pytest.raises(InvalidQueryError):
        SearchQuery(text="x", limit=limit, offset=offset)


def test_the_engine_follows_the_settings(tmp_path: Path) -> None:
    class Settings:
        meili_url = None
        meili_key = None
        var_dir = tmp_path

    engine = engine_from_settings(Settings())
    assert isinstance(engine, TantivyEngine) and engine.root == tmp_path / "search" / "authorities"
    Settings.meili_url = "http://127.0.0.1:7700"  # type: ignore[assignment]
    from imi.search.meili import MeilisearchEngine

    assert isinstance(engine_from_settings(Settings()), MeilisearchEngine)
