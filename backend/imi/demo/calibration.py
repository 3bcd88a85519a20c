"""The published figures the demo data reproduces: requests per year and area, who asks whom, and how fast
each country's authorities respond (data files `volumes.yaml`, `flows.yaml`, `performance.yaml`)."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache

from imi.demo.vocabulary import DATA_DIR, REQUEST_AREAS
from imi.reference import countries
from imi.reference.loader import DataFileError, read_yaml

REAL_SCALE = 100.0
"""The scale at which the volumes are the real system's."""


@dataclass(frozen=True, slots=True)
class Volumes:
    """Requests sent per year and area at the real system's size."""

    by_year: Mapping[int, Mapping[str, int]]
    published_years: frozenset[int]
    growth_after: float
    authorities: int
    population_exponent: float

    def year(self, year: int) -> Mapping[str, int]:
        """The full-year volume by area; after the last listed year it grows by `growth_after` a year."""
        if year in self.by_year:
            return self.by_year[year]
        last = max(self.by_year)
        if year < min(self.by_year):
            return dict.fromkeys(REQUEST_AREAS, 0)
        factor = (1 + self.growth_after) ** (year - last)
        return {area: round(count * factor) for area, count in self.by_year[last].items()}


@dataclass(frozen=True, slots=True)
class Tier:
    """How the responding authorities of a country behave (see `performance.yaml`)."""

    name: str
    accept_within_7: float
    late_accept_days: float
    propose_date: float
    on_time: float
    answer_skew: float
    lateness_days: float
    negative_timeliness: float
    negative_efforts: float


@dataclass(frozen=True, slots=True)
class Flows:
    """Per legal area: the weight of each country as requester and as responder."""

    send: Mapping[str, Mapping[str, float]]
    receive: Mapping[str, Mapping[str, float]]
    tiers: Mapping[str, Tier]
    """By country code."""


@cache
def volumes() -> Volumes:
    path = DATA_DIR / "volumes.yaml"
    raw = read_yaml(path)
    by_year: dict[int, dict[str, int]] = {}
    for section in ("published", "continuation"):
        for year, counts in raw[section].items():
            missing = set(REQUEST_AREAS) - set(counts)
            if missing:
                raise DataFileError(path, f"{year}: no figure for {sorted(missing)}")
            by_year[int(year)] = {area: int(counts[area]) for area in REQUEST_AREAS}
    return Volumes(by_year, frozenset(int(y) for y in raw["published"]), float(raw["growth_after"]),
                   int(raw["authorities"]), float(raw["population_exponent"]))


@cache
def published_totals() -> Mapping[int, int]:
    """The published total of requests per year (every area, including those not generated)."""
    raw = read_yaml(DATA_DIR / "volumes.yaml")["published"]
    return {int(year): sum(int(v) for v in counts.values()) for year, counts in raw.items()}


@cache
def tiers() -> Mapping[str, Tier]:
    raw = read_yaml(DATA_DIR / "performance.yaml")["tiers"]
    return {name: Tier(name=name, **{k: float(v) for k, v in values.items()}) for name, values in raw.items()}


@cache
def flows() -> Flows:
    path = DATA_DIR / "flows.yaml"
    raw = read_yaml(path)
    codes = [c.code for c in countries()]
    by_country = raw["countries"]
    if set(by_country) != set(codes):
        raise DataFileError(path, f"countries must be exactly the 30 EEA countries, differ by "
                                  f"{sorted(set(by_country) ^ set(codes))}")
    known = tiers()
    for code, row in by_country.items():
        if row["tier"] not in known:
            raise DataFileError(path, f"{code}: unknown tier {row['tier']!r}")
    send: dict[str, dict[str, float]] = {}
    receive: dict[str, dict[str, float]] = {}
    for area in REQUEST_AREAS:
        special = raw.get("areas", {}).get(area)
        for target, key in ((send, "send"), (receive, "receive")):
            if special:
                default = float(special["default"])
                target[area] = {c: float(special[key].get(c, default)) for c in codes}
            else:
                target[area] = {c: float(by_country[c][key]) for c in codes}
    return Flows(send, receive, {c: known[by_country[c]["tier"]] for c in codes})


def _fraction_of_year(now: datetime) -> float:
    start = datetime(now.year, 1, 1, tzinfo=UTC)
    end = datetime(now.year + 1, 1, 1, tzinfo=UTC)
    return (now - start) / (end - start)


def first_year() -> int:
    return min(volumes().by_year)


def requests_per_year(scale: float, now: datetime) -> dict[int, dict[str, int]]:
    """Requests to send per year and area at `scale`, up to `now` (its year in proportion of time elapsed)."""
    factor = scale / REAL_SCALE
    found: dict[int, dict[str, int]] = {}
    for year in range(first_year(), now.year + 1):
        share = _fraction_of_year(now) if year == now.year else 1.0
        found[year] = {area: round(count * factor * share) for area, count in volumes().year(year).items()}
    return found


def year_bounds(year: int, now: datetime) -> tuple[date, date]:
    """The first and last day of `year` on which requests are sent (the last is `now`'s day in its year)."""
    last = now.date() if year == now.year else date(year, 12, 31)
    return date(year, 1, 1), last
