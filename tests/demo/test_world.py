"""The planned demo world, before storage: stories that follow the workflow, calibrated volumes and flows,
a spread of country performance, and open requests in every state."""

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from tests.demo import indicators

from imi.authorities.models import AuthorityStatus, CoordinatorRole, Level
from imi.demo.calibration import published_totals, requests_per_year, volumes
from imi.demo.directory import plan_directory
from imi.demo.simulation import DemoWorld, plan_world, stream
from imi.demo.stories import CREATE, WITHOUT_VERSION, RequestRecord
from imi.demo.vocabulary import REQUEST_AREAS
from imi.exchanges import rules
from imi.exchanges.rules import Action, State
from imi.reference import countries

NOW = datetime(2026, 11, 28, tzinfo=UTC)
SCALE = 3.0
OPEN = {State.DRAFT, State.SENT, State.ACCEPTED, State.ANSWERED, State.REFERRED}
PUBLISHED_TOTALS = {2008: 374, 2009: 1452, 2010: 2017, 2011: 2699, 2012: 4306, 2013: 5957, 2014: 7595,
                    2015: 9665, 2016: 11894, 2017: 14764, 2018: 16254, 2019: 18810}
"""Requests per year as published (the CSV to 2016, the totals for 2017–2019)."""


def _national_ids() -> dict[str, int]:
    return {c.code: index + 1 for index, c in enumerate(countries())}


@pytest.fixture(scope="module")
def world() -> DemoWorld:
    return plan_world(SCALE, 2024, NOW, _national_ids(), 100, 1)


@pytest.fixture(scope="module")
def records(world: DemoWorld) -> list[RequestRecord]:
    return list(world.requests())


def _replay(record: RequestRecord) -> State:
    """Replay the steps through the rules alone, following who responds and who coordinates as they change."""
    state = State.DRAFT
    responding: int | None = None
    referral: int | None = None
    version = 1
    previous = record.created_at
    assert record.steps[0].action == CREATE and record.steps[0].at == record.created_at
    for step in record.steps[1:]:
        assert previous <= step.at <= NOW
        assert step.from_state == state
        parties = rules.parties(step.actor.authority_id, state, record.requesting_authority_id, responding, referral)
        state = rules.decide(state, Action(step.action), parties, step.actor.profiles)
        assert step.to_state == state
        if step.action in (Action.SEND, Action.FORWARD):
            responding = int(step.data["to"])  # type: ignore[call-overload]
        if step.action == Action.REFER:
            referral = int(step.data["to"])  # type: ignore[call-overload]
        version += step.action not in WITHOUT_VERSION
        previous = step.at
    assert responding in (None, record.responding_authority_id)
    assert version == record.version
    return state


def _first(record: RequestRecord, action: Action) -> datetime | None:
    return next((s.at for s in record.steps if s.action == action), None)


def _last(record: RequestRecord, *actions: Action) -> datetime | None:
    return next((s.at for s in reversed(record.steps) if s.action in actions), None)


def test_every_story_follows_the_workflow_rules(records: list[RequestRecord]) -> None:
    for record in records:
        assert _replay(record) is record.state


def test_dates_agree_with_the_timeline(records: list[RequestRecord]) -> None:
    for record in records:
        assert record.sent_at == _first(record, Action.SEND)
        assert record.answered_at == _first(record, Action.ANSWER)
        assert record.closed_at == _last(record, Action.CLOSE, Action.CLOSE_REFERRAL)
        assert record.withdrawn_at == _last(record, Action.WITHDRAW)
        assert record.updated_at == record.steps[-1].at
        if record.sent_at:
            assert record.requested_reply_date and record.requested_reply_date > record.sent_at.date()
        if record.accepted_at:
            assert record.accepted_at == _last(record, Action.ACCEPT)
            assert record.agreed_reply_date == (record.proposed_reply_date or record.requested_reply_date)
        if record.survey_timeliness is not None:
            assert record.state is State.CLOSED and 1 <= record.survey_timeliness <= 5


def test_open_requests_lie_in_the_weeks_before_now_in_every_state(records: list[RequestRecord]) -> None:
    open_records = [r for r in records if r.state in OPEN]
    assert {r.state for r in open_records} == OPEN
    ages = sorted(NOW - r.created_at for r in open_records)
    assert ages[int(0.9 * len(ages))] < timedelta(weeks=8) and ages[-1] < timedelta(weeks=26)
    accepted = [r for r in open_records if r.state is State.ACCEPTED and r.agreed_reply_date]
    today = NOW.date()
    assert any(r.agreed_reply_date < today for r in accepted)  # type: ignore[operator]
    assert any(today <= r.agreed_reply_date <= today + timedelta(days=3) for r in accepted)  # type: ignore[operator]
    closed = [r for r in records if r.state in (State.CLOSED, State.WITHDRAWN)]
    assert len(closed) > 10 * len(open_records)


