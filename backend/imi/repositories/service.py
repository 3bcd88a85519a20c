"""Reading repositories as a caller may: which registers it sees, their entries by country and text, and each
entry's history."""

from tortoise.expressions import Q

from imi.accounts.principal import Principal
from imi.accounts.profiles import Scope
from imi.errors import NotFound, ValidationFailed
from imi.pagination import Ordering, Page, page
from imi.procedures.rules import READERS
from imi.repositories.definition import Audience, Repository, repositories
from imi.repositories.models import EntryStatus, RepositoryEntry, RepositoryEntryVersion

MAX_TEXT = 200
RECENT = Ordering("updated_at", descending=True)


def can_read(principal: Principal, found: Repository) -> bool:
    """All officials (and tokens reading exchanges) for an open register; else a reading right in its area."""
    if not principal.authenticated or not principal.has_scope(Scope.EXCHANGES_READ):
        return False
    if found.audience is Audience.ALL_USERS:
        return True
    return bool(principal.profiles_in(found.legal_area) & READERS)


def readable(principal: Principal) -> list[Repository]:
    return [r for r in repositories().values() if can_read(principal, r)]


def _visible(principal: Principal, code: str) -> Repository:
    found = repositories().get(code)
    if found is None or not can_read(principal, found):
        raise NotFound("no such repository")
    return found


async def entries(principal: Principal, code: str, *, countries: list[str], text: str | None,
                  withdrawn: bool, first: int, after: str | None, max_first: int) -> Page[RepositoryEntry]:
    """One page of a register's entries, the latest changed first, filtered by country and by text."""
    if not 1 <= first <= max_first:
        raise ValidationFailed.single("first", f"must be 1..{max_first}")
    found = _visible(principal, code)
    query = RepositoryEntry.filter(repository=found.code)
    if countries:
        query = query.filter(country__in=countries)
    if not withdrawn:
        query = query.filter(status=EntryStatus.CURRENT)
    if text and text.strip():
        words = text.casefold().split()[:10]
        if len(text) > MAX_TEXT:
            raise ValidationFailed.single("text", f"at most {MAX_TEXT} characters")
        query = query.filter(Q(*[Q(search_text__contains=word) for word in words], join_type="AND"))
    return await page(query, RECENT, first, after)


async def history(principal: Principal, entry: RepositoryEntry) -> list[RepositoryEntryVersion]:
    _visible(principal, entry.repository)
    return await RepositoryEntryVersion.filter(entry_id=entry.id).order_by("version")


async def entry(principal: Principal, entry_id: int) -> RepositoryEntry:
    found = await RepositoryEntry.get_or_none(id=entry_id)
    if found is None:
        raise NotFound("no such entry")
    _visible(principal, found.repository)
    return found
