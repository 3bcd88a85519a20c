"""Several app processes on one embedded index: they open it together, one rebuilds while the others search, and
only one of their indexers writes."""

import asyncio
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from imi.search import TantivyEngine
from imi.search.indexer import Indexer
from tests import world

ROOT = Path(__file__).resolve().parents[2]
WORKER = textwrap.dedent("""
    import asyncio, sys, time
    from pathlib import Path
    sys.path.insert(0, sys.argv[3])
    from imi.search import SearchQuery, TantivyEngine
    from tests.search.fixtures import documents

    async def main(directory: Path, number: int) -> None:
        start = float(sys.argv[4])
        time.sleep(max(0.0, start - time.time()))  # every process opens the fresh directory at the same moment
        engine = TantivyEngine(directory)
        if number == 0:
            await engine.rebuild(documents())
        deadline = time.time() + 60
        while time.time() < deadline:  # search until the rebuilt index shows up
            found = await engine.search(SearchQuery(text="Naczelna Izba Aptekarska"))
            if found.hits:
                break
            await asyncio.sleep(0.01)
        print(found.hits[0].id if found.hits else "-")

    asyncio.run(main(Path(sys.argv[1]), int(sys.argv[2])))
""")


@pytest.mark.slow
def test_processes_open_a_fresh_index_together_while_one_rebuilds_it(tmp_path: Path) -> None:
    script = tmp_path / "worker.py"
    script.write_text(WORKER, encoding="utf-8")
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "backend")}
    start = time.time() + 3
    workers = [
        subprocess.Popen([sys.executable, str(script), str(tmp_path / "search"), str(number), str(ROOT), str(start)],
                         env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for number in range(4)
    ]
    outputs = [worker.communicate(timeout=120) for worker in workers]
    for worker, (_, errors) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, errors[-2000:]
    assert [out.strip() for out, _ in outputs] == ["PL-NIA"] * 4, "every process follows the rebuilt index"


async def test_only_the_indexer_holding_the_lock_writes_and_another_takes_over(clean_db, clock, tmp_path) -> None:
    now = clock.now()
    await world.authority("PL", now)
    lock = tmp_path / "indexer.lock"
    first = Indexer(TantivyEngine(tmp_path / "search"), lock_path=lock, poll_seconds=0.05, takeover_seconds=0.05)
    second = Indexer(TantivyEngine(tmp_path / "search"), lock_path=lock, poll_seconds=0.05, takeover_seconds=0.05)
    first.start()
    await asyncio.wait_for(first.ready.wait(), 20)
    second.start()
    try:
        await asyncio.sleep(0.3)
        assert not second.ready.is_set(), "the second process's indexer waits while the first writes"
        await first.stop()
        await asyncio.wait_for(second.ready.wait(), 20)
    finally:
        await first.stop()
        await second.stop()
    assert await second.engine.count() == 2, "the authority and its coordinator"