def test_requests_per_year_and_area_follow_the_calibration(records: list[RequestRecord]) -> None:
    sent = Counter((r.sent_at.year, r.legal_area) for r in records if r.sent_at)
    for year, by_area in requests_per_year(SCALE, NOW).items():
        for area, expected in by_area.items():
            if year < NOW.year:
                assert sent[year, area] == expected, (year, area)
            else:
                assert sent[year, area] >= expected  # and the open requests shown to the demo sign-ins


def test_the_calibration_reproduces_the_published_totals() -> None:
    assert dict(published_totals()) == PUBLISHED_TOTALS
    generated = volumes()
    for year, total in PUBLISHED_TOTALS.items():
        areas = generated.year(year)
        assert areas["PROFESSIONAL_QUALIFICATIONS"] == max(areas.values())
        assert 0.85 * total <= sum(areas.values()) <= total  # the rest were requests in other legal areas
    growth = [sum(generated.year(y).values()) for y in range(2008, NOW.year + 1)]
    assert growth == sorted(growth)
    assert 350_000 <= sum(growth[:-1]) + growth[-1] * 11 / 12 <= 420_000


def test_professional_qualifications_is_the_largest_area_every_year(records: list[RequestRecord]) -> None:
    by_year: dict[int, Counter[str]] = {}
    for record in records:
        if record.sent_at:
            by_year.setdefault(record.sent_at.year, Counter())[record.legal_area] += 1
    for year, areas in by_year.items():
        assert areas.most_common(1)[0][0] == "PROFESSIONAL_QUALIFICATIONS", year


@pytest.mark.parametrize("year", [2017, 2019])
def test_one_country_receives_about_13_percent(records: list[RequestRecord], year: int) -> None:
    received = Counter(r.responding_country for r in records if r.sent_at and r.sent_at.year == year)
    top, count = received.most_common(1)[0]
    assert 0.10 <= count / sum(received.values()) <= 0.16, (top, count)


def test_several_countries_receive_far_more_than_they_send(records: list[RequestRecord]) -> None:
    sent = Counter(r.requesting_country for r in records if r.sent_at)
    received = Counter(r.responding_country for r in records if r.sent_at)
    assert sum(received[c] > 2 * sent[c] for c in received) >= 5
    assert sum(sent[c] > 2 * received[c] for c in sent) >= 5


def test_country_performance_spreads_over_every_colour(records: list[RequestRecord]) -> None:
    values = {code: tally.values() for code, tally in indicators.by_country(records, 2025).items()}
    for indicator in next(iter(values.values())):
        seen = {indicators.colour(indicator, v[indicator]) for v in values.values() if v[indicator] is not None}
        assert seen == {indicators.GREEN, indicators.YELLOW, indicators.RED}, indicator
    assert {indicators.overall(v) for v in values.values()} == {indicators.GREEN, indicators.YELLOW, indicators.RED}


def test_withdrawals_happen_within_and_after_a_week(records: list[RequestRecord]) -> None:
    withdrawn = [r for r in records if r.withdrawn_at and r.sent_at]
    quick = [r for r in withdrawn if r.withdrawn_at - r.sent_at <= timedelta(days=7)]  # type: ignore[operator]
    assert quick and len(quick) < len(withdrawn)
    actions = Counter(s.action for r in records for s in r.steps)
    for action in (Action.FORWARD, Action.REQUEST_FURTHER_INFORMATION, Action.REFER, Action.RETURN_FROM_REFERRAL,
                   Action.CLOSE_REFERRAL, Action.ADD_MESSAGE, Action.MODIFY):
        assert actions[action.value] > 0, action


def test_the_directory_spans_every_country_with_its_coordinators(world: DemoWorld) -> None:
    plans = world.directory.authorities
    assert {p.country for p in plans} == {c.code for c in countries()}
    nationals = [p for p in plans if p.role is CoordinatorRole.NATIONAL]
    assert sorted(p.country for p in nationals) == sorted(c.code for c in countries())
    assert any(p.role is CoordinatorRole.DELEGATED for p in plans)
    assert {p.status for p in plans} == set(AuthorityStatus)
    assert {p.level for p in plans} == set(Level)
    for code in ("DE", "PL", "FR"):
        for area in REQUEST_AREAS:
            assert world.directory.competent(code, area), (code, area)


def test_at_the_real_size_authorities_follow_population() -> None:
    directory = plan_directory(stream(2024, "directory"), 100, NOW, _national_ids(), 100)
    per_country = Counter(p.country for p in directory.authorities)
    assert 12_500 <= sum(per_country.values()) <= 13_500
    ranked = [code for code, _ in per_country.most_common()]
    assert set(ranked[:5]) == {"DE", "FR", "IT", "ES", "PL"}
    assert {"LI", "MT", "LU", "IS"} <= set(ranked[-6:])


def test_the_same_seed_plans_the_same_world() -> None:
    def summary(seed: int) -> list[tuple[str, str, int]]:
        plan = plan_world(0.2, seed, NOW, _national_ids(), 100, 1)
        return [(r.subject, r.state.value, len(r.steps)) for r in plan.requests()]

    assert summary(7) == summary(7)
    assert summary(7) != summary(8)
