"""The retention job: blocks and then deletes the personal data of exchanges when `privacy.rules` says so.

Each step is one transaction guarded by a conditional update (the exchange's version, and the step not yet
taken), so a step is taken exactly once however many processes run the job at once; it is a timeline event
(without personal data) and an audit entry. Blocking hides the data from everyone (attachments can no longer be
downloaded) and keeps it as proof; deletion removes the personal-data fields, replaces free text (messages,
text answers) by a notice, forgets its machine translations, marks the attachments deleted and removes their
files from the store unless another live attachment shares them.

It runs from the command line (`imi privacy run`) and daily in each server process.
"""

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass
from datetime import datetime

from tortoise.expressions import Q

from imi import db
from imi.clock import Clock, day_of
from imi.events import signal
from imi.exchanges.attachments import FileStore
from imi.exchanges.models import Attachment, Exchange, ExchangeEvent, Message
from imi.privacy import audit, rules
from imi.privacy.content import free_text_items
from imi.privacy.models import AuditAction
from imi.procedures.models import CaseParty
from imi.reference import procedure, procedures
from imi.translation.registry import Registry
from imi.translation.service import TranslationService

logger = logging.getLogger(__name__)
BATCH = 200
DAY_SECONDS = 24 * 3600.0
RETRY_SECONDS = 300.0
FIRST_DELAY_SECONDS = 900.0
"""A server process first runs the job this long after it starts (not in the rush of starting), then daily."""
FILE_GRACE_SECONDS = 3600.0
"""A file unused by any live attachment is removed once it is this old: an upload of the same content still in
its transaction has just renewed it."""
BLOCKED_EVENT = "PERSONAL_DATA_BLOCKED"
DELETED_EVENT = "PERSONAL_DATA_DELETED"


@dataclass(frozen=True)
class Done:
    exchange_id: int
    reference: str
    step: rules.Step
    basis: rules.Basis


@dataclass(frozen=True)
class Outcome:
    done: list[Done]
    files_removed: int


def facts_of(exchange: Exchange) -> rules.Facts:
    return rules.Facts(kind=exchange.kind, last_activity=exchange.updated_at, sent_at=exchange.sent_at,
                       closed_at=exchange.closed_at, withdrawn_at=exchange.withdrawn_at,
                       period_end=exchange.period_end)


def plan_of(exchange: Exchange) -> rules.Schedule:
    return rules.schedule(facts_of(exchange), procedure(exchange.procedure).retention)


def _candidates(now: datetime) -> list[Q]:
    """Necessary conditions for a step to be due (the rules decide): unblocked ones, then blocked ones."""
    block_cut, delete_cut = rules.earliest_candidates(now, (p.retention for p in procedures()))
    alert = Q(kind=rules.ALERT) & (Q(closed_at__isnull=False) | Q(withdrawn_at__isnull=False)
                                   | Q(period_end__lt=day_of(now)))
    unblocked = Q(personal_data_blocked_at__isnull=True, personal_data_deleted_at__isnull=True) & (
        Q(closed_at__lte=block_cut) | Q(withdrawn_at__lte=block_cut) | alert
        | Q(sent_at__isnull=True, updated_at__lte=block_cut) | Q(updated_at__lte=delete_cut))
    blocked = Q(personal_data_blocked_at__isnull=False, personal_data_deleted_at__isnull=True) & (
        Q(closed_at__lte=delete_cut) | Q(withdrawn_at__lte=delete_cut) | Q(kind=rules.ALERT)
        | Q(updated_at__lte=delete_cut))
    return [unblocked, blocked]


async def run(now: datetime, store: FileStore | None = None, *, batch: int = BATCH,
              file_grace_seconds: float = FILE_GRACE_SECONDS) -> Outcome:
    """Take every step due at `now`; then remove the files no live attachment uses any more."""
    done: list[Done] = []
    for condition in _candidates(now):
        after = 0
        while rows := await Exchange.filter(condition, id__gt=after).order_by("id").limit(batch):
            for row in rows:
                after = row.id
                try:
                    found = await apply(row, now)
                except KeyError:  # its procedure is no longer defined: say so, and go on with the others
                    logger.error("exchange %s: unknown procedure %s, its retention cannot be applied",
                                 row.reference, row.procedure)
                    continue
                except ValueError as error:  # the procedure's retention breaks the Regulation
                    logger.error("exchange %s: procedure %s: %s", row.reference, row.procedure, error)
                    continue
                if found is not None:
                    done.append(found)
    removed = await sweep_files(store, file_grace_seconds) if store is not None else 0
    return Outcome(done, removed)


async def apply(exchange: Exchange, now: datetime) -> Done | None:
    """Take the step due now for one exchange, if any and if no one took it first."""
    plan = plan_of(exchange)
    step = rules.due(plan, blocked=exchange.personal_data_blocked_at is not None,
                     deleted=exchange.personal_data_deleted_at is not None, now=now)
    if step is None or plan.basis is None:
        return None
    taken = await (_delete(exchange, plan, now) if step is rules.Step.DELETE else _block(exchange, plan, now))
    if not taken:
        return None
    signal.committed()
    return Done(exchange.id, exchange.reference, step, plan.basis)


def _system(exchange: Exchange) -> audit.Who:
    return audit.Who.system(exchange.requesting_authority_id, exchange.requesting_country)


