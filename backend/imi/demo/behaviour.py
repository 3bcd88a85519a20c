"""How officials handle a request, as probabilities and delays: the responding country's tier sets how fast
it accepts and answers and how requesters rate it; forwards, further information, referrals and withdrawals
happen at the rates below. `live` tells one request's story up to `now`."""

import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from imi.accounts.profiles import Profile
from imi.demo import content
from imi.demo.calibration import Tier
from imi.demo.directory import AuthorityPlan, Directory
from imi.demo.people import Actor, Staff
from imi.demo.stories import AT, Later, RequestRecord, Story, after
from imi.exchanges import rules
from imi.exchanges.rules import Action

HANDLER = Profile.REQUEST_HANDLER
FORWARDER = (Profile.REQUEST_HANDLER, Profile.ALLOCATOR)
MODIFY = 0.02
WITHDRAW_BEFORE_ACCEPTANCE = 0.022
WITHDRAW_QUICKLY = 0.5
"""Of the withdrawals before acceptance, the share within 7 days of sending."""
WITHDRAW_AFTER_ACCEPTANCE = 0.012
FORWARD = 0.07
FORWARD_TO_COORDINATOR = 0.2
FORWARD_AFTER_ACCEPTANCE = 0.01
NOTE = 0.08
ANSWER_MESSAGE = 0.4
FURTHER_INFORMATION = 0.10
SECOND_ROUND = 0.2
REFER = 0.015
RETURNED_FROM_REFERRAL = 0.6
SURVEY = 0.55
DEFAULT_REPLY_DAYS = 14
LATEST_ACCEPTANCE_DAYS = 60
LATEST_LATENESS_DAYS = 75
"""Delays are drawn from long-tailed laws, cut at these many days."""
NEGATIVE_RATINGS = (1, 2)
OTHER_RATINGS = ((3, 4, 5), (0.15, 0.4, 0.45))


@dataclass
class World:
    """What a story needs to know about the world it happens in."""

    rng: random.Random
    now: datetime
    directory: Directory
    staff: Staff
    tiers: Mapping[str, Tier]


@dataclass(frozen=True, slots=True)
class Seed:
    """A request to tell: who asks whom, in which procedure, and when it was written and sent."""

    procedure: str
    legal_area: str
    requester: AuthorityPlan
    responder: AuthorityPlan
    created_at: datetime
    sent_at: datetime | None
    """None: a draft that is never sent (withdrawn, or still open when `withdraw_draft` is false)."""
    withdraw_draft: bool = False


def rating(rng: random.Random, negative_share: float) -> int:
    if rng.random() < negative_share:
        return rng.choice(NEGATIVE_RATINGS)
    return rng.choices(*OTHER_RATINGS)[0]


def begin(world: World, seed: Seed) -> tuple[Story, Actor]:
    """A new story with its draft written by a handler of the requester."""
    rng = world.rng
    requester = world.staff.actor(rng, seed.requester, seed.legal_area, HANDLER)
    profession = rng.choice(seed.responder.keyword_ids) if seed.responder.keyword_ids else None
    written = content.request_content(rng, seed.procedure, requester.language, seed.requester.country,
                                      seed.responder.country, profession, seed.responder.official_name)
    record = RequestRecord(
        procedure=seed.procedure, legal_area=seed.legal_area, requesting_authority_id=seed.requester.id,
        requesting_country=seed.requester.country, responding_authority_id=seed.responder.id,
        subject=written.subject, subject_language=requester.language, questions=written.questions,
        personal_data=written.personal_data, created_at=seed.created_at, created_by_id=requester.user_id,
    )
    story = Story(record, world.now)
    story.create(requester)
    return story, requester


def send(world: World, story: Story, requester: Actor, at: datetime, reply_days: int) -> datetime:
    record = story.record
    at = story.moment(at)
    requested = at.date() + timedelta(days=reply_days)
    rules.check_reply_date("requestedReplyDate", requested, at.date())
    responder = world.directory.by_id[record.responding_authority_id or 0]
    return story.step(Action.SEND, at, requester,
                      {"requested_reply_date": requested, "sent_at": AT, "responding_country": responder.country},
                      {"requestedReplyDate": requested.isoformat(), "to": responder.id})


def forward(world: World, story: Story, at: datetime, target: AuthorityPlan) -> datetime:
    rng = world.rng
    record = story.record
    current = world.directory.by_id[record.responding_authority_id or 0]
    actor = world.staff.actor(rng, current, record.legal_area, *FORWARDER)
    note = content.message(rng, "forward", actor.language) if rng.random() < 0.6 else None
    return story.step(Action.FORWARD, at, actor,
                      {"responding_authority_id": target.id, "accepted_at": None, "proposed_reply_date": None,
                       "agreed_reply_date": None},
                      {"from": current.id, "to": target.id}, note)


