"""Storing the plans: bulk inserts in batches, each batch one transaction (SQLite and PostgreSQL).

Events and messages get their ids in the order they happened, across all exchanges, so that an event's id
(and its stream position) follows time like the outbox would have numbered it.
"""

import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from tortoise.models import Model

from imi import db
from imi.accounts.models import User, UserRight
from imi.authorities.models import Authority, AuthorityProcedure
from imi.catalogue import label
from imi.demo.directory import AuthorityPlan, Directory
from imi.demo.people import Staff
from imi.demo.progress import Reporter
from imi.demo.stories import RequestRecord, Step
from imi.exchanges.models import Exchange, ExchangeEvent, Message
from imi.exchanges.service import REFERENCE_PREFIX
from imi.reference import ExchangeKind, procedures
from imi.reference.keywords import keyword

BATCH = 5000
TABLES_WITH_IDS = (Authority, AuthorityProcedure, User, UserRight, Exchange, ExchangeEvent, Message)


async def next_ids() -> dict[type[Model], int]:
    """The first free id of each table the generator writes."""
    found: dict[type[Model], int] = {}
    for model in TABLES_WITH_IDS:
        rows = await model.all().order_by("-id").limit(1).values("id")
        found[model] = int(rows[0]["id"]) + 1 if rows else 1
    return found


async def _insert(model: type[Model], rows: Sequence[Model]) -> None:
    if rows:
        await model.bulk_create(rows, batch_size=1000)


def description(plan: AuthorityPlan) -> str:
    """What the authority does, in its language: its legal areas and competences."""
    areas = ", ".join(label("legal_areas", area, plan.language) for area in plan.areas)
    skills = ", ".join(keyword(k).label(plan.language) for k in plan.keyword_ids[:6])
    return f"{areas}: {skills}" if skills else areas


def _authority(plan: AuthorityPlan) -> Authority:
    return Authority(
        id=plan.id, country=plan.country, level=plan.level, official_name=plan.official_name,
        official_language=plan.language,
        informal_names={plan.language: plan.informal_name} if plan.informal_name else {},
        descriptions={plan.language: description(plan)}, region=plan.region, city=plan.city, street=plan.street,
        postcode=plan.postcode, email=plan.email, phone=plan.phone, keyword_ids=list(plan.keyword_ids),
        status=plan.status, coordinator_role=plan.role, coordinator_id=plan.coordinator_id,
        created_at=plan.created_at, updated_at=plan.created_at,
    )


def _grants(plan: AuthorityPlan) -> Iterable[AuthorityProcedure]:
    for proc in procedures():
        if proc.legal_area in plan.areas:
            yield AuthorityProcedure(authority_id=plan.id, legal_area=proc.legal_area, procedure=proc.code,
                                     granted_by_id=plan.coordinator_id, granted_at=plan.created_at)


async def write_directory(directory: Directory, progress: Reporter) -> None:
    """The authorities not yet stored (coordinators of coordinators first) and their legal areas."""
    new = sorted((p for p in directory.authorities if not p.existing), key=lambda p: p.id)
    progress.phase("Authorities", len(new))
    for start in range(0, len(new), BATCH):
        chunk = new[start:start + BATCH]
        async with db.transaction():
            await _insert(Authority, [_authority(p) for p in chunk])
            await _insert(AuthorityProcedure, [g for p in chunk for g in _grants(p)])
        progress.advance(len(chunk))


async def write_staff(staff: Staff, password_hash: str, progress: Reporter) -> None:
    """Every user with the one demo password hash, and their rights."""
    progress.phase("Users", len(staff.users))
    for start in range(0, len(staff.users), BATCH):
        chunk = staff.users[start:start + BATCH]
        async with db.transaction():
            await _insert(User, [User(id=u.id, email=u.email, full_name=u.full_name, password_hash=password_hash,
                                      authority_id=u.authority_id, language=u.language, created_at=u.created_at)
                                 for u in chunk])
            await _insert(UserRight, [UserRight(user_id=u.id, authority_id=u.authority_id, legal_area=area,
                                                profile=profile) for u in chunk for area, profile in u.rights])
        progress.advance(len(chunk))


