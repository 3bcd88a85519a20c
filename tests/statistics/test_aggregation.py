"""The database computes exactly what the pure method computes: rollup triggers, month/day plan, any period."""

import random
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from imi import db
from imi.exchanges.models import Exchange
from imi.statistics import aggregation, periods, rollup, usage, usage_rollup
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
    plan = periods.plan
    assert plan(Period.year(2019), date(2030, 1, 1)) == periods.Plan((date(2019, 1, 1), date(2019, 12, 1)), ())
    assert plan(Period(date(2019, 1, 15), date(2019, 4, 10)), date(2030, 1, 1)) == periods.Plan(
        (date(2019, 2, 1), date(2019, 3, 1)), ((date(2019, 1, 15), date(2019, 1, 31)),
                                               (date(2019, 4, 1), date(2019, 4, 10))))
    # the acceptance window is still open from 2019-11-23 on: November and December come from day rows
    assert plan(Period.year(2019), date(2019, 11, 22)) == periods.Plan(
        (date(2019, 1, 1), date(2019, 10, 1)), ((date(2019, 11, 1), date(2019, 12, 31)),))
    assert plan(Period(date(2019, 2, 3), date(2019, 2, 20)), date(2030, 1, 1)) == periods.Plan(
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


async def usage_rows() -> set[tuple]:
    _, rows = await db.connection().execute_query(f"SELECT * FROM {usage_rollup.TABLE}")
    return {(str(values(r)[0]), *values(r)[1:]) for r in rows}


async def test_usage_counts_equal_a_count_of_the_exchanges(clean_db, clock) -> None:
    rng = random.Random(77)
    ids = await factory.authorities(COUNTRIES, clock.now())
    made = []
    for i in range(300):
        f = factory.random_facts(rng, COUNTRIES, list(SCOREBOARD_AREAS), date(2023, 11, 20), 120)
        sender = rng.choice([c for c in COUNTRIES if c != f.receiving_country])
        kind = rng.choice(["REQUEST", "REQUEST", "ALERT", "NOTIFICATION"])
        row = factory.exchange(f"U{i}", f, sender, ids, kind=kind)
        if kind != "REQUEST":
            row.responding_country = None
        if rng.random() < 0.1:
            row.sent_at = None  # a draft
        made.append(row)
    await Exchange.bulk_create(made)
    stored = {e.reference: e for e in await Exchange.all()}
    for i in rng.sample(range(len(made)), 40):  # drafts sent later, or sending moved
        moved = made[i].sent_at or datetime(2024, 1, 15, 12, tzinfo=UTC)
        made[i].sent_at = moved + timedelta(days=rng.randint(0, 40), hours=rng.randint(0, 23))
        await Exchange.filter(id=stored[f"U{i}"].id).update(sent_at=made[i].sent_at)
    gone = set(rng.sample(range(len(made)), 20))
    await Exchange.filter(reference__in=[f"U{i}" for i in gone]).delete()
    kept = [row for i, row in enumerate(made) if i not in gone]

    def expected(query: usage.UsageQuery) -> list[tuple]:
        keys = usage.key_columns(query.group_by)
        f = query.filters
        found: dict[tuple, int] = {}
        for row in kept:
            if row.sent_at is None or row.sent_at.date() not in query.period:
                continue
            facts = {"year": row.sent_at.year, "quarter": (row.sent_at.month + 2) // 3, "month": row.sent_at.month,
                     "exchange_kind": row.kind, "legal_area": row.legal_area, "procedure": row.procedure,
                     "sending_country": row.requesting_country, "receiving_country": row.responding_country}
            if any(chosen and facts[k] not in chosen for k, chosen in (
                    ("exchange_kind", f.kinds), ("legal_area", f.legal_areas), ("procedure", f.procedures),
                    ("sending_country", f.sending_countries), ("receiving_country", f.receiving_countries))):
                continue
            key = tuple(facts[k] for k in keys)
            found[key] = found.get(key, 0) + 1
        return sorted(((*k, n) for k, n in found.items()), key=lambda r: [(v is None, v) for v in r])

    g = usage.GroupBy
    queries = [
        usage.UsageQuery(Period(date(2023, 1, 1), date(2024, 12, 31)), (g.YEAR, g.EXCHANGE_KIND)),
        usage.UsageQuery(Period(date(2023, 11, 25), date(2024, 2, 10)), (g.MONTH, g.RECEIVING_COUNTRY)),
        usage.UsageQuery(Period(date(2023, 12, 1), date(2024, 3, 31)), (g.QUARTER, g.LEGAL_AREA, g.PROCEDURE),
                         usage.Filters(kinds=("REQUEST",), sending_countries=("DE", "PL"))),
        usage.UsageQuery(Period(date(2024, 1, 3), date(2024, 1, 20)), (g.SENDING_COUNTRY,),
                         usage.Filters(receiving_countries=("FR",))),
        usage.UsageQuery(Period(date(2023, 12, 2), date(2024, 2, 28)), ()),
    ]
    for query in queries:
        rows, truncated = await usage.count(query)
        keys = usage.key_columns(query.group_by)
        got = [(*(getattr(r, k) for k in keys), r.count) for r in rows]
        want = expected(query) or ([(0,)] if not keys else [])
        assert (got, truncated) == (want, False), query

    maintained = await usage_rows()
    async with db.transaction() as conn:
        await usage_rollup.rebuild(conn)
    assert await usage_rows() == maintained
