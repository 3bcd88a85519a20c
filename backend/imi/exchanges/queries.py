"""Reading exchanges: tracking lists, timelines, messages and attachments, as a caller may see them."""

from datetime import date

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from imi.accounts.principal import Principal
from imi.accounts.profiles import Profile, Scope
from imi.broadcasts import rules as broadcast_rules
from imi.errors import ValidationFailed
from imi.exchanges.boxes import RECENT, Box, box_filter, everything
from imi.exchanges.models import Exchange
from imi.exchanges.rules import READERS
from imi.pagination import Page, page, page_of_union
from imi.reference import ExchangeKind


def _readable(principal: Principal, kinds: frozenset[str], readers: frozenset[Profile]) -> Q:
    """Exchanges of `kinds` in the legal areas where the caller holds one of `readers`."""
    areas = principal.legal_areas_with(*readers)
    condition = Q(kind__in=sorted(kinds))
    return condition if None in areas else condition & Q(legal_area__in=sorted(a for a in areas if a))


def _readable_areas(principal: Principal) -> Q:
    """Only the legal areas where the caller may read each kind of exchange (a validator reads broadcasts)."""
    broadcasts = frozenset(k.value for k in (ExchangeKind.ALERT, ExchangeKind.NOTIFICATION))
    others = frozenset(k.value for k in ExchangeKind) - broadcasts
    return _readable(principal, others, READERS) | _readable(principal, broadcasts, broadcast_rules.READERS)


async def list_box(principal: Principal, box: Box, first: int, after: str | None, today: date,
                   max_first: int, kinds: list[str] | None = None) -> Page[Exchange]:
    """One page of a tracking list of the caller's authority."""
    if not 1 <= first <= max_first:
        raise ValidationFailed.single("first", f"must be 1..{max_first}")
    if principal.authority_id is None or not principal.has_scope(Scope.EXCHANGES_READ):
        return Page([], [], False)
    def narrowed(condition: Q) -> QuerySet[Exchange]:
        query = Exchange.filter(condition).filter(_readable_areas(principal))
        return query.filter(kind__in=kinds) if kinds else query

    if box is Box.ALL:
        return await page_of_union([narrowed(branch) for branch in everything(principal.authority_id)],
                                   RECENT, first, after)
    condition, ordering = box_filter(box, principal.authority_id, today)
    return await page(narrowed(condition), ordering, first, after)
