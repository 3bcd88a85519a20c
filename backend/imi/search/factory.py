"""Choosing the engine from configuration: Meilisearch when a URL is set, else the embedded engine."""

import os
from pathlib import Path
from typing import Any

from imi.search.definition import IndexDefinition
from imi.search.embedded import TantivyEngine
from imi.search.engine import SearchEngine


def engine_from_settings(settings: Any = None, *, definition: IndexDefinition | None = None) -> SearchEngine:
    """The configured engine. `settings` is any object with `meili_url`, `meili_key` and `var_dir` (the app's
    settings), optionally `search_dir`; without it, the `IMI_*` environment variables are read.

    - `IMI_MEILI_URL` (and `IMI_MEILI_KEY`): use that Meilisearch server;
    - else the embedded engine in `IMI_SEARCH_DIR`, by default `<IMI_VAR_DIR>/search` (`var/search`).
    """
    url = getattr(settings, "meili_url", None) if settings is not None else os.environ.get("IMI_MEILI_URL")
    if url:
        from imi.search.meili import MeilisearchEngine

        key = (
            getattr(settings, "meili_key", None) if settings is not None else os.environ.get("IMI_MEILI_KEY")
        )
        return MeilisearchEngine(url, key or None, definition)
    return TantivyEngine(search_dir(settings), definition)


def search_dir(settings: Any = None) -> Path:
    """Where the embedded engine keeps its index."""
    configured = getattr(settings, "search_dir", None) or os.environ.get("IMI_SEARCH_DIR")
    if configured:
        return Path(configured)
    var_dir = getattr(settings, "var_dir", None) or os.environ.get("IMI_VAR_DIR") or "var"
    return Path(var_dir) / "search"
