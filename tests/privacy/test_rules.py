"""Retention rules, case by case, with dates at the edges."""

from datetime import UTC, date, datetime, timedelta

import pytest

from imi.privacy import rules
from imi.privacy.rules import Basis, Facts, Step
from imi.reference import procedures
from imi.reference.procedures import Retention

SIX = Retention(block_after_months=6, delete_after_years=3)
EIGHTEEN = Retention(block_after_months=18, delete_after_years=3)
SECOND = timedelta(seconds=1)


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def request(*, last_activity: datetime | None = None, closed_at: datetime | None = None,
            withdrawn_at: datetime | None = None) -> Facts:
    """A request sent on 5 January 2026 (last active on the 10th unless said)."""
    return Facts("REQUEST", last_activity or at(2026, 1, 10, 9), at(2026, 1, 5, 9), closed_at, withdrawn_at)


@pytest.mark.parametrize(("start", "months", "expected"), [
    (at(2026, 3, 2, 9), 6, at(2026, 9, 2, 9)),
    (at(2026, 8, 31, 23, 59), 6, at(2027, 2, 28, 23, 59)),  # February lacks the 31st
    (at(2027, 8, 31, 12), 6, at(2028, 2, 29, 12)),  # ... but has a 29th in a leap year
    (at(2028, 2, 29, 8), 36, at(2031, 2, 28, 8)),  # a leap day three years on
    (at(2028, 2, 29, 8), 48, at(2032, 2, 29, 8)),
    (at(2026, 7, 31, 10), 18, at(2028, 1, 31, 10)),
    (at(2026, 12, 15), 1, at(2027, 1, 15)),
    (at(2026, 3, 31, 6), -1, at(2026, 2, 28, 6)),
])
def test_calendar_months_in_utc(start: datetime, months: int, expected: datetime) -> None:
    assert rules.add_months(start, months) == expected


def test_months_are_counted_in_utc_whatever_the_offset_given() -> None:
    from datetime import timezone

    evening = datetime(2026, 8, 31, 23, 30, tzinfo=timezone(timedelta(hours=-2)))  # 1 September 01:30 UTC
    assert rules.add_months(evening, 6) == at(2027, 3, 1, 1, 30)


def test_blocked_exactly_six_months_and_deleted_exactly_three_years_after_closure() -> None:
    closed = at(2026, 4, 30, 15, 45, 12)
    plan = rules.schedule(request(closed_at=closed), SIX)
    assert plan == rules.Schedule(Basis.FORMAL_CLOSURE, at(2026, 10, 30, 15, 45, 12), at(2029, 4, 30, 15, 45, 12))
    assert plan.block_at is not None and plan.delete_at is not None
    assert rules.due(plan, blocked=False, deleted=False, now=plan.block_at - SECOND) is None
    assert rules.due(plan, blocked=False, deleted=False, now=plan.block_at) is Step.BLOCK
    assert rules.due(plan, blocked=True, deleted=False, now=plan.block_at + timedelta(days=400)) is None
    assert rules.due(plan, blocked=True, deleted=False, now=plan.delete_at - SECOND) is None
    assert rules.due(plan, blocked=True, deleted=False, now=plan.delete_at) is Step.DELETE
    assert rules.due(plan, blocked=True, deleted=True, now=plan.delete_at + timedelta(days=9)) is None


def test_a_procedure_may_keep_the_data_up_to_eighteen_months() -> None:
    closed = at(2026, 8, 31, 10)
    plan = rules.schedule(request(closed_at=closed), EIGHTEEN)
    assert plan.block_at == at(2028, 2, 29, 10), "18 months on, the leap day stands in for the 31st"
    assert plan.delete_at == at(2029, 8, 31, 10)
    assert rules.due(plan, blocked=False, deleted=False, now=at(2027, 2, 28, 10)) is None, "not at six months"


def test_a_leap_day_closure_is_deleted_on_the_28th_of_february_three_years_on() -> None:
    plan = rules.schedule(request(closed_at=at(2028, 2, 29, 8)), SIX)
    assert (plan.block_at, plan.delete_at) == (at(2028, 8, 29, 8), at(2031, 2, 28, 8))


def test_withdrawal_is_a_formal_closure_and_the_earlier_end_counts() -> None:
    assert rules.schedule(request(withdrawn_at=at(2026, 5, 1)), SIX).block_at == at(2026, 11, 1)
    both = rules.schedule(request(closed_at=at(2026, 6, 1), withdrawn_at=at(2026, 5, 1)), SIX)
    assert both.basis is Basis.FORMAL_CLOSURE and both.block_at == at(2026, 11, 1)


def test_deletion_overdue_at_the_first_run_deletes_at_once() -> None:
    plan = rules.schedule(request(closed_at=at(2020, 1, 1)), SIX)
    assert rules.due(plan, blocked=False, deleted=False, now=at(2026, 3, 2)) is Step.DELETE


