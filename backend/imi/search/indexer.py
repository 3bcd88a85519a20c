"""The search indexer: sends committed changes of authorities to the search engine.

Every change of an authority (or of its procedures) sets `Authority.search_pending` and bumps its `version` in
the change's own transaction. The indexer reads the pending authorities, upserts their documents and clears
the flag of those whose version did not move meanwhile, so a change committed during indexing is indexed on
the next pass. An indexer runs in each app process, and one of them writes: the one holding the lock file (the
others wait to take over if that process ends). It wakes when its process commits a change and polls for changes
made by other processes (workers, the command line). When the engine is down it backs off and retries.
"""

import asyncio
import contextlib
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

from imi.authorities import changes
from imi.authorities.models import Authority
from imi.search.engine import SearchEngine
from imi.search.factory import search_dir
from imi.search.source import all_documents, authority_count, documents_for

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]

logger = logging.getLogger(__name__)

BATCH = 200
CHUNK = 500
"""Ids per `IN (...)` list when flags are updated in bulk."""


def writer_lock(settings: Any) -> Path:
    """The lock file that elects the one writing indexer among the processes of an installation."""
    return search_dir(settings) / "indexer.lock"


class _FileLock:
    """An exclusive, non-blocking lock on a file, held until released or until the process ends."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[str] | None = None

    def acquire(self) -> bool:
        if self._handle is not None or fcntl is None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = self.path.open("w")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            return False
        self._handle = handle
        return True

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]


async def clear_pending(versions: dict[int, int]) -> int:
    """Clear the flag of each authority still at the version it was indexed at; how many were cleared."""
    by_version: dict[int, list[int]] = defaultdict(list)
    for authority_id, version in versions.items():
        by_version[version].append(authority_id)
    cleared = 0
    for version, ids in by_version.items():
        for chunk in _chunks(ids):
            cleared += await Authority.filter(id__in=chunk, version=version, search_pending=True).update(
                search_pending=False
            )
    return cleared


class Indexer:
    """Keeps one engine's index in step with the authorities of the database."""

    def __init__(
        self, engine: SearchEngine, *, lock_path: Path | None = None, poll_seconds: float = 1.0,
        max_backoff_seconds: float = 60.0, takeover_seconds: float = 5.0,
    ) -> None:
        """`lock_path`: the lock file shared by the processes writing this index (None: write unconditionally);
        a process without the lock tries to take it every `takeover_seconds`."""
        self.engine = engine
        self._writer = _FileLock(lock_path) if lock_path is not None else None
        self.takeover_seconds = takeover_seconds
        self.poll_seconds = poll_seconds
        self.max_backoff_seconds = max_backoff_seconds
        self._lock = asyncio.Lock()
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._unlisten: Callable[[], None] | None = None
        self.ready = asyncio.Event()
        """Set once the index has been checked (and rebuilt if it had to be) since start."""

    async def index_pending(self) -> int:
        """Index every pending authority; how many documents were sent."""
        sent = 0
        async with self._lock:
            while page := await Authority.filter(search_pending=True).order_by("id").limit(BATCH):
                await self.engine.upsert(await documents_for(page))
                sent += len(page)
                cleared = await clear_pending({authority.id: authority.version for authority in page})
                if not cleared:  # all changed again meanwhile: the next pass takes them
                    break
        return sent

    async def rebuild(self, progress: Callable[[int], None] | None = None) -> int:
        """Replace the whole index by the database's authorities; how many were indexed.

        Afterwards the flag is cleared for each authority still at the version it was read at, and set for each
        that changed meanwhile (another process may have indexed that change into the replaced index)."""
        async with self._lock:
            versions: dict[int, int] = {}
            await self.engine.rebuild(all_documents(versions), progress)
            current = dict(await Authority.all().values_list("id", "version"))
            moved = [int(i) for i, version in current.items() if versions.get(int(i)) != version]
            for chunk in _chunks(moved):
                await Authority.filter(id__in=chunk).update(search_pending=True)
            await clear_pending(versions)
            return len(versions)

    async def ensure_index(self) -> bool:
        """Rebuild the index if it was never built or was built from another definition; True if it was."""
        if not await self.engine.needs_rebuild():
            return False
        total = await authority_count()
        logger.info("search index: rebuilding from %d authorities", total)
        step = max(1000, total // 10)
        reported = [0]

        def progress(done: int) -> None:
            if done - reported[0] >= step or done == total:
                reported[0] = done
                logger.info("search index: %d/%d authorities indexed", done, total)

        indexed = await self.rebuild(progress)
        logger.info("search index: rebuilt with %d authorities", indexed)
        return True

    async def _become_writer(self) -> None:
        """Wait for the lock file: while another process holds it, that process writes the index."""
        while self._writer is not None:
            if self._writer.acquire():
                return
            await asyncio.sleep(self.takeover_seconds)

    async def _run(self) -> None:
        await self._become_writer()
        backoff = 0.0
        while True:
            self._wake.clear()
            try:
                if not self.ready.is_set():
                    await self.ensure_index()
                    self.ready.set()
                await self.index_pending()
                backoff = 0.0
            except Exception as error:  # the engine or the database is away: retry later, never die
                backoff = min(max(backoff * 2, self.poll_seconds), self.max_backoff_seconds)
                logger.warning("search indexing failed, retrying in %.0f s: %s", backoff, error)
            if backoff:
                await asyncio.sleep(backoff)
            else:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=self.poll_seconds)

    def start(self) -> None:
        """Run in the background: check the index, then index changes as they are committed."""
        self._unlisten = changes.listen(self._wake.set)
        self._task = asyncio.create_task(self._run(), name="search-indexer")

    async def stop(self) -> None:
        if self._unlisten:
            self._unlisten()
            self._unlisten = None
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if self._writer is not None:
            self._writer.release()
