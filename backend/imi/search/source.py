"""Search documents read from the database: the authorities with their granted procedures."""

from collections import defaultdict
from collections.abc import AsyncIterator, Sequence

from imi.authorities.models import Authority, AuthorityProcedure
from imi.search.model import AuthorityDocument

PAGE = 1000


def document(authority: Authority, grants: Sequence[tuple[str, str]]) -> AuthorityDocument:
    """The search document of an authority; `grants` are its (legal area, procedure) pairs."""
    return AuthorityDocument(
        id=str(authority.id),
        country=authority.country,
        level=authority.level.value,
        status=authority.status.value,
        official_name=authority.official_name,
        official_language=authority.official_language,
        informal_names=authority.informal_names or {},
        descriptions=authority.descriptions or {},
        region=authority.region,
        city=authority.city,
        legal_areas=tuple(sorted({area for area, _ in grants})),
        procedures=tuple(sorted({code for _, code in grants})),
        keyword_ids=tuple(authority.keyword_ids or ()),
    )


async def documents_for(authorities: Sequence[Authority]) -> list[AuthorityDocument]:
    """The documents of these authorities, their grants read in one query."""
    grants: dict[int, list[tuple[str, str]]] = defaultdict(list)
    rows = await AuthorityProcedure.filter(authority_id__in=[a.id for a in authorities]).values_list(
        "authority_id", "legal_area", "procedure"
    )
    for authority_id, area, code in rows:
        grants[int(authority_id)].append((str(area), str(code)))
    return [document(authority, grants[authority.id]) for authority in authorities]


async def all_documents(versions: dict[int, int] | None = None) -> AsyncIterator[AuthorityDocument]:
    """Every authority's document, by id, a page at a time; `versions` receives the version each was read at."""
    last = 0
    while page := await Authority.filter(id__gt=last).order_by("id").limit(PAGE):
        for doc, authority in zip(await documents_for(page), page, strict=True):
            if versions is not None:
                versions[authority.id] = authority.version
            yield doc
        last = page[-1].id


async def authority_count() -> int:
    return await Authority.all().count()
