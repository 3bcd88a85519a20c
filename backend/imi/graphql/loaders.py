"""Per-request DataLoaders: each list view costs a fixed number of queries, whatever its length."""

from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader
from tortoise.models import Model

from imi.accounts.models import User
from imi.authorities.models import Authority, AuthorityProcedure
from imi.exchanges.models import Attachment, ExchangeEvent, Message

M = TypeVar("M", bound=Model)


def by_id(model: type[M]) -> Callable[[list[int]], Awaitable[Sequence[M | None]]]:
    async def load(ids: list[int]) -> list[M | None]:
        found = {row.pk: row for row in await model.filter(id__in=ids)}
        return [found.get(i) for i in ids]

    return load


def grouped(model: type[M], key: str, order: str = "id") -> Callable[[list[int]], Awaitable[Sequence[list[M]]]]:
    async def load(ids: list[int]) -> list[list[M]]:
        groups: dict[Any, list[M]] = defaultdict(list)
        for row in await model.filter(**{f"{key}__in": ids}).order_by(key, order):
            groups[getattr(row, key)].append(row)
        return [groups.get(i, []) for i in ids]

    return load


class Loaders:
    """The loaders of one request (never shared between requests: they cache)."""

    def __init__(self) -> None:
        self.authority = DataLoader(by_id(Authority))
        self.user = DataLoader(by_id(User))
        self.messages = DataLoader(grouped(Message, "exchange_id"))
        self.events = DataLoader(grouped(ExchangeEvent, "exchange_id"))
        self.attachments = DataLoader(grouped(Attachment, "exchange_id"))
        self.procedures = DataLoader(grouped(AuthorityProcedure, "authority_id"))

    def prime_authorities(self, authorities: Iterable[Authority]) -> None:
        for authority in authorities:
            self.authority.prime(authority.id, authority)
