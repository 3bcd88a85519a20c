"""The translation service: cached, provider-by-provider machine translation that never blocks its caller.

    service = TranslationService(registry, settings)
    row = await service.request(text, "es", "pt")          # a Translation row, whatever happens
    row.status  # DONE (translated_text, provider, route), PENDING, FAILED or UNAVAILABLE (reason)

`request` returns the cached row when there is one. Otherwise it tries the configured providers in order
for the pair: providers that do not serve the pair are recorded UNAVAILABLE; the first that does is tried
in the background, and the caller waits at most `wait` seconds (`IMI_TRANSLATION_WAIT`) before getting the
row as it stands (PENDING while it runs). A provider that fails (timeout, error answer, unreachable) leaves
its row FAILED with the reason and a `next_attempt_at` (exponential backoff) and the next provider is
tried. The worker (`start_worker`) retries due rows and expires lost attempts and missing callbacks.
Empty, too long or malformed requests raise `TextRejectedError` and store nothing.
"""

import asyncio
import contextlib
import logging
from collections.abc import Coroutine
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol, cast

from tortoise.exceptions import IntegrityError

from imi.reference import LANGUAGE_CODES
from imi.translation.callbacks import CallbackSigner
from imi.translation.errors import (
    CallbackRejectedError,
    ConfigurationError,
    PairUnavailableError,
    ProviderError,
    TextRejectedError,
)
from imi.translation.models import Translation, TranslationStatus, text_hash
from imi.translation.protocol import Job, Route, Submitted, TextFormat, Translated, Translator, Unserved
from imi.translation.registry import Registry
from imi.translation.settings import TranslationSettings

log = logging.getLogger(__name__)
Key = tuple[str, str, str]
ATTEMPT_TIMEOUT = 120.0
STALE_AFTER = timedelta(minutes=5)
_ORDER = {
    TranslationStatus.DONE: 0,
    TranslationStatus.PENDING: 1,
    TranslationStatus.FAILED: 2,
    TranslationStatus.UNAVAILABLE: 3,
}


class Clock(Protocol):
    def now(self) -> datetime: ...


