"""The Meilisearch engine, used when `IMI_MEILI_URL` is set.

Settings come from search_index/ (imi.search.meili_requests.settings) and are applied when the engine first
writes or when `needs_rebuild` finds the index built from another definition. Every write waits for its task,
so that it is visible to the next search. A rebuild fills a temporary index and swaps it with the live one.
The fingerprint of the definition an index was built from is kept in a small `<uid>_meta` index.
"""

import contextlib
import time
from collections.abc import Sequence
from typing import Any

from meilisearch_python_sdk import AsyncClient
from meilisearch_python_sdk.errors import MeilisearchError

from imi.search import meili_requests
from imi.search.definition import IndexDefinition
from imi.search.definition import definition as default_definition
from imi.search.document import expansion_fingerprint, index_document
from imi.search.engine import Documents, Progress, batches
from imi.search.model import AuthorityDocument, SearchError, SearchQuery, SearchResult

BATCH = 1000
TASK_TIMEOUT_MS = 10 * 60 * 1000
FORMAT = "meilisearch-1"


class NotFoundError(SearchError):
    """Meilisearch answered 404."""


class MeilisearchEngine:
    """`SearchEngine` on a Meilisearch server."""

    def __init__(
        self,
        url: str,
        api_key: str | None = None,
        definition: IndexDefinition | None = None,
        *,
        uid: str | None = None,
        timeout: int = 30,
    ) -> None:
        self.definition = definition or default_definition()
        self.uid = uid or self.definition.uid
        self.client = AsyncClient(url, api_key, timeout=timeout)
        self._ready = False

    @property
    def fingerprint(self) -> str:
        return f"{FORMAT}:{self.definition.fingerprint}:{expansion_fingerprint()}"

    async def _task(self, response: Any) -> None:
        """Wait for the task a request enqueued; a failed task raises `SearchError`."""
        uid = response["taskUid"] if isinstance(response, dict) else response.task_uid
        result = await self.client.wait_for_task(uid, timeout_in_ms=TASK_TIMEOUT_MS)
        if result.status != "succeeded":
            raise SearchError(f"Meilisearch task {uid} {result.status}: {result.error}")

    async def _request(self, method: str, path: str, body: Any = None) -> Any:
        try:
            response = await self.client.http_client.request(method, path, json=body)
        except Exception as error:
            raise SearchError(f"Meilisearch unreachable: {error}") from error
        if response.status_code == 404:
            raise NotFoundError(f"Meilisearch {method} {path}: {response.text}")
        if response.status_code >= 400:
            raise SearchError(f"Meilisearch {method} {path}: {response.status_code} {response.text}")
        return response.json() if response.content else None

    async def _create(self, uid: str) -> None:
        existing = await self.client.get_raw_index(uid)
        if existing is None:
            await self._task(await self._request("POST", "indexes", {"uid": uid, "primaryKey": "id"}))
        await self._task(
            await self._request("PATCH", f"indexes/{uid}/settings", meili_requests.settings(self.definition))
        )

    async def _ensure(self) -> None:
        if not self._ready:
            if await self.client.get_raw_index(self.uid) is None:
                await self._create(self.uid)
            self._ready = True

    async def upsert(self, docs: Sequence[AuthorityDocument]) -> None:
        if docs:
            await self._ensure()
            body = [index_document(doc, self.definition) for doc in docs]
            await self._task(await self._request("POST", f"indexes/{self.uid}/documents?primaryKey=id", body))

    async def delete(self, ids: Sequence[str]) -> None:
        if ids:
            await self._ensure()
            await self._task(
                await self._request("POST", f"indexes/{self.uid}/documents/delete-batch", list(ids))
            )

    async def search(self, query: SearchQuery) -> SearchResult:
        await self._ensure()
        queries = meili_requests.search_queries(self.definition, query)
        answer = await self._request("POST", "multi-search", {"queries": queries})
        results = answer["results"]
        main = results[0]
        page = main.get("hits", [])[query.offset : query.offset + query.limit]
        hits = tuple(meili_requests.read_hit(self.definition, hit, query.language) for hit in page)
        total = int(main.get("totalHits", main.get("estimatedTotalHits", 0)))
        return SearchResult(hits, total, meili_requests.read_facets(self.definition, results))

    async def count(self) -> int:
        await self._ensure()
        stats = await self._request("GET", f"indexes/{self.uid}/stats")
        return int(stats["numberOfDocuments"])

    async def needs_rebuild(self) -> bool:
        try:
            stored = await self._request("GET", f"indexes/{self.uid}_meta/documents/{self.uid}")
        except NotFoundError:
            return True
        return bool(stored.get("fingerprint") != self.fingerprint)

    async def rebuild(self, docs: Documents, progress: Progress | None = None) -> None:
        temporary = f"{self.uid}_rebuild_{int(time.time() * 1000)}"
        await self._create(temporary)
        done = 0
        try:
            async for batch in batches(docs, BATCH):
                body = [index_document(doc, self.definition) for doc in batch]
                await self._task(
                    await self._request("POST", f"indexes/{temporary}/documents?primaryKey=id", body)
                )
                done += len(batch)
                if progress is not None:
                    progress(done)
            await self._create(self.uid)
            await self._task(
                await self._request("POST", "swap-indexes", [{"indexes": [self.uid, temporary]}])
            )
            meta = [{"id": self.uid, "fingerprint": self.fingerprint}]
            await self._task(
                await self._request("POST", f"indexes/{self.uid}_meta/documents?primaryKey=id", meta)
            )
            self._ready = True
        finally:
            with contextlib.suppress(SearchError, MeilisearchError):
                await self._task(await self._request("DELETE", f"indexes/{temporary}"))

    async def drop(self) -> None:
        """Delete the index and its fingerprint (tests, or leaving Meilisearch)."""
        for uid in (self.uid, f"{self.uid}_meta"):
            with contextlib.suppress(NotFoundError):
                await self._task(await self._request("DELETE", f"indexes/{uid}"))
        self._ready = False

    async def close(self) -> None:
        await self.client.aclose()