def _exchange(exchange_id: int, record: RequestRecord) -> Exchange:
    return Exchange(
        id=exchange_id,
        reference=f"{REFERENCE_PREFIX[ExchangeKind.REQUEST]}-{record.created_at.year}-{exchange_id:07d}",
        kind=ExchangeKind.REQUEST.value, procedure=record.procedure, legal_area=record.legal_area,
        state=record.state.value, version=record.version, requesting_authority_id=record.requesting_authority_id,
        responding_authority_id=record.responding_authority_id,
        referral_coordinator_id=record.referral_coordinator_id, requesting_country=record.requesting_country,
        responding_country=record.responding_country, created_by_id=record.created_by_id, subject=record.subject,
        subject_language=record.subject_language, questions=record.questions, answers=record.answers,
        personal_data=record.personal_data, requested_reply_date=record.requested_reply_date,
        proposed_reply_date=record.proposed_reply_date, agreed_reply_date=record.agreed_reply_date,
        round=record.round, created_at=record.created_at, updated_at=record.updated_at or record.created_at,
        sent_at=record.sent_at, accepted_at=record.accepted_at, answered_at=record.answered_at,
        closed_at=record.closed_at, withdrawn_at=record.withdrawn_at, survey_timeliness=record.survey_timeliness,
        survey_efforts=record.survey_efforts,
    )


@dataclass
class RequestSink:
    """Takes requests in the order they were written and stores them with their timelines."""

    next_exchange: int
    next_event: int
    next_message: int
    progress: Reporter
    exchanges: list[Exchange] = field(default_factory=list)
    events: list[ExchangeEvent] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
    written: int = 0
    _queue: list[tuple[datetime, int, int, Step]] = field(default_factory=list)

    async def add(self, record: RequestRecord) -> None:
        self._release_before(record.created_at)
        exchange_id = self.next_exchange
        self.next_exchange += 1
        self.exchanges.append(_exchange(exchange_id, record))
        for index, step in enumerate(record.steps):
            heapq.heappush(self._queue, (step.at, exchange_id, index, step))
        if len(self.exchanges) >= BATCH or len(self.events) >= 4 * BATCH:
            await self._flush()

    def _release_before(self, moment: datetime | None) -> None:
        """Number the steps that happened before `moment` (all: None): no later request has earlier ones."""
        queue = self._queue
        while queue and (moment is None or queue[0][0] < moment):
            at, exchange_id, _, step = heapq.heappop(queue)
            data = dict(step.data)
            if step.message is not None:
                data["messageId"] = self.next_message
                self.messages.append(Message(
                    id=self.next_message, exchange_id=exchange_id, author_user_id=step.actor.user_id,
                    author_authority_id=step.actor.authority_id, text=step.message, language=step.actor.language,
                    created_at=at))
                self.next_message += 1
            self.events.append(ExchangeEvent(
                id=self.next_event, exchange_id=exchange_id, action=step.action,
                from_state=step.from_state.value if step.from_state else None, to_state=step.to_state.value,
                actor_user_id=step.actor.user_id, actor_authority_id=step.actor.authority_id, at=at, data=data,
                position=self.next_event))
            self.next_event += 1

    async def _flush(self) -> None:
        async with db.transaction():
            await _insert(Exchange, self.exchanges)
            await _insert(Message, self.messages)
            await _insert(ExchangeEvent, self.events)
        self.progress.advance(len(self.exchanges))
        self.written += len(self.exchanges)
        self.exchanges, self.events, self.messages = [], [], []

    async def finish(self) -> None:
        self._release_before(None)
        await self._flush()


async def finish() -> None:
    """After the bulk load: move PostgreSQL's id sequences past the ids written explicitly, and gather the
    planner's statistics (ANALYZE) so that the first queries already use the right indexes."""
    connection = db.connection()
    if connection.capabilities.dialect == "postgres":
        for model in TABLES_WITH_IDS:
            table = model._meta.db_table
            await connection.execute_script(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), COALESCE(MAX(id), 0) + 1, false) "
                f"FROM \"{table}\";")
    await connection.execute_script("ANALYZE;")
