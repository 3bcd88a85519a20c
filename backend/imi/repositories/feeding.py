"""Notifications feed repositories: when a feeding notification reaches a publishing state (or is modified in
one), its form becomes the current content of its country's entry; when it is withdrawn, so is the entry. Each
change is a new version in the entry's history. Runs in the notification's transaction."""

from datetime import datetime

from imi.catalogue.lookup import item as catalogue_item
from imi.catalogue.model import AnswerType
from imi.exchanges.models import Exchange
from imi.repositories.definition import Repository, fed_by
from imi.repositories.models import EntryStatus, RepositoryEntry, RepositoryEntryVersion

MAX_KEY = 300


def entry_key(repository: Repository, values: dict[str, object]) -> str:
    """The identifying items' values, normalised (case and blanks do not matter)."""
    parts = [" ".join(str(values.get(item, "")).split()).casefold() for item in repository.key]
    return "|".join(parts)[:MAX_KEY]


def search_text(values: dict[str, object]) -> str:
    """What a text search matches: the values, and the chosen options' labels in every language."""
    words: list[str] = []
    for item_id, value in values.items():
        try:
            found = catalogue_item(item_id)
        except KeyError:
            continue
        chosen = value if isinstance(value, list) else [value]
        if found.type.is_choice:
            labels = {o.id: o.label for o in found.options}
            words += [text for option in chosen for text in labels.get(str(option), {}).values()]
        elif found.type is AnswerType.YES_NO_DONT_KNOW:
            continue
        else:
            words += [str(v) for v in chosen]
    return " ".join(words).casefold()


async def after_change(exchange: Exchange, from_state: str | None, now: datetime) -> None:
    for repository in fed_by(exchange.procedure):
        if exchange.state in repository.publish_in:
            await _publish(repository, exchange, now)
        elif exchange.state in repository.withdraw_in and from_state != exchange.state:
            await _withdraw(repository, exchange, now)


async def _version(entry: RepositoryEntry, exchange: Exchange, now: datetime) -> None:
    await RepositoryEntryVersion.create(entry_id=entry.id, version=entry.version, values=entry.values,
                                        status=entry.status, exchange_id=exchange.id,
                                        authority_id=exchange.requesting_authority_id, at=now)


async def _publish(repository: Repository, exchange: Exchange, now: datetime) -> None:
    values = dict(exchange.answers)
    key = entry_key(repository, values)
    entry = (await RepositoryEntry.get_or_none(repository=repository.code, exchange_id=exchange.id)
             or await RepositoryEntry.get_or_none(repository=repository.code, country=exchange.requesting_country,
                                                  key=key))
    if entry is None:
        entry = await RepositoryEntry.create(
            repository=repository.code, country=exchange.requesting_country, key=key, values=values,
            search_text=search_text(values), authority_id=exchange.requesting_authority_id, exchange_id=exchange.id,
            created_at=now, updated_at=now)
        await _version(entry, exchange, now)
        return
    if entry.values == values and entry.status is EntryStatus.CURRENT and entry.exchange_id == exchange.id:
        return
    clash = await RepositoryEntry.filter(repository=repository.code, country=entry.country, key=key) \
        .exclude(id=entry.id).exists()
    entry.key = entry.key if clash else key
    entry.values, entry.search_text, entry.status = values, search_text(values), EntryStatus.CURRENT
    entry.version += 1
    entry.exchange_id, entry.authority_id, entry.updated_at = exchange.id, exchange.requesting_authority_id, now
    await entry.save()
    await _version(entry, exchange, now)


async def _withdraw(repository: Repository, exchange: Exchange, now: datetime) -> None:
    entry = await RepositoryEntry.get_or_none(repository=repository.code, exchange_id=exchange.id)
    if entry is None or entry.status is EntryStatus.WITHDRAWN:
        return
    entry.status, entry.version, entry.updated_at = EntryStatus.WITHDRAWN, entry.version + 1, now
    await entry.save()
    await _version(entry, exchange, now)
