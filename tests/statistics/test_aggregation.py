"""The database computes exactly what the pure method computes: rollup triggers, month/day plan, any period."""

import random
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from imi import db
from imi.exchanges.models import Exchange
from imi.statistics import aggregation, rollup
from imi.statistics.indicators import (
    SCOREBOARD_AREAS,
    Counts,
    Period,
    RequestFacts,
    in_scope,
    last_day_with_known_acceptance,
    tally,
)
from imi.statistics.sql import values
from tests.statistics import factory

COUNTRIES = ["DE", "PL", "FR", "EL", "IS"]
AREAS = [*SCOREBOARD_AREAS, "SOLVIT"]


def test_plan_reads_whole_months_from_month_rows_and_the_rest_from_days() -> None:
    plan = aggregation.plan
    assert plan(Period.year(2019), date(2030, 1, 1)) == aggregation.Plan((date(2019, 1, 1), date(2019, 12, 1)), ())
    assert plan(Period(date(2019, 1, 15), date(2019, 4, 10)), date(2030, 1, 1)) == aggregation.Plan(
        (date(2019, 2, 1), date(2019, 3, 1)), ((date(2019, 1, 15), date(2019, 1, 31)),
                                               (date(2019, 4, 1), date(2019, 4, 10))))
    # the acceptance window is still open from 2019-11-23 on: November and December come from day rows
    assert plan(Period.year(2019), date(2019, 11, 22)) == aggregation.Plan(
        (date(2019, 1, 1), date(2019, 10, 1)), ((date(2019, 11, 1), date(2019, 12, 31)),))
    assert plan(Period(date(2019, 2, 3), date(2019, 2, 20)), date(2030, 1, 1)) == aggregation.Plan(
        None, ((date(2019, 2, 3), date(2019, 2, 20)),))
    assert plan(Period(date(2019, 12, 1), date(2020, 1, 31)), date(2030, 1, 1)).months == (
        date(2019, 12, 1), date(2020, 1, 1))


def expected(facts: list[RequestFacts], period: Period, areas: list[str], today: date) -> dict[str, Counts]:
    found: dict[str, Counts] = {}
    for f in facts:
        if in_scope(f, period, areas):
            found[f.receiving_country] = found.get(f.receiving_country, Counts()) + tally(f, today)
    return found


async def rollup_rows() -> set[tuple]:
    _, rows = await db.connection().execute_query(f"SELECT * FROM {rollup.TABLE}")
    found = set()
    for row in rows:
        cells = values(row)
        if any(cells[4:]):  # rows whose requests all moved away are all zeros: the same as no row
            found.add((cells[0], str(cells[1]), *cells[2:]))
    return found


async def test_database_counts_equal_the_pure_method_for_any_period(clean_db, clock) -> None:
    rng = random.Random(20240506)
    ids = await factory.authorities(COUNTRIES, clock.now())
    facts = [factory.random_facts(rng, COUNTRIES, AREAS, date(2024, 1, 20), 85) for _ in range(400)]
    senders = [rng.choice([c for c in COUNTRIES if c != f.receiving_country]) for f in facts]
    await Exchange.bulk_create([factory.exchange(f"R{i}", f, s, ids) for i, (f, s) in enumerate(
        zip(facts, senders, strict=True))])
    # exchanges that are no information requests, or not sent, or deleted, do not count
    alert = factory.random_facts(rng, COUNTRIES, AREAS, date(2024, 2, 1), 10)
    await Exchange.bulk_create([factory.exchange("A1", alert, "DE", ids, kind="ALERT")])
    draft = factory.exchange("D1", facts[0], senders[0], ids)
    draft.sent_at = None
    await draft.save()
    # the workflow moves on: later changes replace each request's contribution
    rows = {e.reference: e for e in await Exchange.filter(reference__startswith="R")}
    for i in rng.sample(range(len(facts)), 120):
        f = facts[i]
        moved = replace(factory.random_facts(rng, [f.receiving_country], [f.legal_area], f.sent_at.date(), 1),
                        sent_at=f.sent_at)
        facts[i] = moved
        await Exchange.filter(id=rows[f"R{i}"].id).update(
            accepted_at=moved.accepted_at, answered_at=moved.answered_at, withdrawn_at=moved.withdrawn_at,
            closed_at=moved.closed_at, agreed_reply_date=moved.agreed_reply_date,
            survey_timeliness=moved.timeliness, survey_efforts=moved.efforts)
    gone = rng.sample(range(len(facts)), 15)
    await Exchange.filter(reference__in=[f"R{i}" for i in gone]).delete()
    facts = [f for i, f in enumerate(facts) if i not in set(gone)]

    checks = [
        (Period.year(2024), list(SCOREBOARD_AREAS), date(2025, 6, 1)),
        (Period(date(2024, 2, 1), date(2024, 2, 29)), list(SCOREBOARD_AREAS), date(2025, 6, 1)),
        (Period(date(2024, 1, 28), date(2024, 3, 3)), ["SERVICES"], date(2025, 6, 1)),
        (Period(date(2024, 2, 14), date(2024, 2, 14)), AREAS, date(2025, 6, 1)),
        (Period.year(2024), list(SCOREBOARD_AREAS), date(2024, 3, 20)),  # the window is open in March
        (Period(date(2024, 1, 1), date(2024, 3, 31)), ["SOLVIT", "PATIENTS_RIGHTS"], date(2024, 2, 10)),
        (Period(date(2023, 1, 1), date(2023, 12, 31)), list(SCOREBOARD_AREAS), date(2025, 6, 1)),
    ]
    for period, areas, today in checks:
        got = await aggregation.counts_by_country(period, areas, last_day_with_known_acceptance(today))
        assert got == expected(facts, period, areas, today), (period, areas, today)
    assert sum(c.requests + c.withdrawn_early for c in expected(facts, *checks[0][:2], date(2025, 6, 1)).values())

    # the triggers kept the same rows as a full recomputation
    maintained = await rollup_rows()
    async with db.transaction() as conn:
        await rollup.rebuild(conn)
    assert await rollup_rows() == maintained


@pytest.mark.parametrize("grain", [rollup.DAY, rollup.MONTH])
async def test_rollup_keys_are_utc_days_and_months(clean_db, clock, grain: str) -> None:
    ids = await factory.authorities(["DE", "PL"], clock.now())
    late_evening_in_warsaw = datetime(2024, 3, 31, 23, 30, tzinfo=timezone(timedelta(hours=2)))  # 21:30 UTC
    facts = RequestFacts("PL", "SERVICES", late_evening_in_warsaw.astimezone(UTC))
    await Exchange.bulk_create([factory.exchange("R1", facts, "DE", ids)])
    _, rows = await db.connection().execute_query(
        f"SELECT period_start FROM {rollup.TABLE} WHERE grain = '{grain}'")
    assert [str(values(r)[0]) for r in rows] == ["2024-03-31" if grain == rollup.DAY else "2024-03-01"]
