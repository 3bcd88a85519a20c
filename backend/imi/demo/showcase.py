"""Open requests around the demo sign-ins, in the weeks before `now`: something in every tracking list of
each demo official (to accept, to answer, near the deadline, overdue, drafts, sent, to review) and a referral
for its coordinator. Each is told step by step like any other request."""

from collections.abc import Callable
from datetime import datetime, timedelta

from imi.demo import behaviour
from imi.demo.behaviour import Seed, World
from imi.demo.directory import AuthorityPlan
from imi.demo.requests import request_procedure
from imi.demo.stories import Later, RequestRecord, Story, office_time
from imi.reference import countries

AREA = "PROFESSIONAL_QUALIFICATIONS"
MAIN_SIGN_INS = frozenset({"de.official", "pl.official"})


def _day(world: World, days_ago: int) -> datetime:
    """Office hours `days_ago` days before now (earlier today for 0)."""
    if days_ago <= 0:
        return world.now - timedelta(minutes=world.rng.randint(20, 180))
    return min(office_time((world.now - timedelta(days=days_ago)).date(), world.rng),
               world.now - timedelta(hours=days_ago * 24 - 1))


def _started(world: World, requester: AuthorityPlan, responder: AuthorityPlan, written: datetime,
             ) -> tuple[Story, behaviour.Actor]:
    seed = Seed(request_procedure(AREA), AREA, requester, responder, written, written)
    return behaviour.begin(world, seed)


def _sent(world: World, requester: AuthorityPlan, responder: AuthorityPlan, days_ago: int, reply_days: int = 14,
          ) -> tuple[Story, behaviour.Actor]:
    written = _day(world, days_ago) - timedelta(minutes=world.rng.randint(15, 90))
    story, asking = _started(world, requester, responder, written)
    behaviour.send(world, story, asking, written + timedelta(minutes=10), reply_days)
    return story, asking


Scenario = Callable[[World, AuthorityPlan, AuthorityPlan, AuthorityPlan | None], RequestRecord | None]


def to_accept(world: World, mine: AuthorityPlan, other: AuthorityPlan, _: AuthorityPlan | None) -> RequestRecord:
    story, _asking = _sent(world, other, mine, world.rng.randint(0, 3))
    return story.record


def to_answer(world: World, mine: AuthorityPlan, other: AuthorityPlan, _: AuthorityPlan | None) -> RequestRecord:
    story, _asking = _sent(world, other, mine, 6, reply_days=20)
    behaviour.accept(world, story, _day(world, 5), 0.0)
    return story.record


def near_deadline(world: World, mine: AuthorityPlan, other: AuthorityPlan, _: AuthorityPlan | None,
                  ) -> RequestRecord:
    story, _asking = _sent(world, other, mine, 12)
    behaviour.accept(world, story, _day(world, 11), 0.0)
    return story.record


def overdue(world: World, mine: AuthorityPlan, other: AuthorityPlan, _: AuthorityPlan | None) -> RequestRecord:
    story, _asking = _sent(world, other, mine, 25)
    behaviour.accept(world, story, _day(world, 23), 0.0)
    return story.record


def forwarded_to_me(world: World, mine: AuthorityPlan, other: AuthorityPlan, colleague: AuthorityPlan | None,
                    ) -> RequestRecord | None:
    if colleague is None:
        return None
    story, _asking = _sent(world, other, colleague, 4)
    behaviour.forward(world, story, _day(world, 2), mine)
    return story.record


def draft(world: World, mine: AuthorityPlan, other: AuthorityPlan, _: AuthorityPlan | None) -> RequestRecord:
    story, _asking = _started(world, mine, other, _day(world, world.rng.randint(0, 2)))
    return story.record


def awaiting_acceptance(world: World, mine: AuthorityPlan, other: AuthorityPlan, _: AuthorityPlan | None,
                        ) -> RequestRecord:
    story, _asking = _sent(world, mine, other, 2)
    return story.record


def to_review(world: World, mine: AuthorityPlan, other: AuthorityPlan, _: AuthorityPlan | None) -> RequestRecord:
    story, _asking = _sent(world, mine, other, 20)
    behaviour.accept(world, story, _day(world, 18), 0.0)
    behaviour.answer(world, story, _day(world, 2))
    return story.record


def referred(world: World, mine: AuthorityPlan, other: AuthorityPlan, _: AuthorityPlan | None) -> RequestRecord:
    story, asking = _sent(world, mine, other, 30)
    behaviour.accept(world, story, _day(world, 28), 0.0)
    behaviour.answer(world, story, _day(world, 12))
    behaviour.refer(world, story, _day(world, 3), asking)
    return story.record


def closed(world: World, mine: AuthorityPlan, other: AuthorityPlan, _: AuthorityPlan | None) -> RequestRecord:
    story, asking = _sent(world, mine, other, 40)
    behaviour.accept(world, story, _day(world, 38), 0.0)
    behaviour.answer(world, story, _day(world, 20))
    behaviour.close(world, story, _day(world, 15), asking, world.tiers[other.country])
    return story.record


def withdrawn(world: World, mine: AuthorityPlan, other: AuthorityPlan, _: AuthorityPlan | None) -> RequestRecord:
    story, asking = _sent(world, mine, other, 9)
    behaviour.withdraw(world, story, _day(world, 8), asking)
    return story.record


MAIN: tuple[Scenario, ...] = (
    to_accept, to_accept, to_answer, to_answer, near_deadline, near_deadline, overdue, overdue, forwarded_to_me,
    draft, draft, awaiting_acceptance, awaiting_acceptance, to_review, to_review, referred, closed, withdrawn,
)
OTHERS: tuple[Scenario, ...] = (to_accept, to_answer, near_deadline, overdue, draft, awaiting_acceptance,
                                to_review)


def _counterpart(world: World, mine: AuthorityPlan) -> AuthorityPlan:
    rng = world.rng
    codes = [c.code for c in countries() if c.code != mine.country]
    while True:
        found = world.directory.pick(rng, rng.choice(codes), AREA, world.now.year)
        if found is not None:
            return found


def showcase(world: World) -> list[RequestRecord]:
    """The open requests of every demo official's authority, in the order they were written."""
    records: list[RequestRecord] = []
    for name, authority_id in sorted(world.directory.sign_in_authority.items()):
        mine = world.directory.by_id[authority_id]
        colleague = world.directory.pick(world.rng, mine.country, AREA, world.now.year, exclude=mine.id)
        for scenario in MAIN if name in MAIN_SIGN_INS else OTHERS:
            try:
                record = scenario(world, mine, _counterpart(world, mine), colleague)
            except Later:
                continue
            if record is not None:
                records.append(record)
    return sorted(records, key=lambda r: r.created_at)
