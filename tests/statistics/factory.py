"""Requests written straight into the database (the rollup's triggers see every write), and their facts."""

import random
from datetime import UTC, date, datetime, timedelta

from imi.authorities.models import Authority, AuthorityStatus
from imi.exchanges.models import Exchange
from imi.statistics.indicators import RequestFacts

PROCEDURES = {"PROFESSIONAL_QUALIFICATIONS": "PQ_REQUEST", "SERVICES": "SERVICES_REQUEST",
              "POSTING_OF_WORKERS": "POSTING_REQUEST", "PATIENTS_RIGHTS": "PATIENTS_REQUEST"}


async def authorities(countries: list[str], now: datetime) -> dict[str, int]:
    """One plain authority per country: its id."""
    found = {}
    for country in countries:
        row = await Authority.create(country=country, level="NATIONAL", official_name=f"Authority {country}",
                                     official_language="en", status=AuthorityStatus.ACTIVE, created_at=now,
                                     updated_at=now)
        found[country] = row.id
    return found


def state_of(f: RequestFacts) -> str:
    if f.withdrawn_at:
        return "WITHDRAWN"
    if f.closed_at:
        return "CLOSED"
    if f.answered_at:
        return "ANSWERED"
    return "ACCEPTED" if f.accepted_at else "SENT"


def exchange(reference: str, f: RequestFacts, sender_country: str, ids: dict[str, int],
             kind: str = "REQUEST") -> Exchange:
    return Exchange(
        reference=reference, kind=kind, procedure=PROCEDURES.get(f.legal_area, "PQ_REQUEST"),
        legal_area=f.legal_area, state=state_of(f), requesting_authority_id=ids[sender_country],
        responding_authority_id=ids[f.receiving_country], requesting_country=sender_country,
        responding_country=f.receiving_country, subject="s", subject_language="en", created_at=f.sent_at,
        updated_at=f.sent_at, sent_at=f.sent_at, accepted_at=f.accepted_at, answered_at=f.answered_at,
        withdrawn_at=f.withdrawn_at, closed_at=f.closed_at, agreed_reply_date=f.agreed_reply_date,
        requested_reply_date=f.agreed_reply_date, survey_timeliness=f.timeliness, survey_efforts=f.efforts,
    )


def random_facts(rng: random.Random, countries: list[str], areas: list[str], first: date, days: int) -> RequestFacts:
    """A request with a plausible but varied history, timestamps at any minute of the day."""
    sent = datetime.combine(first, datetime.min.time(), tzinfo=UTC) + timedelta(
        days=rng.randrange(days), minutes=rng.randrange(24 * 60))
    step = lambda low, high: timedelta(days=rng.randint(low, high), minutes=rng.randrange(24 * 60))  # noqa: E731
    accepted = sent + step(0, 12) if rng.random() < 0.85 else None
    answered = accepted + step(0, 35) if accepted and rng.random() < 0.8 else None
    closed = answered + step(0, 10) if answered and rng.random() < 0.7 else None
    withdrawn = None
    if not closed and rng.random() < 0.15:
        withdrawn = max(t for t in (sent, accepted, answered) if t) + step(0, 10)
    agreed = (sent + timedelta(days=rng.randint(5, 30))).date() if accepted and rng.random() < 0.95 else None
    rating = lambda: rng.choice([1, 2, 3, 4, 5]) if closed and rng.random() < 0.6 else None  # noqa: E731
    return RequestFacts(
        receiving_country=rng.choice(countries), legal_area=rng.choice(areas), sent_at=sent, accepted_at=accepted,
        answered_at=answered, withdrawn_at=withdrawn, closed_at=closed, agreed_reply_date=agreed,
        timeliness=rating(), efforts=rating(),
    )
