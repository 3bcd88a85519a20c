"""Reading the audit log: coordinators for the authorities they coordinate, a local data administrator for its
own authority; newest first, by keyset pages."""

from dataclasses import dataclass
from datetime import datetime

from tortoise.expressions import Q, Subquery

from imi.accounts.principal import Principal
from imi.authorities.models import Authority
from imi.errors import NotAllowed, ValidationFailed
from imi.pagination import Ordering, Page, page
from imi.privacy import access
from imi.privacy.models import AuditEntry

NEWEST_FIRST = Ordering("id")


@dataclass(frozen=True)
class AuditFilter:
    authority_id: int | None = None
    exchange_id: int | None = None
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive


async def supervision_of(principal: Principal) -> access.Supervision:
    """What the caller answers for; `NotAllowed` if it is neither a coordinator nor a local data administrator."""
    if principal.authority_id is None:
        raise NotAllowed("only a signed-in coordinator or local data administrator may do this")
    authority = await Authority.get(id=principal.authority_id)
    return access.supervision(principal, authority.coordinator_role, authority.country)


def _supervised(scope: access.Supervision) -> Q:
    """Entries of the authorities `scope` covers."""
    condition = Q(authority_id=scope.authority_id)
    if scope.country is not None:
        condition |= Q(country=scope.country)
    if scope.coordinator_id is not None:
        condition |= Q(authority_id__in=Subquery(Authority.filter(coordinator_id=scope.coordinator_id).values("id")))
    return condition


async def entries(principal: Principal, wanted: AuditFilter, first: int, after: str | None,
                  max_page: int) -> Page[AuditEntry]:
    """One page of the entries the caller may read, matching `wanted`."""
    if not 0 < first <= max_page:
        raise ValidationFailed.single("first", f"between 1 and {max_page}")
    scope = await supervision_of(principal)
    query = AuditEntry.filter(_supervised(scope))
    if wanted.authority_id is not None:
        target = await Authority.get_or_none(id=wanted.authority_id)
        if target is None or not scope.covers(target.id, target.country, target.coordinator_id):
            raise NotAllowed("you do not answer for this authority")
        query = query.filter(authority_id=target.id)
    if wanted.exchange_id is not None:
        query = query.filter(exchange_id=wanted.exchange_id)
    if wanted.since is not None:
        query = query.filter(at__gte=wanted.since)
    if wanted.until is not None:
        query = query.filter(at__lt=wanted.until)
    return await page(query, NEWEST_FIRST, first, after)


async def readable(principal: Principal, ids: list[int]) -> dict[int, AuditEntry]:
    """The entries among `ids` the caller may read (node lookups)."""
    try:
        scope = await supervision_of(principal)
    except NotAllowed:
        return {}
    return {row.id: row for row in await AuditEntry.filter(_supervised(scope), id__in=ids)}
