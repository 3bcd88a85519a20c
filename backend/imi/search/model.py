"""What the search domain indexes, asks and answers: engine-independent value objects."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

LEVELS = ("NATIONAL", "REGIONAL", "LOCAL")
STATUSES = ("PENDING", "ACTIVE", "INACTIVE")
FACETS = ("country", "level", "legal_area")
MAX_LIMIT = 100
MAX_WINDOW = 1000
"""`offset + limit` never exceeds this (Meilisearch's `pagination.maxTotalHits`)."""


class SearchError(Exception):
    """The engine cannot answer (unreachable server, unusable index)."""


class InvalidQueryError(ValueError):
    """A query asks for something no engine can give (a negative offset, a page beyond the window)."""


def _frozen(mapping: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True, slots=True)
class AuthorityDocument:
    """One authority as the search index sees it; `id` is the authority's database id as a string."""

    id: str
    country: str
    level: str
    status: str
    official_name: str
    official_language: str
    informal_names: Mapping[str, str] = field(default_factory=dict)
    descriptions: Mapping[str, str] = field(default_factory=dict)
    region: str | None = None
    city: str | None = None
    legal_areas: tuple[str, ...] = ()
    procedures: tuple[str, ...] = ()
    keyword_ids: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "informal_names", _frozen(self.informal_names))
        object.__setattr__(self, "descriptions", _frozen(self.descriptions))
        for name in ("legal_areas", "procedures", "keyword_ids"):
            object.__setattr__(self, name, tuple(getattr(self, name)))

    def to_json(self) -> dict[str, object]:
        """A JSON-ready mapping; `from_json` reads it back."""
        return {
            "id": self.id,
            "country": self.country,
            "level": self.level,
            "status": self.status,
            "official_name": self.official_name,
            "official_language": self.official_language,
            "informal_names": dict(self.informal_names),
            "descriptions": dict(self.descriptions),
            "region": self.region,
            "city": self.city,
            "legal_areas": list(self.legal_areas),
            "procedures": list(self.procedures),
            "keyword_ids": list(self.keyword_ids),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> "AuthorityDocument":
        return cls(**data)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A search: free text in any language plus filters; several values of one filter mean any of them."""

    text: str = ""
    language: str | None = None
    """The language of the text, if known: it may stem the words and picks the highlighted texts."""
    countries: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    legal_areas: tuple[str, ...] = ()
    procedures: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ("ACTIVE",)
    limit: int = 20
    offset: int = 0

    def __post_init__(self) -> None:
        for name in ("countries", "levels", "legal_areas", "procedures", "statuses"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        if not 0 < self.limit <= MAX_LIMIT:
            raise InvalidQueryError(f"limit must be 1..{MAX_LIMIT}")
        if self.offset < 0 or self.offset + self.limit > MAX_WINDOW:
            raise InvalidQueryError(f"offset must be >= 0 and offset + limit <= {MAX_WINDOW}")

    def filters(self) -> dict[str, tuple[str, ...]]:
        """The active filters by facet name (`statuses` and `procedures` are filters, not facets)."""
        every = {
            "country": self.countries,
            "level": self.levels,
            "legal_area": self.legal_areas,
            "procedure": self.procedures,
            "status": self.statuses,
        }
        return {name: values for name, values in every.items() if values}


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: str
    score: float
    """Relevance from 0 to 1 (engine-specific scale; only the order is comparable across engines)."""
    highlights: Mapping[str, str]
    """Field -> escaped HTML text in which the matched words are wrapped in `<mark>…</mark>`."""


@dataclass(frozen=True, slots=True)
class SearchResult:
    hits: tuple[SearchHit, ...]
    total: int
    facets: Mapping[str, Mapping[str, int]]
    """Facet (`country`, `level`, `legal_area`) -> value -> count, counted with the other filters applied."""
