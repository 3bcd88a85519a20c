"""Writing the audit log: who (user, authority, token), when, what, on which exchange, from where.

Entries are appended to the hash chain in the writing transaction: the head row is moved forward first (on
PostgreSQL that locks it until commit, on SQLite it takes the single writer's lock), so appenders of every
process queue up and the chain has no fork. A change's entry is appended as the last statement of the change's
transaction (`changes`), so the head is held for a moment only. The reads of one request are written together,
before any of their data is returned (`read`): no read goes unrecorded.
"""

from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from strawberry.dataloader import DataLoader
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F

from imi import db
from imi.accounts.principal import Principal
from imi.exchanges.models import Exchange
from imi.privacy import chain, origin
from imi.privacy.models import ActorKind, AuditAction, AuditEntry, AuditHead

HEAD_ID = 1


class AuditLogBroken(RuntimeError):
    """The chain's head is missing while entries exist: nothing more is written until it is repaired."""


@dataclass(frozen=True)
class Who:
    """The actor of an entry."""

    actor: ActorKind
    user_id: int | None = None
    authority_id: int | None = None
    country: str | None = None
    service_account_id: int | None = None

    @classmethod
    def of(cls, principal: Principal) -> "Who":
        kind = ActorKind.USER if principal.scopes is None else ActorKind.TOKEN
        return cls(kind, principal.user_id, principal.authority_id, principal.country,
                   principal.service_account_id)

    @classmethod
    def system(cls, authority_id: int | None = None, country: str | None = None) -> "Who":
        """The retention job, acting for the authority that owns the exchange."""
        return cls(ActorKind.SYSTEM, authority_id=authority_id, country=country)


OPERATOR = Who(ActorKind.OPERATOR)


@dataclass(frozen=True)
class Entry:
    """An entry before it takes its place in the chain."""

    action: AuditAction
    who: Who
    at: datetime
    exchange_id: int | None = None
    exchange_reference: str | None = None
    event_id: int | None = None
    attachment_id: int | None = None
    personal_fields: Sequence[str] = ()
    detail: dict[str, Any] = field(default_factory=dict)

    def columns(self, where: origin.Origin | None) -> dict[str, Any]:
        who = self.who
        return {
            "at": self.at, "action": self.action, "actor": who.actor, "user_id": who.user_id,
            "authority_id": who.authority_id, "country": who.country, "service_account_id": who.service_account_id,
            "token_prefix": where.token_prefix if where and who.actor is ActorKind.TOKEN else None,
            "exchange_id": self.exchange_id, "exchange_reference": self.exchange_reference,
            "event_id": self.event_id, "attachment_id": self.attachment_id,
            "personal_fields": list(self.personal_fields), "detail": dict(self.detail),
            "client_address": where.client_address if where else None,
            "user_agent": where.user_agent if where else None,
            "request_id": where.request_id if where else None,
        }


async def _advance(count: int) -> bool:
    return bool(await AuditHead.filter(id=HEAD_ID).update(seq=F("seq") + count))


async def _move_head(conn: BaseDBAsyncClient, count: int) -> tuple[int, str]:
    """Move the head `count` entries forward (the transaction's lock on the chain); the last id before the move
    and the hash it had. A missing head is started only while the log is empty."""
    if not await _advance(count):
        if await AuditEntry.exists():
            raise AuditLogBroken("the audit log's head is missing: run 'imi privacy verify-audit'")
        await conn.execute_query(f"INSERT INTO audit_head (id, seq, hash) VALUES ({HEAD_ID}, 0, '{chain.GENESIS}') "
                                 "ON CONFLICT (id) DO NOTHING")
        if not await _advance(count):
            raise AuditLogBroken("the audit log's head cannot be started")
    head = await AuditHead.get(id=HEAD_ID)
    return head.seq - count, head.hash


async def append(entries: Sequence[Entry]) -> list[AuditEntry]:
    """Append entries to the chain, in the current transaction if there is one (else in their own)."""
    if not entries:
        return []
    where = origin.current()
    async with db.transaction() as conn:
        last, previous = await _move_head(conn, len(entries))
        rows = []
        for offset, entry in enumerate(entries, start=1):
            content = {"id": last + offset, **entry.columns(where)}
            digest = chain.link(previous, content)
            rows.append(AuditEntry(**content, previous_hash=previous, hash=digest))
            previous = digest
        await AuditEntry.bulk_create(rows)
        await AuditHead.filter(id=HEAD_ID).update(hash=previous)
    return rows


_PENDING: ContextVar[list[Entry] | None] = ContextVar("imi_audit_pending", default=None)


@asynccontextmanager
async def changes() -> AsyncIterator[None]:
    """Collect the change entries of a transaction (`change`) and append them as its last statements. Enter it
    inside the transaction."""
    pending: list[Entry] = []
    token = _PENDING.set(pending)
    try:
        yield
        await append(pending)
    finally:
        _PENDING.reset(token)


async def change(entry: Entry) -> None:
    """Record a change: at the end of the enclosing `changes` block, or at once."""
    pending = _PENDING.get()
    if pending is None:
        await append([entry])
    else:
        pending.append(entry)


async def _write_batch(entries: list[Entry]) -> list[int]:
    return [row.id for row in await append(entries)]


async def read(entries: Iterable[Entry]) -> None:
    """Record reads of personal data before they are returned. Within a request, the reads of its resolvers
    are written together, in one transaction."""
    found = list(entries)
    where = origin.current()
    if where is None:
        await append(found)
        return
    if where.batch is None:
        where.batch = DataLoader(load_fn=_write_batch, cache=False)
    loader: DataLoader[Entry, int] = where.batch
    await loader.load_many(found)


async def read_exchange(principal: Principal, at: datetime, exchange_id: int, reference: str,
                        personal_fields: Sequence[str],
                        action: AuditAction = AuditAction.READ_PERSONAL_DATA) -> None:
    """Record that `principal` is shown personal data of an exchange (the fields or items named)."""
    await read([Entry(action, Who.of(principal), at, exchange_id, reference, personal_fields=personal_fields)])


async def read_download(principal: Principal, at: datetime, exchange_id: int, attachment_id: int) -> None:
    """Record the download of an attachment before its file is sent."""
    reference = await Exchange.filter(id=exchange_id).first().values_list("reference", flat=True)
    await read([Entry(AuditAction.DOWNLOAD_ATTACHMENT, Who.of(principal), at, exchange_id,
                      str(reference) if reference else None, attachment_id=attachment_id)])