async def _block(exchange: Exchange, plan: rules.Schedule, now: datetime) -> bool:
    assert plan.basis is not None and plan.block_at is not None
    async with db.transaction(), audit.changes():
        if not await Exchange.filter(id=exchange.id, version=exchange.version,
                                     personal_data_blocked_at__isnull=True).update(
                personal_data_blocked_at=now, version=exchange.version + 1):
            return False
        event = await ExchangeEvent.create(
            exchange_id=exchange.id, action=BLOCKED_EVENT, from_state=exchange.state, to_state=exchange.state,
            at=now, data={"basis": plan.basis.value, "due": plan.block_at.isoformat()})
        await audit.change(audit.Entry(AuditAction.BLOCK, _system(exchange), now, exchange.id, exchange.reference,
                                       event.id, detail={"basis": plan.basis.value}))
    return True


async def _delete(exchange: Exchange, plan: rules.Schedule, now: datetime) -> bool:
    assert plan.basis is not None and plan.delete_at is not None
    proc = procedure(exchange.procedure)
    free = free_text_items(exchange.procedure)
    async with db.transaction(), audit.changes():
        if not await Exchange.filter(id=exchange.id, version=exchange.version,
                                     personal_data_deleted_at__isnull=True).update(
                personal_data=None, personal_data_deleted_at=now,
                personal_data_blocked_at=exchange.personal_data_blocked_at or now,
                answers=rules.scrub_answers(exchange.answers, free), version=exchange.version + 1):
            return False
        messages = await _delete_messages(exchange.id)
        for party in await CaseParty.filter(exchange_id=exchange.id):
            await CaseParty.filter(id=party.id).update(
                answers=rules.scrub_answers(party.answers, free, proc.personal_data))
        files = await Attachment.filter(exchange_id=exchange.id, deleted_at__isnull=True).count()
        await Attachment.filter(exchange_id=exchange.id, deleted_at__isnull=True).update(
            deleted_at=now, filename=rules.DELETED_FILENAME)
        event = await ExchangeEvent.create(
            exchange_id=exchange.id, action=DELETED_EVENT, from_state=exchange.state, to_state=exchange.state,
            at=now, data={"basis": plan.basis.value, "due": plan.delete_at.isoformat(), "messages": messages,
                          "attachments": files})
        await audit.change(audit.Entry(AuditAction.DELETE, _system(exchange), now, exchange.id,
                                       exchange.reference, event.id, detail={"basis": plan.basis.value}))
    return True


async def _delete_messages(exchange_id: int) -> int:
    """Replace the exchange's messages by the notice and forget their machine translations; how many."""
    texts = await Message.filter(exchange_id=exchange_id).values_list("text", flat=True)
    translations = TranslationService(Registry(()))
    for text in {str(t) for t in texts} - {rules.DELETED_TEXT}:
        await translations.forget(text)
    await Message.filter(exchange_id=exchange_id).update(text=rules.DELETED_TEXT, language=rules.NOTICE_LANGUAGE,
                                                         language_flagged=False)
    return len(texts)


async def sweep_files(store: FileStore, grace_seconds: float = FILE_GRACE_SECONDS, batch: int = 500) -> int:
    """Remove from the store the files of deleted attachments that no live attachment shares, once they are
    older than the grace period (measured by the files' own times); how many were removed."""
    removed, after = 0, 0
    limit = time.time() - grace_seconds
    while rows := await Attachment.filter(deleted_at__isnull=False, id__gt=after).order_by("id").limit(
            batch).values("id", "sha256"):
        after = int(rows[-1]["id"])
        digests = {str(row["sha256"]) for row in rows}
        live = set(await Attachment.filter(deleted_at__isnull=True, sha256__in=sorted(digests)).values_list(
            "sha256", flat=True))
        for digest in sorted(digests - {str(d) for d in live}):
            path = store.path(digest)
            with contextlib.suppress(FileNotFoundError):
                if path.stat().st_mtime <= limit:
                    store.delete(digest)
                    removed += 1
    return removed


class PrivacyRunner:
    """Runs the job in a server process: first `first_delay` seconds after start, then every `interval`
    seconds (0: never)."""

    def __init__(self, clock: Clock, store: FileStore, interval: float = DAY_SECONDS,
                 first_delay: float = FIRST_DELAY_SECONDS) -> None:
        self.clock = clock
        self.store = store
        self.interval = interval
        self.first_delay = first_delay
        self._task: asyncio.Task[None] | None = None

    async def run_once(self) -> Outcome:
        outcome = await run(self.clock.now(), self.store)
        if outcome.done or outcome.files_removed:
            logger.info("retention: %d steps taken, %d files removed", len(outcome.done), outcome.files_removed)
        return outcome

    async def _loop(self) -> None:
        await asyncio.sleep(self.first_delay)
        while True:
            delay = self.interval
            try:
                await self.run_once()
            except Exception as error:  # the database is away: try again soon, never die
                logger.warning("retention job failed: %s", error)
                delay = min(self.interval, RETRY_SECONDS)
            await asyncio.sleep(delay)

    def start(self) -> None:
        if self.interval > 0:
            self._task = asyncio.create_task(self._loop(), name="privacy-retention-job")

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
