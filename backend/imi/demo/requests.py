"""Planning the requests of each year: how many per legal area, who asks whom (the published flows), and
when each was written and sent. Pure: it yields seeds in the order they were written."""

import bisect
import itertools
import random
from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime, timedelta
from functools import cache

from imi.demo.behaviour import Seed, World
from imi.demo.calibration import flows, requests_per_year, year_bounds
from imi.demo.directory import AuthorityPlan
from imi.demo.stories import office_time
from imi.demo.vocabulary import REQUEST_AREAS
from imi.reference import ExchangeKind, procedures

ABANDONED_DRAFTS = 0.01
"""Drafts withdrawn without being sent, as a share of the requests sent."""
OPEN_DRAFT_DAYS = 10
OPEN_DRAFTS = 0.05
"""Drafts still being written: this share of the requests of the last `OPEN_DRAFT_DAYS` days."""


@cache
def request_procedure(area: str) -> str:
    """The information-request procedure of a legal area."""
    return next(p.code for p in procedures() if p.legal_area == area and p.kind is ExchangeKind.REQUEST)


class _Weighted:
    """Countries drawn by weight, excluding one if asked."""

    def __init__(self, weights: Mapping[str, float]) -> None:
        self.codes = sorted(weights)
        self.cumulative = list(itertools.accumulate(weights[c] for c in self.codes))

    def draw(self, rng: random.Random, exclude: str | None = None) -> str:
        while True:
            code = self.codes[bisect.bisect_right(self.cumulative, rng.random() * self.cumulative[-1])]
            if code != exclude:
                return code


def _weekday(rng: random.Random, first: date, last: date) -> date:
    span = (last - first).days
    for _ in range(20):
        day = first + timedelta(days=rng.randint(0, span))
        if day.weekday() < 5:
            return day
    return last


def _created_before(rng: random.Random, sent: datetime, year_start: datetime) -> datetime:
    roll = rng.random()
    if roll < 0.7:
        back = timedelta(minutes=rng.randint(5, 120))
    elif roll < 0.95:
        back = timedelta(days=rng.randint(1, 3), minutes=rng.randint(0, 300))
    else:
        back = timedelta(days=rng.randint(4, 10))
    return max(sent - back, year_start)


class RequestPlanner:
    """Draws the requests of each year from the calibration."""

    def __init__(self, world: World, scale: float) -> None:
        self.world = world
        self.counts = requests_per_year(scale, world.now)
        every = flows()
        self.senders = {area: _Weighted(every.send[area]) for area in REQUEST_AREAS}
        self.receivers = {area: _Weighted(every.receive[area]) for area in REQUEST_AREAS}

    def planned(self) -> int:
        """How many requests will be sent, over all years."""
        return sum(sum(by_area.values()) for by_area in self.counts.values())

    def _pair(self, area: str, year: int) -> tuple[AuthorityPlan, AuthorityPlan]:
        rng = self.world.rng
        directory = self.world.directory
        for _ in range(100):
            asking = self.senders[area].draw(rng)
            asked = self.receivers[area].draw(rng, exclude=asking)
            requester = directory.pick(rng, asking, area, year)
            responder = directory.pick(rng, asked, area, year)
            if requester and responder:
                return requester, responder
        raise RuntimeError(f"no authorities to exchange requests in {area} in {year}")

    def year(self, year: int) -> list[Seed]:
        """The year's seeds in the order they were written: sent requests, and drafts never sent."""
        rng = self.world.rng
        now = self.world.now
        first, last = year_bounds(year, now)
        year_start = datetime(year, 1, 1, tzinfo=UTC)
        seeds: list[Seed] = []
        for area in REQUEST_AREAS:
            code = request_procedure(area)
            count = self.counts[year][area]
            for _ in range(count):
                requester, responder = self._pair(area, year)
                sent = min(office_time(_weekday(rng, first, last), rng), now - timedelta(minutes=rng.randint(1, 90)))
                seeds.append(Seed(code, area, requester, responder, _created_before(rng, sent, year_start), sent))
            for _ in range(round(count * ABANDONED_DRAFTS)):
                requester, responder = self._pair(area, year)
                written = office_time(_weekday(rng, first, last), rng)
                if written < now - timedelta(days=30):
                    seeds.append(Seed(code, area, requester, responder, written, None, withdraw_draft=True))
            if year == now.year:
                recent = count * OPEN_DRAFT_DAYS / max(1, (last - first).days + 1)
                for _ in range(round(recent * OPEN_DRAFTS)):
                    requester, responder = self._pair(area, year)
                    written = now - timedelta(days=rng.random() * OPEN_DRAFT_DAYS)
                    seeds.append(Seed(code, area, requester, responder, written, None))
        seeds.sort(key=lambda s: s.created_at)
        return seeds

    def years(self) -> Iterator[tuple[int, list[Seed]]]:
        for year in sorted(self.counts):
            yield year, self.year(year)
