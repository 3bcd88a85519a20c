"""Per-request DataLoaders: each list view costs a fixed number of queries, whatever its length."""

from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable, Sequence
from functools import cached_property
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
    """The loaders of one request (never shared between requests: they cache), each made when first used."""

    @cached_property
    def authority(self) -> DataLoader[int, Authority | None]:
        return DataLoader(by_id(Authority))

    @cached_property
    def user(self) -> DataLoader[int, User | None]:
        return DataLoader(by_id(User))

    @cached_property
    def messages(self) -> DataLoader[int, list[Message]]:
        return DataLoader(grouped(Message, "exchange_id"))

    @cached_property
    def events(self) -> DataLoader[int, list[ExchangeEvent]]:
        return DataLoader(grouped(ExchangeEvent, "exchange_id"))

    @cached_property
    def attachments(self) -> DataLoader[int, list[Attachment]]:
        return DataLoader(grouped(Attachment, "exchange_id"))

    @cached_property
    def procedures(self) -> DataLoader[int, list[AuthorityProcedure]]:
        return DataLoader(grouped(AuthorityProcedure, "authority_id"))

    def prime_authorities(self, authorities: Iterable[Authority]) -> None:
        for authority in authorities:
            self.authority.prime(authority.id, authority)
