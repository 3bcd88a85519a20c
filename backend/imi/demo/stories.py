"""The life of one information request, step by step. Every step is decided by the workflow rules
(`exchanges.rules.decide`) exactly as the service decides it, so a story the rules refuse cannot be told."""

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from imi.demo.people import Actor
from imi.errors import NotAllowed
from imi.exchanges import rules
from imi.exchanges.rules import Action, State

CREATE = "CREATE"
AT = object()
"""In a step's changes: the moment the step happens."""
WITHOUT_VERSION = frozenset({CREATE, Action.ADD_MESSAGE.value, Action.ADD_ATTACHMENT.value})
OFFICE_START = time(7, 0)
OFFICE_MINUTES = 9 * 60 + 30


class Later(Exception):
    """The next step would happen after `now`: the story stops where it stands."""


@dataclass(slots=True)
class Step:
    action: str
    at: datetime
    from_state: State | None
    to_state: State
    actor: Actor
    data: dict[str, object]
    message: str | None = None


@dataclass(slots=True)
class RequestRecord:
    """An exchange's columns as its story leaves them, and the story's steps."""

    procedure: str
    legal_area: str
    requesting_authority_id: int
    requesting_country: str
    responding_authority_id: int | None
    subject: str
    subject_language: str
    questions: list[dict[str, Any]]
    personal_data: dict[str, str]
    created_at: datetime
    created_by_id: int | None
    state: State = State.DRAFT
    version: int = 1
    responding_country: str | None = None
    referral_coordinator_id: int | None = None
    answers: dict[str, object] = field(default_factory=dict)
    requested_reply_date: date | None = None
    proposed_reply_date: date | None = None
    agreed_reply_date: date | None = None
    round: int = 0
    updated_at: datetime | None = None
    sent_at: datetime | None = None
    accepted_at: datetime | None = None
    answered_at: datetime | None = None
    closed_at: datetime | None = None
    withdrawn_at: datetime | None = None
    survey_timeliness: int | None = None
    survey_efforts: int | None = None
    steps: list[Step] = field(default_factory=list)


class Story:
    """Tells a request's life up to `now`, checking each step against the rules."""

    def __init__(self, record: RequestRecord, now: datetime) -> None:
        self.record = record
        self.now = now

    @property
    def last(self) -> datetime:
        return self.record.steps[-1].at if self.record.steps else self.record.created_at

    def create(self, actor: Actor) -> None:
        record = self.record
        if record.created_at > self.now:
            raise Later
        record.updated_at = record.created_at
        record.steps.append(Step(CREATE, record.created_at, None, State.DRAFT, actor, {}))

    def moment(self, at: datetime) -> datetime:
        """When a step meant for `at` happens: never before the previous step."""
        return max(at, self.last + timedelta(minutes=1))

    def step(self, action: Action, at: datetime, actor: Actor, changes: dict[str, object] | None = None,
             data: dict[str, object] | None = None, message: str | None = None) -> datetime:
        """Take `action` at `at` (or just after the previous step); returns when it happened. A change whose
        value is `AT` is set to that moment."""
        record = self.record
        at = self.moment(at)
        if at > self.now:
            raise Later
        parties = rules.parties(actor.authority_id, record.state, record.requesting_authority_id,
                                record.responding_authority_id, record.referral_coordinator_id)
        if not rules.can_read(parties, actor.profiles):
            raise NotAllowed(f"{action.value}: the actor cannot see the exchange")
        to_state = rules.decide(record.state, action, parties, actor.profiles)
        for name, value in (changes or {}).items():
            setattr(record, name, at if value is AT else value)
        record.steps.append(Step(action.value, at, record.state, to_state, actor, dict(data or {}), message))
        record.state = to_state
        record.updated_at = at
        if action.value not in WITHOUT_VERSION:
            record.version += 1
        return at


def office_time(day: date, rng: random.Random) -> datetime:
    """A moment of office hours (UTC) on `day`."""
    start = datetime.combine(day, OFFICE_START, tzinfo=UTC)
    return start + timedelta(minutes=rng.randrange(OFFICE_MINUTES))


def after(moment: datetime, days: int, rng: random.Random) -> datetime:
    """`days` calendar days after `moment` in office hours, or a little later the same day for 0."""
    if days <= 0:
        return moment + timedelta(minutes=rng.randint(10, 240))
    return office_time(moment.date() + timedelta(days=days), rng)


def weekday_on_or_after(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day
