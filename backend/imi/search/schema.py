"""GraphQL for the authority search: `searchAuthorities`, hits with highlights and facet counts."""

import logging
from collections.abc import Mapping

import strawberry
from strawberry import relay
from strawberry.relay.utils import from_base64, to_base64

from graphql import GraphQLError
from imi import errors
from imi.authorities.models import Authority, AuthorityStatus, Level
from imi.authorities.schema import AuthorityNode
from imi.graphql.context import Info
from imi.reference import LANGUAGE_CODES
from imi.search.engine import SearchEngine
from imi.search.model import MAX_LIMIT, MAX_WINDOW, SearchError, SearchQuery, SearchResult

logger = logging.getLogger(__name__)

CURSOR = "search"
MAX_QUERY_LENGTH = 200
MAX_FILTER_VALUES = 50


@strawberry.input(description="A search of the directory: free text in any language, and filters.")
class SearchAuthoritiesInput:
    query: str = strawberry.field(default="", description="Names, places, competences; empty: browse by name.")
    language: str | None = strawberry.field(
        default=None, description="The language of the query. Default: the caller's preferred language."
    )
    countries: list[str] = strawberry.field(default_factory=list, description="Any of these countries.")
    levels: list[Level] = strawberry.field(default_factory=list)
    legal_areas: list[str] = strawberry.field(default_factory=list)
    procedures: list[str] = strawberry.field(
        default_factory=list, description="Only authorities with access to one of these procedures."
    )
    first: int = 20
    after: str | None = None


@strawberry.type(description="A matched field of a hit, as HTML: escaped text with <mark> around the matches.")
class SearchHighlight:
    field: str = strawberry.field(
        description="officialName, informalName, description (cropped), city, region or keywords."
    )
    html: str


@strawberry.type(description="How many hits have this value (counted with the search's other filters).")
class FacetCount:
    value: str
    count: int


@strawberry.type
class AuthoritySearchFacets:
    countries: list[FacetCount]
    levels: list[FacetCount]
    legal_areas: list[FacetCount]


@strawberry.type(description="One hit of an authority search.")
class AuthoritySearchEdge:
    cursor: str
    node: AuthorityNode
    score: float = strawberry.field(description="Relevance from 0 to 1; compare only within one search.")
    highlights: list[SearchHighlight]


@strawberry.type(description="Active authorities matching a search, best first, with facet counts.")
class AuthoritySearchConnection:
    page_info: relay.PageInfo
    edges: list[AuthoritySearchEdge]
    total_count: int = strawberry.field(description="Hits in all (only the first 1000 can be paged through).")
    facets: AuthoritySearchFacets


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def _counts(values: Mapping[str, int]) -> list[FacetCount]:
    return [FacetCount(value=v, count=c) for v, c in sorted(values.items(), key=lambda item: (-item[1], item[0]))]


def _offset(after: str | None) -> int:
    if after is None:
        return 0
    try:
        kind, value = from_base64(after)
        offset = int(value) + 1
    except (ValueError, TypeError):
        raise errors.ValidationFailed.single("after", "is not a cursor of this search") from None
    if kind != CURSOR or offset < 1:
        raise errors.ValidationFailed.single("after", "is not a cursor of this search")
    return offset


def query_of(data: SearchAuthoritiesInput, language: str, max_page_size: int) -> SearchQuery:
    """The engine query for a GraphQL input; `ValidationFailed` names the faulty field."""
    limit = min(max_page_size, MAX_LIMIT)
    if not 1 <= data.first <= limit:
        raise errors.ValidationFailed.single("first", f"must be 1..{limit}")
    if len(data.query) > MAX_QUERY_LENGTH:
        raise errors.ValidationFailed.single("query", f"is longer than {MAX_QUERY_LENGTH} characters")
    chosen = data.language or language
    if chosen not in LANGUAGE_CODES:
        raise errors.ValidationFailed.single("language", f"{chosen!r} is not a served language")
    lists = {"countries": len(data.countries), "levels": len(data.levels), "legalAreas": len(data.legal_areas),
             "procedures": len(data.procedures)}
    for name, count in lists.items():
        if count > MAX_FILTER_VALUES:
            raise errors.ValidationFailed.single(name, f"lists more than {MAX_FILTER_VALUES} values")
    offset = _offset(data.after)
    if offset >= MAX_WINDOW:
        raise errors.ValidationFailed.single("after", f"only the first {MAX_WINDOW} hits can be paged through")
    return SearchQuery(
        text=data.query, language=chosen, countries=tuple(data.countries),
        levels=tuple(level.value for level in data.levels), legal_areas=tuple(data.legal_areas),
        procedures=tuple(data.procedures), statuses=(AuthorityStatus.ACTIVE.value,),
        limit=min(data.first, MAX_WINDOW - offset), offset=offset,
    )


def _engine(info: Info) -> SearchEngine:
    engine: SearchEngine = info.context.request.app.state.search
    return engine


def _still_matches(authority: Authority | None, held: set[str] | None, procedures: tuple[str, ...]) -> bool:
    """The database agrees with the (slightly lagging) index: active, with access to a chosen procedure."""
    if authority is None or authority.status is not AuthorityStatus.ACTIVE:
        return False
    return not procedures or (held is not None and not held.isdisjoint(procedures))


async def _connection(info: Info, query: SearchQuery, result: SearchResult) -> AuthoritySearchConnection:
    loaders = info.context.loaders
    ids = [int(hit.id) if hit.id.isdigit() else 0 for hit in result.hits]  # 0: not an authority of this database
    loaded = await loaders.authority.load_many(ids)
    held: list[set[str] | None] = [None] * len(ids)
    if query.procedures:
        held = [{row.procedure for row in rows} for rows in await loaders.procedures.load_many(ids)]
    edges = []
    for position, (hit, authority, procedures) in enumerate(zip(result.hits, loaded, held, strict=True)):
        if authority is None or not _still_matches(authority, procedures, query.procedures):
            continue
        marks = [SearchHighlight(field=_camel(name), html=html) for name, html in hit.highlights.items()]
        edges.append(AuthoritySearchEdge(cursor=to_base64(CURSOR, query.offset + position),
                                         node=AuthorityNode.of(authority), score=hit.score, highlights=marks))
    end = query.offset + len(result.hits)
    page = relay.PageInfo(
        has_next_page=end < min(result.total, MAX_WINDOW), has_previous_page=query.offset > 0,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=to_base64(CURSOR, end - 1) if result.hits else None,
    )
    facets = AuthoritySearchFacets(
        countries=_counts(result.facets.get("country", {})), levels=_counts(result.facets.get("level", {})),
        legal_areas=_counts(result.facets.get("legal_area", {})),
    )
    return AuthoritySearchConnection(page_info=page, edges=edges, total_count=result.total, facets=facets)


@strawberry.type
class SearchQueries:
    @strawberry.field(description="Find active authorities by what an official types, in any language.")
    async def search_authorities(self, info: Info, input: SearchAuthoritiesInput) -> AuthoritySearchConnection:
        ctx = info.context
        if not ctx.principal.authenticated:
            raise errors.NotAllowed("sign in to search the directory")
        query = query_of(input, ctx.language, ctx.settings.max_page_size)
        try:
            result = await _engine(info).search(query)
        except SearchError as error:
            logger.warning("authority search failed: %s", error)
            raise GraphQLError("The search is unavailable for a moment: try again.",
                               extensions={"code": "SEARCH_UNAVAILABLE"}) from None
        return await _connection(info, query, result)