def test_an_unsent_draft_counts_from_its_last_activity() -> None:
    draft = Facts(kind="REQUEST", last_activity=at(2026, 3, 2, 9))
    plan = rules.schedule(draft, SIX)
    assert plan == rules.Schedule(Basis.NEVER_SENT, at(2026, 9, 2, 9), at(2029, 3, 2, 9))
    touched = rules.schedule(Facts(kind="REQUEST", last_activity=at(2026, 8, 1)), SIX)
    assert touched.block_at == at(2027, 2, 1), "any activity starts the count again"


def test_an_open_exchange_is_kept_while_active_and_deleted_after_three_idle_years() -> None:
    plan = rules.schedule(request(last_activity=at(2026, 3, 2, 9)), SIX)
    assert plan == rules.Schedule(Basis.ABANDONED, at(2029, 3, 2, 9), at(2029, 3, 2, 9))
    assert rules.due(plan, blocked=False, deleted=False, now=at(2029, 3, 2, 8, 59, 59)) is None
    assert rules.due(plan, blocked=False, deleted=False, now=at(2029, 3, 2, 9)) is Step.DELETE


def alert(*, closed_at: datetime | None = None, withdrawn_at: datetime | None = None,
          period_end: date | None = None) -> Facts:
    """An alert sent on 2 March 2026."""
    return Facts("ALERT", at(2026, 3, 2, 9), at(2026, 3, 2, 9), closed_at, withdrawn_at, period_end)


def test_an_alert_is_deleted_as_soon_as_it_is_no_longer_valid() -> None:
    closed = rules.schedule(alert(closed_at=at(2026, 6, 1, 12)), SIX)
    assert closed == rules.Schedule(Basis.ALERT_NO_LONGER_VALID, at(2026, 6, 1, 12), at(2026, 6, 1, 12))
    assert rules.due(closed, blocked=False, deleted=False, now=at(2026, 6, 1, 12)) is Step.DELETE
    withdrawn = rules.schedule(alert(withdrawn_at=at(2026, 4, 1)), SIX)
    assert withdrawn.delete_at == at(2026, 4, 1)


def test_an_alert_is_valid_through_the_last_day_of_its_restriction() -> None:
    plan = rules.schedule(alert(period_end=date(2028, 2, 29)), SIX)
    assert plan.delete_at == at(2028, 3, 1), "from the start of the day after, in UTC"
    assert rules.due(plan, blocked=False, deleted=False, now=at(2028, 2, 29, 23, 59, 59)) is None
    assert rules.due(plan, blocked=False, deleted=False, now=at(2028, 3, 1)) is Step.DELETE
    earlier = rules.schedule(alert(period_end=date(2030, 1, 1), closed_at=at(2027, 5, 5)), SIX)
    assert earlier.delete_at == at(2027, 5, 5), "closed before its restriction ended"


def test_a_valid_alert_without_end_is_kept_however_old() -> None:
    assert rules.schedule(alert(), SIX) == rules.NEVER
    old = Facts(kind="ALERT", last_activity=at(2010, 1, 1), sent_at=at(2010, 1, 1))
    assert rules.due(rules.schedule(old, SIX), blocked=False, deleted=False, now=at(2026, 3, 2)) is None


def test_an_unsent_alert_draft_is_treated_as_a_draft_unless_its_period_ended_first() -> None:
    draft = Facts(kind="ALERT", last_activity=at(2026, 3, 2, 9), period_end=date(2030, 1, 1))
    assert rules.schedule(draft, SIX).delete_at == at(2026, 9, 2, 9)
    lapsed = Facts(kind="ALERT", last_activity=at(2026, 3, 2, 9), period_end=date(2026, 3, 10))
    assert rules.schedule(lapsed, SIX).delete_at == at(2026, 3, 11)
    plain = Facts(kind="ALERT", last_activity=at(2026, 3, 2, 9))
    assert rules.schedule(plain, SIX).basis is Basis.NEVER_SENT


@pytest.mark.parametrize("retention", [Retention(0, 3), Retention(19, 3), Retention(6, 4), Retention(6, 0),
                                       Retention(18, 1)])
def test_retention_beyond_the_regulation_is_refused(retention: Retention) -> None:
    with pytest.raises(ValueError):
        rules.check_retention(retention)


def test_every_procedure_keeps_within_the_regulation() -> None:
    for found in procedures():
        rules.check_retention(found.retention)


def test_candidates_are_cut_at_the_shortest_periods() -> None:
    block, delete = rules.earliest_candidates(at(2026, 3, 31, 9), [EIGHTEEN, SIX, Retention(12, 2)])
    assert (block, delete) == (at(2025, 9, 30, 9), at(2024, 3, 31, 9))


def test_deletion_scrubs_free_text_and_personal_items_only() -> None:
    answers = {"q.text": "Dr. Jan Kowalski, Kraków", "q.yes": "YES", "q.date": "2020-01-01", "q.list": ["a", "b"],
               "name": "Jan Kowalski"}
    scrubbed = rules.scrub_answers(answers, ["q.text", "q.list"], ["name"])
    assert scrubbed == {"q.text": rules.DELETED_TEXT, "q.yes": "YES", "q.date": "2020-01-01", "q.list": ["a", "b"]}
