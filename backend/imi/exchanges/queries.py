"""Reading exchanges: tracking lists, timelines, messages and attachments, as a caller may see them."""

from datetime import date

from tortoise.expressions import Q

from imi.accounts.principal import Principal
from imi.accounts.profiles import Scope
from imi.errors import ValidationFailed
from imi.exchanges.boxes import Box, box_filter
from imi.exchanges.models import Exchange
from imi.exchanges.rules import READERS
from imi.pagination import Page, page


def _readable_areas(principal: Principal) -> Q | None:
    """Restrict to the legal areas where the caller may read; None: no restriction; empty Q-less: nothing."""
    areas = principal.legal_areas_with(*READERS)
    if None in areas:
        return None
    return Q(legal_area__in=sorted(a for a in areas if a is not None))


async def list_box(principal: Principal, box: Box, first: int, after: str | None, today: date,
                   max_first: int, kinds: list[str] | None = None) -> Page[Exchange]:
    """One page of a tracking list of the caller's authority."""
    if not 1 <= first <= max_first:
        raise ValidationFailed.single("first", f"must be 1..{max_first}")
    if principal.authority_id is None or not principal.has_scope(Scope.EXCHANGES_READ):
        return Page([], [], False)
    condition, ordering = box_filter(box, principal.authority_id, today)
    areas = _readable_areas(principal)
    query = Exchange.filter(condition)
    if kinds:
        query = query.filter(kind__in=kinds)
    if areas is not None:
        query = query.filter(areas)
    return await page(query, ordering, first, after)
