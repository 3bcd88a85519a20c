"""Multilingual authority search: one index definition (`search_index/`), two engines.

An official searching in any of the 26 languages finds a counterpart abroad by name part, city (in its own or
another language: München, Munich), country, legal area and competence keywords (their labels in every
language), with case, diacritics and small typos forgiven and the last word matched as a prefix.

    engine = engine_from_settings(settings)          # Meilisearch if IMI_MEILI_URL is set, else embedded
    if await engine.needs_rebuild():
        await engine.rebuild(documents_from_the_database(), progress=print)
    await engine.upsert([AuthorityDocument(...)])    # from the outbox, after each committed change
    await engine.delete(["42"])
    result = await engine.search(SearchQuery(text="Apotheker Polen", language="de", levels=("NATIONAL",)))
    result.hits[0].id, result.hits[0].highlights["keywords"], result.total, result.facets["country"]

API
- `AuthorityDocument(id, country, level, status, official_name, official_language, informal_names,
  descriptions, region, city, legal_areas, procedures, keyword_ids)`: what is indexed (id: the database id).
- `SearchQuery(text, language, countries, levels, legal_areas, procedures, statuses=("ACTIVE",), limit=20,
  offset=0)`: values of one filter are alternatives; filters combine with AND; empty `statuses` means any
  status. `limit` <= 100 and `offset + limit` <= 1000, else `InvalidQueryError`.
- `SearchResult(hits, total, facets)`: `hits` in relevance order (by name without text), each a
  `SearchHit(id, score, highlights)` whose highlights map `official_name`, `informal_name`, `description`
  (cropped), `city`, `region`, `keywords` to escaped HTML with `<mark>` around the matched words, for the
  fields that matched, in the query's language where possible; `facets` maps `country`, `level` and
  `legal_area` to value -> count, each counted with the query's other filters (disjunctive facets).
- `SearchEngine`: `upsert`, `delete`, `search`, `count`, `rebuild` (atomic), `needs_rebuild`, `close`.
- `engine_from_settings(settings)`: `TantivyEngine(<IMI_SEARCH_DIR or IMI_VAR_DIR/search>)` or
  `MeilisearchEngine(IMI_MEILI_URL, IMI_MEILI_KEY)`.

In the app
- `imi.search.indexer.Indexer(engine, lock_path=writer_lock(settings))`: started by the app; sends the
  authorities whose `search_pending` flag a committed change set (`index_pending()`), rebuilds an index that
  needs it (`ensure_index()`, `rebuild()`; also `imi search reindex`). One process of an installation writes.
- `imi.search.source`: the documents of authorities read from the database.
- `imi.search.schema`: `searchAuthorities` (active authorities only; nodes loaded with the request's loaders).
"""

from imi.search.definition import DefinitionError, IndexDefinition, definition, load_definition
from imi.search.embedded import TantivyEngine
from imi.search.engine import SearchEngine
from imi.search.factory import engine_from_settings, search_dir
from imi.search.model import (
    FACETS,
    LEVELS,
    STATUSES,
    AuthorityDocument,
    InvalidQueryError,
    SearchError,
    SearchHit,
    SearchQuery,
    SearchResult,
)

__all__ = [
    "FACETS",
    "LEVELS",
    "STATUSES",
    "AuthorityDocument",
    "DefinitionError",
    "IndexDefinition",
    "InvalidQueryError",
    "SearchEngine",
    "SearchError",
    "SearchHit",
    "SearchQuery",
    "SearchResult",
    "TantivyEngine",
    "definition",
    "engine_from_settings",
    "load_definition",
    "search_dir",
]
