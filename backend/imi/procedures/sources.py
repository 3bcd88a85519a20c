"""Where procedure data is read from: the package's own data folders, plus any folders named in
`IMI_PROCEDURE_DATA` (separated by the path separator), each holding `procedures/`, `workflows/` and
`catalogue/` subfolders. Adding a procedure is adding files there: no code change.

This module imports nothing of the package, so that every loader may use it.
"""

import os
from collections.abc import Callable
from pathlib import Path

ENVIRONMENT = "IMI_PROCEDURE_DATA"
_caches: list[Callable[[], None]] = []


def extra_roots() -> tuple[Path, ...]:
    """The extra data folders, in the order given."""
    value = os.environ.get(ENVIRONMENT, "")
    return tuple(Path(part).resolve() for part in value.split(os.pathsep) if part.strip())


def folders(kind: str, builtin: Path) -> tuple[Path, ...]:
    """The package's folder of one kind (`procedures`, `workflows`, `catalogue`), then the extra ones."""
    return (builtin, *(root / kind for root in extra_roots() if (root / kind).is_dir()))


def files(kind: str, builtin: Path, pattern: str = "*.yaml") -> list[Path]:
    """Every data file of one kind, the package's first, each folder in name order."""
    return [path for folder in folders(kind, builtin) for path in sorted(folder.glob(pattern))]


def on_reload(clear: Callable[[], None]) -> Callable[[], None]:
    """Register a cache to clear when the data folders change."""
    _caches.append(clear)
    return clear


def reload() -> None:
    """Forget everything read from the data folders (after changing `IMI_PROCEDURE_DATA`)."""
    for clear in _caches:
        clear()