def accept(world: World, story: Story, at: datetime, propose_share: float) -> datetime:
    """Accept, agreeing the requested date, or proposing one (always when the requested date has passed)."""
    rng = world.rng
    record = story.record
    responder = world.directory.by_id[record.responding_authority_id or 0]
    actor = world.staff.actor(rng, responder, record.legal_area, HANDLER)
    at = story.moment(at)
    day = at.date()
    requested = record.requested_reply_date
    assert requested is not None
    proposed = None
    if requested <= day:
        proposed = day + timedelta(days=rng.randint(7, 21))
    elif rng.random() < propose_share:
        proposed = requested + timedelta(days=rng.randint(7, 30))
    if proposed is None:
        return story.step(Action.ACCEPT, at, actor, {"accepted_at": AT, "agreed_reply_date": requested},
                          {"agreed": True})
    rules.check_reply_date("proposedReplyDate", proposed, day)
    return story.step(Action.ACCEPT, at, actor,
                      {"accepted_at": AT, "proposed_reply_date": proposed, "agreed_reply_date": proposed},
                      {"agreed": False, "proposedReplyDate": proposed.isoformat()})


def answer(world: World, story: Story, at: datetime, *, required_message: bool = False) -> datetime:
    rng = world.rng
    record = story.record
    responder = world.directory.by_id[record.responding_authority_id or 0]
    actor = world.staff.actor(rng, responder, record.legal_area, HANDLER)
    given = {} if record.answers else content.answers(rng, record.procedure, record.questions, actor.language)
    note = (content.message(rng, "answer", actor.language)
            if required_message or not given or rng.random() < ANSWER_MESSAGE else None)
    changes: dict[str, object] = {"answers": {**record.answers, **given}}
    if record.answered_at is None:
        changes["answered_at"] = AT
    return story.step(Action.ANSWER, at, actor, changes, {"answered": sorted(given)}, note)


def withdraw(world: World, story: Story, at: datetime, requester: Actor) -> datetime:
    rng = world.rng
    note = content.message(rng, "withdraw", requester.language) if rng.random() < 0.7 else None
    return story.step(Action.WITHDRAW, at, requester, {"withdrawn_at": AT}, {}, note)


def close(world: World, story: Story, at: datetime, requester: Actor, tier: Tier) -> datetime:
    rng = world.rng
    timeliness = efforts = None
    if rng.random() < SURVEY:
        timeliness = rating(rng, tier.negative_timeliness)
        efforts = rating(rng, tier.negative_efforts) if rng.random() < 0.95 else None
    rules.check_survey(timeliness, efforts)
    return story.step(Action.CLOSE, at, requester,
                      {"closed_at": AT, "survey_timeliness": timeliness, "survey_efforts": efforts},
                      {"survey": timeliness is not None or efforts is not None})


def refer(world: World, story: Story, at: datetime, requester: Actor) -> tuple[datetime, Actor]:
    rng = world.rng
    record = story.record
    requesting = world.directory.by_id[record.requesting_authority_id]
    coordinator = world.directory.by_id[world.directory.referral_coordinator(requesting, record.legal_area)]
    at = story.step(Action.REFER, at, requester, {"referral_coordinator_id": coordinator.id},
                    {"to": coordinator.id}, content.message(rng, "refer", requester.language))
    return at, world.staff.actor(rng, coordinator, record.legal_area, Profile.REFERRAL_HANDLER)


def note(world: World, story: Story, at: datetime, requester: Actor) -> datetime:
    """A message from the requester or the responder, without changing the state."""
    rng = world.rng
    record = story.record
    if rng.random() < 0.5:
        actor = requester
    else:
        responder = world.directory.by_id[record.responding_authority_id or 0]
        actor = world.staff.actor(rng, responder, record.legal_area, HANDLER)
    text = content.message(rng, "note", actor.language)
    return story.step(Action.ADD_MESSAGE, at, actor, {}, {}, text)


def _forward_target(world: World, story: Story, year: int) -> AuthorityPlan | None:
    rng = world.rng
    record = story.record
    country = record.responding_country or ""
    if rng.random() < FORWARD_TO_COORDINATOR:
        return world.directory.by_id[world.directory.national[country]]
    return world.directory.pick(rng, country, record.legal_area, year, exclude=record.responding_authority_id)


def _forwards(world: World, story: Story, at: datetime, year: int) -> datetime:
    """Forward once (to another authority, or to the coordinator who passes it on)."""
    rng = world.rng
    target = _forward_target(world, story, year)
    if target is None or target.id == story.record.responding_authority_id:
        return at
    at = forward(world, story, after(at, int(5 * rng.random() ** 2), rng), target)
    if target.id == world.directory.national.get(target.country):
        onward = world.directory.pick(rng, target.country, story.record.legal_area, year)
        if onward is not None:
            at = forward(world, story, after(at, rng.randint(1, 4), rng), onward)
    return at


def _answer_day_offset(rng: random.Random, tier: Tier, window: int) -> int:
    """Days from acceptance to answer: within the agreed time, or after it."""
    if rng.random() < tier.on_time:
        return round(max(window, 0) * rng.random() ** tier.answer_skew)
    return window + min(LATEST_LATENESS_DAYS, 1 + int(rng.expovariate(1 / tier.lateness_days)))


