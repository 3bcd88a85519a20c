"""The `SearchEngine` protocol that both engines implement."""

from collections.abc import AsyncIterable, AsyncIterator, Callable, Iterable, Sequence
from typing import Protocol, runtime_checkable

from imi.search.model import AuthorityDocument, SearchQuery, SearchResult

Documents = AsyncIterable[AuthorityDocument] | Iterable[AuthorityDocument]
Progress = Callable[[int], None]


@runtime_checkable
class SearchEngine(Protocol):
    """An authority index: written from the outbox, rebuilt from the database, searched by officials."""

    async def upsert(self, docs: Sequence[AuthorityDocument]) -> None:
        """Add or replace these authorities; visible to the next search when this returns."""

    async def delete(self, ids: Sequence[str]) -> None:
        """Remove these authorities (unknown ids are ignored)."""

    async def search(self, query: SearchQuery) -> SearchResult:
        """Hits in relevance order (by name when the text is empty), with highlights and facet counts."""
        ...

    async def count(self) -> int:
        """How many authorities the index holds."""
        ...

    async def rebuild(self, docs: Documents, progress: Progress | None = None) -> None:
        """Replace the whole index by these authorities, atomically: searches see the old index until the
        new one is complete, and a failure (or a crash) leaves the old one in place. `progress` receives the
        number of documents indexed so far."""

    async def needs_rebuild(self) -> bool:
        """True when the index was never built, or was built from another index definition."""
        ...

    async def close(self) -> None:
        """Release files and connections."""


async def batches(docs: Documents, size: int) -> AsyncIterator[list[AuthorityDocument]]:
    """The documents of a rebuild in lists of `size`, whether they come from an async or a plain iterable."""
    batch: list[AuthorityDocument] = []
    if isinstance(docs, AsyncIterable):
        async for doc in docs:
            batch.append(doc)
            if len(batch) >= size:
                yield batch
                batch = []
    else:
        for doc in docs:
            batch.append(doc)
            if len(batch) >= size:
                yield batch
                batch = []
    if batch:
        yield batch
