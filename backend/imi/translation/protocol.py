"""The `Translator` protocol every machine-translation provider implements, and the values it exchanges."""

from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

TextFormat = Literal["text", "html"]
"""`text`: plain text (markup characters are literal); `html`: markup is kept and only its text translated."""


@dataclass(frozen=True, slots=True)
class Route:
    """How a provider serves one language pair: directly, or through pivot languages."""

    source: str
    target: str
    via: tuple[str, ...] = ()

    @property
    def direct(self) -> bool:
        return not self.via

    @property
    def path(self) -> tuple[str, ...]:
        return (self.source, *self.via, self.target)

    def describe(self) -> str:
        """E.g. `fr→es→en`."""
        return "→".join(self.path)


@dataclass(frozen=True, slots=True)
class Unserved:
    """The provider does not serve a pair, and why."""

    reason: str


Capability = Route | Unserved


@dataclass(frozen=True, slots=True)
class Job:
    """One text to translate. `reference` identifies the stored translation for asynchronous providers."""

    text: str
    source: str
    target: str
    route: Route
    fmt: TextFormat = "text"
    reference: str = ""


@dataclass(frozen=True, slots=True)
class Translated:
    """The provider translated the text synchronously."""

    text: str


@dataclass(frozen=True, slots=True)
class Submitted:
    """The provider accepted the job; the result will arrive through a callback."""

    external_id: str


Outcome = Translated | Submitted


@runtime_checkable
class Translator(Protocol):
    """A machine-translation provider.

    `translate` raises `ProviderError` when the provider fails (timeout, error answer, unreachable) and
    `PairUnavailableError` when it finds it cannot serve the pair after all; it never returns a text it
    could not produce faithfully.
    """

    name: str
    asynchronous: bool

    async def start(self) -> None:
        """Discover capabilities and open connections or processes."""

    async def close(self) -> None:
        """Release everything `start` opened."""

    def capability(self, source: str, target: str) -> Capability:
        """Whether and how this provider serves `source`→`target` (our language codes)."""

    async def translate(self, job: Job) -> Outcome:
        """Translate one text along `job.route`."""