def _sent(world: World, story: Story, requester: Actor, seed: Seed) -> datetime:
    """Send (most with the default reply time), sometimes modify the request just after."""
    rng = world.rng
    assert seed.sent_at is not None
    reply_days = DEFAULT_REPLY_DAYS if rng.random() < 0.7 else rng.randint(7, 45)
    at = send(world, story, requester, seed.sent_at, reply_days)
    if rng.random() < MODIFY:
        story.step(Action.MODIFY, after(at, rng.randint(0, 2), rng), requester, {}, {"fields": ["personal_data"]})
    return at


def _accepted(world: World, story: Story, sent: datetime, tier: Tier) -> datetime:
    """Forwarded on the way sometimes, then accepted within a week or later, as the tier behaves."""
    rng = world.rng
    at = story.last
    if rng.random() < FORWARD:
        at = _forwards(world, story, at, sent.year)
    if rng.random() < tier.accept_within_7:
        delay = int(7 * rng.random() ** 2.2)
    else:
        delay = min(LATEST_ACCEPTANCE_DAYS, 8 + int(rng.expovariate(1 / tier.late_accept_days)))
    moment = max(after(sent, delay, rng), at + timedelta(minutes=rng.randint(5, 120)))
    accepted = accept(world, story, moment, tier.propose_date)
    if rng.random() < FORWARD_AFTER_ACCEPTANCE:
        target = world.directory.pick(rng, story.record.responding_country or "", story.record.legal_area,
                                      sent.year, exclude=story.record.responding_authority_id)
        if target is not None:
            at = forward(world, story, after(accepted, rng.randint(1, 5), rng), target)
            accepted = accept(world, story, after(at, rng.randint(0, 3), rng), tier.propose_date)
    return accepted


def _answered(world: World, story: Story, accepted: datetime, tier: Tier, requester: Actor) -> datetime:
    """Answered by or after the agreed date, with further-information rounds now and then."""
    rng = world.rng
    agreed = story.record.agreed_reply_date
    assert agreed is not None
    offset = _answer_day_offset(rng, tier, (agreed - accepted.date()).days)
    answer_at = after(accepted, offset, rng) if offset else accepted + timedelta(minutes=rng.randint(20, 300))
    at = accepted
    if rng.random() < NOTE and answer_at - at > timedelta(days=2):
        at = note(world, story, at + (answer_at - at) / 2, requester)
    at = answer(world, story, answer_at)
    rounds = 0
    while rng.random() < (FURTHER_INFORMATION if rounds == 0 else SECOND_ROUND):
        rounds += 1
        at = story.step(Action.REQUEST_FURTHER_INFORMATION, after(at, rng.randint(1, 8), rng), requester,
                        {"round": rounds}, {"round": rounds},
                        content.message(rng, "further_information", requester.language))
        at = answer(world, story, after(at, 1 + int(rng.expovariate(1 / 6)), rng), required_message=True)
    return at


def _referred(world: World, story: Story, at: datetime, requester: Actor) -> datetime | None:
    """Referred to the coordinator, who returns it (answered again: returns when) or closes it (None)."""
    rng = world.rng
    at, coordinator = refer(world, story, after(at, rng.randint(2, 12), rng), requester)
    when = after(at, rng.randint(1, 10), rng)
    if rng.random() >= RETURNED_FROM_REFERRAL:
        story.step(Action.CLOSE_REFERRAL, when, coordinator, {"closed_at": AT}, {},
                   content.message(rng, "return", coordinator.language) if rng.random() < 0.5 else None)
        return None
    at = story.step(Action.RETURN_FROM_REFERRAL, when, coordinator, {}, {},
                    content.message(rng, "return", coordinator.language))
    return answer(world, story, after(at, rng.randint(2, 15), rng), required_message=True)


def live(world: World, seed: Seed) -> RequestRecord:
    """Tell a request's story up to `now`; the record says where it stands."""
    rng = world.rng
    tier = world.tiers[seed.responder.country]
    story, requester = begin(world, seed)
    try:
        if seed.sent_at is None:
            if seed.withdraw_draft:
                withdraw(world, story, after(seed.created_at, rng.randint(0, 20), rng), requester)
            return story.record
        sent = _sent(world, story, requester, seed)
        if rng.random() < WITHDRAW_BEFORE_ACCEPTANCE:
            days = rng.randint(0, 6) if rng.random() < WITHDRAW_QUICKLY else rng.randint(8, 40)
            withdraw(world, story, after(sent, days, rng), requester)
            return story.record
        accepted = _accepted(world, story, sent, tier)
        if rng.random() < WITHDRAW_AFTER_ACCEPTANCE:
            withdraw(world, story, after(accepted, rng.randint(1, 15), rng), requester)
            return story.record
        at: datetime | None = _answered(world, story, accepted, tier, requester)
        if rng.random() < REFER:
            at = _referred(world, story, story.last, requester)
        if at is not None:
            close(world, story, after(at, int(20 * rng.random() ** 2.5), rng), requester, tier)
    except Later:
        pass
    return story.record