class _SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class TranslationService:
    """Translations on demand and in the background, cached per (text, source, target, provider)."""

    def __init__(
        self,
        registry: Registry,
        settings: TranslationSettings | None = None,
        *,
        clock: Clock | None = None,
    ) -> None:
        self.registry = registry
        self.settings = settings or TranslationSettings()
        self.clock: Clock = clock or _SystemClock()
        self.signer: CallbackSigner | None = None
        if any(provider.asynchronous for provider in registry.providers):
            if not self.settings.secret:
                raise ConfigurationError("an asynchronous translator needs IMI_TRANSLATION_SECRET")
            self.signer = CallbackSigner(self.settings.secret)
        self._inflight: dict[Key, asyncio.Task[None]] = {}
        self._locks: dict[Key, tuple[asyncio.Lock, list[int]]] = {}
        self._epoch = self.clock.now()
        self._worker: asyncio.Task[None] | None = None

    # ---- requests -------------------------------------------------------------------------------------

    def validate(self, text: str, source: str, target: str, fmt: str = "text") -> None:
        """`TextRejectedError` unless the request can be served as asked."""
        if fmt not in ("text", "html"):
            raise TextRejectedError(f"unknown text format {fmt!r} (text or html)")
        for code in (source, target):
            if code not in LANGUAGE_CODES:
                raise TextRejectedError(f"{code!r} is not a served language")
        if source == target:
            raise TextRejectedError(f"the text is already in {target}")
        if not text.strip():
            raise TextRejectedError("the text is empty")
        if len(text) > self.settings.max_chars:
            raise TextRejectedError(
                f"the text has {len(text):,} characters; machine translation takes at most {self.settings.max_chars:,}"
            )

    async def request(
        self, text: str, source: str, target: str, *, fmt: str = "text", wait: float | None = None
    ) -> Translation:
        """The translation of `text` into `target`: cached, or started now and awaited up to `wait` s."""
        self.validate(text, source, target, fmt)
        key = (text_hash(text, fmt), source, target)
        task = await self._start(key, text, fmt)
        budget = self.settings.wait if wait is None else wait
        if task is not None and budget > 0:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(task), budget)
        return self._pick(await self._rows(key))

    async def lookup(self, text: str, source: str, target: str, *, fmt: str = "text") -> Translation | None:
        """The stored translation, if any; starts nothing."""
        rows = await self._rows((text_hash(text, fmt), source, target))
        return self._pick(rows) if rows else None

    async def retry(self, translation_id: int) -> Translation:
        """Make a FAILED translation due now, with a fresh attempt budget, and run it."""
        row = await Translation.get(id=translation_id)
        if row.status is TranslationStatus.FAILED:
            await Translation.filter(id=row.id, status=TranslationStatus.FAILED).update(
                attempts=0, next_attempt_at=self.clock.now()
            )
        return await self.request(row.source_text, row.source, row.target, fmt=row.fmt)

    async def forget(self, text: str, *, fmt: str = "text") -> int:
        """Delete every stored translation of a text (data retention); the number of rows deleted."""
        return await Translation.filter(text_hash=text_hash(text, fmt)).delete()

    # ---- choosing and running providers ---------------------------------------------------------------

    @staticmethod
    async def _rows(key: Key) -> list[Translation]:
        digest, source, target = key
        return await Translation.filter(text_hash=digest, source=source, target=target)

    def _pick(self, rows: list[Translation]) -> Translation:
        return min(rows, key=lambda r: (_ORDER[r.status], self.registry.rank(r.provider), r.id))

    def _due(self, row: Translation) -> bool:
        return row.next_attempt_at is not None and row.next_attempt_at <= self.clock.now()

    def _needs_work(self, rows: list[Translation], source: str, target: str) -> bool:
        """Whether planning could start something: a provider not yet recorded, newly served, or due."""
        if any(r.status in (TranslationStatus.DONE, TranslationStatus.PENDING) for r in rows):
            return False
        if not self.registry.providers:
            return not rows
        by_provider = {r.provider: r for r in rows}
        for provider, capability in self.registry.capabilities(source, target):
            row = by_provider.get(provider.name)
            if row is None:
                return True
            if isinstance(capability, Unserved):
                continue
            if self._reconsider(row) or self._due(row):
                return True
        return False

    def _reconsider(self, row: Translation) -> bool:
        """An UNAVAILABLE row recorded before this service started (capabilities may have changed since)."""
        if row.status is not TranslationStatus.UNAVAILABLE:
            return False
        return row.attempted_at is None or row.attempted_at < self._epoch

    async def _plan(self, key: Key, text: str, fmt: str) -> Translation | None:
        """Record providers that do not serve the pair; claim the first one to try now (PENDING), if any."""
        digest, source, target = key
        rows = {r.provider: r for r in await self._rows(key)}
        if any(r.status in (TranslationStatus.DONE, TranslationStatus.PENDING) for r in rows.values()):
            return None
        now = self.clock.now()
        base: dict[str, Any] = {
            "text_hash": digest,
            "source": source,
            "target": target,
            "fmt": fmt,
            "source_text": text,
        }
        if not self.registry.providers and not rows:
            reason = "no machine-translation provider is configured (IMI_TRANSLATORS)"
            with contextlib.suppress(IntegrityError):
                await Translation.create(
                    **base, provider="", status=TranslationStatus.UNAVAILABLE, reason=reason, attempted_at=now
                )
            return None
        for provider, capability in self.registry.capabilities(source, target):
            row = rows.get(provider.name)
            if isinstance(capability, Unserved):
                if row is None:
                    with contextlib.suppress(IntegrityError):
                        await Translation.create(
                            **base,
                            provider=provider.name,
                            status=TranslationStatus.UNAVAILABLE,
                            reason=capability.reason,
                            attempted_at=now,
                        )
                continue
            if row is None:
                try:
                    return await Translation.create(
                        **base,
                        provider=provider.name,
                        route=capability.describe(),
                        status=TranslationStatus.PENDING,
                        attempts=1,
                        attempted_at=now,
                    )
                except IntegrityError:
                    return None
            if self._reconsider(row) or (row.status is TranslationStatus.FAILED and self._due(row)):
                return await self._claim(row, capability.describe())
        return None

    async def _claim(self, row: Translation, route: str) -> Translation | None:
        """Take a row for one more attempt, unless another worker took it first."""
        now = self.clock.now()
        attempts = row.attempts + 1 if row.status is TranslationStatus.FAILED else 1
        taken = await Translation.filter(id=row.id, status=row.status, attempts=row.attempts).update(
            status=TranslationStatus.PENDING,
            attempts=attempts,
            attempted_at=now,
            next_attempt_at=None,
            route=route,
            updated_at=now,
        )
        return await Translation.get(id=row.id) if taken else None

    async def _start(self, key: Key, text: str, fmt: str) -> asyncio.Task[None] | None:
        """The attempt under way for `key` in this process, starting one if there is work to do."""
        entry = self._locks.setdefault(key, (asyncio.Lock(), [0]))
        entry[1][0] += 1
        try:
            async with entry[0]:
                task = self._inflight.get(key)
                if task is None and self._needs_work(await self._rows(key), key[1], key[2]):
                    row = await self._plan(key, text, fmt)
                    if row is not None:
                        task = self._spawn(key, self._advance(key, text, fmt, row))
                return task
        finally:
            entry[1][0] -= 1
            if not entry[1][0]:
                self._locks.pop(key, None)

    def _spawn(self, key: Key, work: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        task = asyncio.create_task(work, name=f"translate {key[1]}→{key[2]}")
        self._inflight[key] = task
        task.add_done_callback(lambda done: self._settled(key, done))
        return task

    def _settled(self, key: Key, task: asyncio.Task[None]) -> None:
        self._inflight.pop(key, None)
        if not task.cancelled() and task.exception() is not None:
            log.error("translation %s→%s stopped", key[1], key[2], exc_info=task.exception())

    async def _advance(self, key: Key, text: str, fmt: str, row: Translation | None) -> None:
        """Attempt the claimed row; on failure, go on with the next provider."""
        while row is not None:
            if await self._attempt(row, text, fmt):
                return
            row = await self._plan(key, text, fmt)

    async def _attempt(self, row: Translation, text: str, fmt: str) -> bool:
        """One provider call; True when the row is DONE or submitted (awaiting its callback)."""
        provider = self.registry.get(row.provider)
        if provider is None:
            await self._finish(row, TranslationStatus.FAILED, reason="the provider is no longer configured")
            return False
        capability = provider.capability(row.source, row.target)
        if isinstance(capability, Unserved):
            await self._finish(row, TranslationStatus.UNAVAILABLE, reason=capability.reason)
            return False
        try:
            return await self._call(provider, row, capability, text, fmt)
        except PairUnavailableError as error:
            await self._finish(row, TranslationStatus.UNAVAILABLE, reason=str(error))
        except ProviderError as error:
            await self._fail(row, error.reason, retryable=error.retryable)
        except TimeoutError:
            reason = f"{provider.name} did not answer within {ATTEMPT_TIMEOUT:g} s"
            await self._fail(row, reason, retryable=True)
        except Exception as error:
            log.exception("translator %s failed unexpectedly", provider.name)
            await self._fail(row, f"{provider.name} failed unexpectedly: {error!r}", retryable=True)
        return False

    async def _call(self, provider: Translator, row: Translation, route: Route, text: str, fmt: str) -> bool:
        reference = ""
        if provider.asynchronous:
            assert self.signer is not None
            reference, digest = self.signer.issue(row.id)
            await Translation.filter(id=row.id).update(callback_digest=digest, external_id=None)
        job = Job(text, row.source, row.target, route, cast(TextFormat, fmt), reference)
        outcome = await asyncio.wait_for(provider.translate(job), ATTEMPT_TIMEOUT)
        if isinstance(outcome, Translated):
            await self._finish(row, TranslationStatus.DONE, translated_text=outcome.text)
        elif isinstance(outcome, Submitted):
            await Translation.filter(id=row.id, status=TranslationStatus.PENDING).update(
                external_id=outcome.external_id
            )
        return True

    async def _finish(self, row: Translation, status: TranslationStatus, **changes: Any) -> bool:
        """Close the attempt `row` was claimed for; False if it was no longer that attempt's to close."""
        now = self.clock.now()
        changes.setdefault("reason", None)
        changes.setdefault("next_attempt_at", None)
        closed = await Translation.filter(id=row.id, status=TranslationStatus.PENDING, attempts=row.attempts).update(
            status=status, callback_digest=None, updated_at=now, **changes
        )
        return bool(closed)

    def backoff(self, attempts: int) -> timedelta:
        """Delay before attempt `attempts + 1`: base × 2^(attempts − 1), capped."""
        return timedelta(seconds=min(self.settings.retry_max, self.settings.retry_base * 2 ** (attempts - 1)))

    async def _fail(self, row: Translation, reason: str, *, retryable: bool) -> bool:
        again = retryable and row.attempts < self.settings.max_attempts
        next_at = self.clock.now() + self.backoff(row.attempts) if again else None
        suffix = f" (attempt {row.attempts}; retried at {next_at:%Y-%m-%d %H:%M:%S} UTC)" if next_at else ""
        log.warning("translation %s by %s failed: %s", row.id, row.provider, reason)
        return await self._finish(row, TranslationStatus.FAILED, reason=reason + suffix, next_attempt_at=next_at)

    # ---- callbacks from asynchronous providers --------------------------------------------------------

    async def _ticket_row(
        self, token: str, provider: str, request_id: str | None, target: str | None = None
    ) -> tuple[Translation, str]:
        if self.signer is None:
            raise CallbackRejectedError("no asynchronous translator is configured")
        ticket = self.signer.verify(token)
        row = await Translation.get_or_none(id=ticket.translation_id)
        if row is None or row.provider != provider:
            raise CallbackRejectedError("the callback names no translation of this provider")
        if request_id and row.external_id and request_id != row.external_id:
            raise CallbackRejectedError("the callback's request id does not match the request")
        if target and target != row.target:
            raise CallbackRejectedError("the callback's target language does not match the request")
        return row, ticket.digest

    async def complete(
        self, token: str, *, provider: str, request_id: str | None, text: str, target: str | None = None
    ) -> Translation:
        """Store a result a provider called back with; `CallbackRejectedError` if forged or replayed."""
        row, digest = await self._ticket_row(token, provider, request_id, target)
        now = self.clock.now()
        awaiting = Translation.filter(id=row.id, status=TranslationStatus.PENDING, callback_digest=digest)
        done = await awaiting.update(
            status=TranslationStatus.DONE,
            translated_text=text,
            reason=None,
            next_attempt_at=None,
            callback_digest=None,
            external_id=request_id or row.external_id,
            updated_at=now,
        )
        if not done:
            raise CallbackRejectedError("the translation is not awaiting this callback (replayed or expired)")
        return await Translation.get(id=row.id)

    async def fail(self, token: str, *, provider: str, request_id: str | None, reason: str) -> Translation:
        """Record a failure a provider called back with, then try the next provider in the background."""
        row, digest = await self._ticket_row(token, provider, request_id)
        if row.status is not TranslationStatus.PENDING or row.callback_digest != digest:
            raise CallbackRejectedError("the translation is not awaiting this callback (replayed or expired)")
        if not await self._fail(row, reason, retryable=True):
            raise CallbackRejectedError("the translation is not awaiting this callback (replayed or expired)")
        await self._start((row.text_hash, row.source, row.target), row.source_text, row.fmt)
        return await Translation.get(id=row.id)

    # ---- background worker ----------------------------------------------------------------------------

    async def run_due(self, limit: int = 100) -> int:
        """One worker pass: expire lost attempts and missing callbacks, start due retries. Keys started."""
        now = self.clock.now()
        for row in await Translation.filter(status=TranslationStatus.PENDING).limit(limit):
            provider = self.registry.get(row.provider)
            key = (row.text_hash, row.source, row.target)
            if key in self._inflight or row.attempted_at is None:
                continue
            if provider is not None and provider.asynchronous and row.external_id is not None:
                limit_at = row.attempted_at + timedelta(seconds=self.settings.etranslation.callback_timeout)
                if limit_at <= now:
                    await self._fail(row, f"{row.provider} did not call back in time", retryable=True)
            elif row.attempted_at + STALE_AFTER <= now:
                await self._fail(row, "the attempt was interrupted", retryable=True)
        started = 0
        due = await Translation.filter(status=TranslationStatus.FAILED, next_attempt_at__lte=now).limit(limit)
        for row in due:
            key = (row.text_hash, row.source, row.target)
            siblings = Translation.filter(text_hash=row.text_hash, source=row.source, target=row.target)
            if await siblings.filter(status=TranslationStatus.DONE).exists():
                await siblings.filter(status=TranslationStatus.FAILED).update(next_attempt_at=None)
            elif key not in self._inflight and await self._start(key, row.source_text, row.fmt):
                started += 1
        return started

    async def drain(self) -> None:
        """Wait for every attempt under way (tests, shutdown)."""
        while self._inflight:
            await asyncio.gather(*list(self._inflight.values()), return_exceptions=True)

    def start_worker(self) -> None:
        """Run `run_due` every `IMI_TRANSLATION_POLL` seconds until `stop`."""
        if self._worker is None:
            self._worker = asyncio.create_task(self._work(), name="translation worker")

    async def _work(self) -> None:
        while True:
            try:
                await self.run_due()
            except Exception:
                log.exception("translation worker pass failed")
            await asyncio.sleep(self.settings.poll)

    async def stop(self) -> None:
        """Stop the worker and abandon attempts under way (their rows are retried after a restart)."""
        tasks = [t for t in (self._worker, *self._inflight.values()) if t is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._worker = None
