"""Reading the directory of authorities with plain filters (full-text search is the search domain's)."""

from collections.abc import Sequence
from dataclasses import dataclass

from tortoise.expressions import Q, Subquery

from imi.accounts.principal import Principal
from imi.authorities.models import Authority, AuthorityProcedure, AuthorityStatus
from imi.authorities.rules import visible
from imi.errors import NotFound, ValidationFailed
from imi.pagination import Ordering, Page, page
from imi.reference import countries, legal_areas, procedures

BY_NAME = Ordering("official_name", descending=False)


@dataclass(frozen=True)
class AuthorityFilter:
    countries: Sequence[str] = ()
    levels: Sequence[str] = ()
    legal_areas: Sequence[str] = ()
    procedures: Sequence[str] = ()
    statuses: Sequence[str] = ()
    name_contains: str | None = None


async def get(principal: Principal, authority_id: int) -> Authority:
    authority = await Authority.get_or_none(id=authority_id)
    if authority is None or not principal.authenticated or not visible(
        authority.status.value, authority.country, principal.country
    ):
        raise NotFound("no such authority")
    return authority


def _check_codes(where: AuthorityFilter) -> None:
    """Filter values must be codes of the reference data (anything else is a caller's mistake)."""
    known = {"countries": {c.code for c in countries()}, "legalAreas": {a.code for a in legal_areas()},
             "procedures": {p.code for p in procedures()}}
    given = {"countries": where.countries, "legalAreas": where.legal_areas, "procedures": where.procedures}
    for name, values in given.items():
        unknown = [value for value in values if value not in known[name]]
        if unknown:
            raise ValidationFailed.single(name, f"unknown codes: {', '.join(repr(v) for v in unknown[:5])}")


async def list_authorities(
    principal: Principal, where: AuthorityFilter, first: int, after: str | None, max_first: int
) -> Page[Authority]:
    if not 1 <= first <= max_first:
        raise ValidationFailed.single("first", f"must be 1..{max_first}")
    if not principal.authenticated:
        return Page([], [], False)
    _check_codes(where)
    query = Authority.all()
    statuses = list(where.statuses) or [AuthorityStatus.ACTIVE.value]
    own = Q(country=principal.country) if principal.country else Q(id=-1)
    query = query.filter(Q(status=AuthorityStatus.ACTIVE) | own).filter(status__in=statuses)
    if where.countries:
        query = query.filter(country__in=list(where.countries))
    if where.levels:
        query = query.filter(level__in=list(where.levels))
    if where.name_contains:
        query = query.filter(official_name__icontains=where.name_contains.strip()[:100])
    if where.legal_areas or where.procedures:
        access = AuthorityProcedure.all()
        if where.legal_areas:
            access = access.filter(legal_area__in=list(where.legal_areas))
        if where.procedures:
            access = access.filter(procedure__in=list(where.procedures))
        query = query.filter(id__in=Subquery(access.values("authority_id")))
    return await page(query, BY_NAME, first, after)
