"""The context of one GraphQL operation: who calls, when, and the per-request loaders."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, overload

import strawberry

if TYPE_CHECKING:
    from imi.translation.runtime import TranslationRuntime

from imi.accounts.principal import Principal
from imi.clock import Clock
from imi.events.bus import Bus
from imi.exchanges.attachments import FileStore
from imi.exchanges.free_text import Written, written
from imi.graphql.loaders import Loaders
from imi.settings import Settings


@dataclass
class Context:
    request: Any
    response: Any
    principal: Principal
    settings: Settings
    clock: Clock
    store: FileStore
    bus: Bus
    loaders: Loaders = field(default_factory=Loaders)
    connection_params: dict[str, Any] | None = None
    translation: "TranslationRuntime | None" = None
    _now: datetime | None = None

    @property
    def now(self) -> datetime:
        """One instant for the whole operation."""
        if self._now is None:
            self._now = self.clock.now()
        return self._now

    @property
    def language(self) -> str:
        return self.principal.language

    @overload
    def written(self, text: str) -> Written: ...

    @overload
    def written(self, text: None) -> None: ...

    def written(self, text: str | None) -> Written | None:
        """A text the caller wrote, with the language recorded for it."""
        return None if text is None else written(text, self.principal.language, self.translation)


Info = strawberry.Info[Context, None]
