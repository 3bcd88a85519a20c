"""Planning the directory of authorities: how many per country, which names, levels, areas, statuses and
coordinators, and how busy each one is. Pure: it returns plans; `writer` stores them."""

import bisect
import itertools
import math
import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from imi.authorities.models import AuthorityStatus, CoordinatorRole, Level
from imi.authorities.service import AuthorityDetails
from imi.demo import contact
from imi.demo.calibration import first_year, volumes
from imi.demo.sign_ins import sign_ins
from imi.demo.vocabulary import REQUEST_AREAS, CountryVocabulary, Place, Template, country_vocabularies
from imi.reference import countries, country
from imi.reference.keywords import keywords

# Share of authorities that joined the system in each year since the first (later years: the last weight).
JOINING_WEIGHTS = (25, 10, 10, 8, 8, 6, 5, 5, 4, 4, 3, 3, 2, 2, 1.5, 1.5, 1, 1, 1)
LEVEL_ORDER = {Level.NATIONAL: 0.25, Level.REGIONAL: 0.6, Level.LOCAL: 1.0}
LEVEL_WEIGHT = {Level.NATIONAL: 3.0, Level.REGIONAL: 1.5, Level.LOCAL: 1.0}
SIGN_IN_WEIGHT = 40.0
PENDING_SHARE = 0.03
INACTIVE_SHARE = 0.03
DELEGATED_SHARE = 0.6
"""Of the authorities within a delegated coordinator's areas, the share it coordinates."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible authority: a name template and the place it is made for."""

    template: Template
    place: Place | None

    @property
    def name(self) -> str:
        return self.template.render(self.place)


@dataclass(slots=True)
class AuthorityPlan:
    id: int
    country: str
    language: str
    level: Level
    official_name: str
    informal_name: str | None
    areas: tuple[str, ...]
    keyword_ids: tuple[str, ...]
    region: str | None
    city: str | None
    street: str | None
    postcode: str | None
    email: str
    phone: str
    status: AuthorityStatus
    role: CoordinatorRole
    coordinator_id: int | None
    created_at: datetime
    active_from: int
    """The first year it takes part in requests."""
    weight: float
    """How busy it is, relative to the others of its country and area."""
    sign_in: str | None = None
    existing: bool = False
    """Already stored (the national coordinators, created through the service)."""


@dataclass
class Directory:
    """The planned authorities, with the lookups the request plans need."""

    authorities: list[AuthorityPlan]
    by_id: dict[int, AuthorityPlan] = field(default_factory=dict)
    national: dict[str, int] = field(default_factory=dict)
    sign_in_authority: dict[str, int] = field(default_factory=dict)
    _pools: dict[tuple[str, str, int], tuple[list[int], list[float]]] = field(default_factory=dict)
    _members: dict[tuple[str, str], list[AuthorityPlan]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_id = {a.id: a for a in self.authorities}
        members: dict[tuple[str, str], list[AuthorityPlan]] = defaultdict(list)
        for plan in self.authorities:
            if plan.role is CoordinatorRole.NATIONAL:
                self.national[plan.country] = plan.id
            if plan.sign_in:
                self.sign_in_authority[plan.sign_in] = plan.id
            if plan.status is AuthorityStatus.ACTIVE and plan.role is CoordinatorRole.NONE:
                for area in plan.areas:
                    members[plan.country, area].append(plan)
        self._members = dict(members)

    def competent(self, country_code: str, area: str) -> list[AuthorityPlan]:
        """The active competent authorities of a country in a legal area."""
        return self._members.get((country_code, area), [])

    def pick(self, rng: random.Random, country_code: str, area: str, year: int,
             exclude: int | None = None) -> AuthorityPlan | None:
        """An active authority of the country competent in `area` and taking part in `year`, by busyness."""
        key = (country_code, area, year)
        if key not in self._pools:
            members = [a for a in self.competent(country_code, area) if a.active_from <= year]
            self._pools[key] = ([a.id for a in members], list(itertools.accumulate(a.weight for a in members)))
        ids, cumulative = self._pools[key]
        if not ids:
            return None
        for _ in range(4):
            chosen = self.by_id[ids[bisect.bisect_right(cumulative, rng.random() * cumulative[-1])]]
            if chosen.id != exclude:
                return chosen
        return None

    def referral_coordinator(self, authority: AuthorityPlan, area: str) -> int:
        """As `authorities.service.coordinator_of`: a delegated coordinator holding the area, else the national."""
        parent = self.by_id.get(authority.coordinator_id) if authority.coordinator_id else None
        if parent and (parent.role is CoordinatorRole.NATIONAL or area in parent.areas):
            return parent.id
        return self.national[authority.country]


def joining_year(rng: random.Random, last_year: int) -> int:
    years = list(range(first_year(), last_year + 1))
    weights = [JOINING_WEIGHTS[min(i, len(JOINING_WEIGHTS) - 1)] for i in range(len(years))]
    return rng.choices(years, weights)[0]


def candidates(vocabulary: CountryVocabulary) -> list[Candidate]:
    """Every authority the vocabulary can name, each name once."""
    found: dict[str, Candidate] = {}
    for template in vocabulary.templates:
        if template.placeholder is None:
            places: tuple[Place | None, ...] = (None,)
        else:
            source = vocabulary.regions if template.placeholder == "region" else vocabulary.cities
            places = tuple(p for p in source if p.language == template.language)
        for place in places:
            candidate = Candidate(template, place)
            found.setdefault(candidate.name, candidate)
    return list(found.values())


def authority_counts(total: int, capacity: dict[str, int], minimum: dict[str, int]) -> dict[str, int]:
    """`total` competent authorities shared by population ** exponent, capped by what each country's
    vocabulary can name (the excess goes to the others), never below `minimum`."""
    spec = volumes()
    weights = {c: country_vocabularies()[c].population ** spec.population_exponent for c in capacity}
    counts = dict.fromkeys(capacity, 0)
    open_ = set(capacity)
    remaining = total
    while remaining > 0 and open_:
        pool = sum(weights[c] for c in open_)
        handed = 0
        for code in sorted(open_):
            share = min(capacity[code] - counts[code], math.floor(remaining * weights[code] / pool + 0.5))
            counts[code] += share
            handed += share
        open_ = {c for c in open_ if counts[c] < capacity[c]}
        if handed == 0:
            break
        remaining -= handed
    return {c: min(capacity[c], max(counts[c], minimum[c])) for c in capacity}


def _required(vocabulary: CountryVocabulary, pool: list[Candidate]) -> list[Candidate]:
    """Candidates that must exist: the sign-ins' authorities, one per area, one per further language."""
    home = country(vocabulary.code)
    chosen: list[Candidate] = []

    def take(match: object) -> None:
        for candidate in pool:
            if candidate not in chosen and match(candidate):  # type: ignore[operator]
                chosen.append(candidate)
                return

    for entry in sign_ins().officials():
        if entry.country == vocabulary.code:
            if entry.authority:
                take(lambda c, e=entry: c.name == e.authority)
            else:
                take(lambda c, e=entry: c.template.language == e.language
                     and "PROFESSIONAL_QUALIFICATIONS" in c.template.areas)
    for area in REQUEST_AREAS:
        if not any(area in c.template.areas for c in chosen):
            take(lambda c, a=area: a in c.template.areas and c.template.language == home.default_language)
    for language in home.languages[1:]:
        if not any(c.template.language == language for c in chosen):
            take(lambda c, lang=language: c.template.language == lang)
    return chosen


def _known_keywords() -> frozenset[str]:
    return frozenset(k.id for k in keywords())


def national_details(vocabulary: CountryVocabulary, rng: random.Random) -> AuthorityDetails:
    """The national coordinator's registration details (it is created through the authorities service)."""
    body = vocabulary.coordinator
    place = vocabulary.place(body.city)
    line, code = contact.street(vocabulary, rng)
    return AuthorityDetails(
        country=vocabulary.code, level=Level.NATIONAL.value, official_name=body.name,
        official_language=body.language, informal_names={body.language: body.informal} if body.informal else {},
        region=place.region.name if place.region else None, city=place.name, street=line, postcode=code,
        email=f"imi-coordination@{vocabulary.code.lower()}.authorities.demo.imi.example",
        phone=contact.phone(vocabulary, rng), external_id=f"demo-{vocabulary.code.lower()}-coordinator",
    )


def _seat(vocabulary: CountryVocabulary, language: str) -> Place:
    """Where a national authority sits: the coordinator's city, or the first city of its own language."""
    capital = vocabulary.place(vocabulary.coordinator.city)
    if capital.language == language:
        return capital
    return next((c for c in vocabulary.cities if c.language == language), capital)


class _Planner:
    def __init__(self, rng: random.Random, now: datetime, national_ids: dict[str, int], first_id: int) -> None:
        self.rng = rng
        self.now = now
        self.next_id = first_id
        self.national_ids = national_ids
        self.known_keywords = _known_keywords()
        self.plans: list[AuthorityPlan] = []

    def created_at(self, year: int) -> datetime:
        """A registration time in the year before `year` took part (late 2007 for the first ones)."""
        start = datetime(year - 1, 11, 1, tzinfo=UTC) if year == first_year() else datetime(year - 1, 1, 1,
                                                                                            tzinfo=UTC)
        end = datetime(year, 1, 1, tzinfo=UTC)
        moment = start + (end - start) * self.rng.random()
        return min(moment, self.now - timedelta(days=1))

    def add(self, vocabulary: CountryVocabulary, name: str, informal: str | None, language: str, level: Level,
            areas: tuple[str, ...], keyword_ids: tuple[str, ...], place: Place | None, *,
            role: CoordinatorRole = CoordinatorRole.NONE, coordinator_id: int | None = None,
            status: AuthorityStatus = AuthorityStatus.ACTIVE, active_from: int | None = None,
            sign_in: str | None = None, existing_id: int | None = None) -> AuthorityPlan:
        rng = self.rng
        year = active_from or joining_year(rng, self.now.year)
        if place is None:
            place = _seat(vocabulary, language)
        city = place if place.region is not None else next(
            (c for c in vocabulary.cities if c.region == place), None)
        line, code = contact.street(vocabulary, rng)
        plan_id = existing_id if existing_id is not None else self.next_id
        if existing_id is None:
            self.next_id += 1
        created = self.created_at(year)
        if status is AuthorityStatus.PENDING:
            created = self.now - timedelta(days=rng.randint(2, 90), hours=rng.randint(0, 8))
        plan = AuthorityPlan(
            id=plan_id, country=vocabulary.code, language=language, level=level, official_name=name,
            informal_name=informal, areas=areas,
            keyword_ids=tuple(k for k in keyword_ids if k in self.known_keywords),
            region=(place.region or place).name, city=city.name if city else None, street=line, postcode=code,
            email=f"contact-{plan_id}@{vocabulary.code.lower()}.authorities.demo.imi.example",
            phone=contact.phone(vocabulary, rng), status=status, role=role, coordinator_id=coordinator_id,
            created_at=created, active_from=year,
            weight=rng.lognormvariate(0, 1.0) * LEVEL_WEIGHT[level] * (SIGN_IN_WEIGHT if sign_in else 1.0),
            sign_in=sign_in, existing=existing_id is not None,
        )
        self.plans.append(plan)
        return plan

    def country(self, vocabulary: CountryVocabulary, count: int, pool: list[Candidate]) -> None:
        rng = self.rng
        code = vocabulary.code
        start = first_year()
        national = self.add(vocabulary, vocabulary.coordinator.name, vocabulary.coordinator.informal,
                            vocabulary.coordinator.language, Level.NATIONAL, tuple(REQUEST_AREAS), (), None,
                            role=CoordinatorRole.NATIONAL, active_from=start, existing_id=self.national_ids[code])
        delegated = [
            self.add(vocabulary, body.name, body.informal, body.language, Level.NATIONAL, body.areas, (),
                     vocabulary.place(body.city), role=CoordinatorRole.DELEGATED, coordinator_id=national.id,
                     active_from=start)
            for body in vocabulary.delegated
        ]
        required = _required(vocabulary, pool)
        rest = [c for c in pool if c not in required]
        order = {id(c): rng.random() * LEVEL_ORDER[c.template.level] for c in rest}
        rest.sort(key=lambda c: order[id(c)])
        officials = {e.authority: e.name for e in sign_ins().officials() if e.country == code and e.authority}
        by_language = {e.language: e.name for e in sign_ins().officials() if e.country == code and not e.authority}
        for index, candidate in enumerate([*required, *rest][: max(count, len(required))]):
            template = candidate.template
            sign_in = officials.pop(candidate.name, None)
            if sign_in is None and "PROFESSIONAL_QUALIFICATIONS" in template.areas:
                sign_in = by_language.pop(template.language, None)
            must_be_active = index < len(required)
            status = AuthorityStatus.ACTIVE
            if not must_be_active:
                roll = rng.random()
                status = (AuthorityStatus.PENDING if roll < PENDING_SHARE else AuthorityStatus.INACTIVE
                          if roll < PENDING_SHARE + INACTIVE_SHARE else AuthorityStatus.ACTIVE)
            parent = national.id
            covering = [d for d in delegated if set(template.areas) <= set(d.areas)]
            if covering and sign_in is None and rng.random() < DELEGATED_SHARE:
                parent = covering[0].id
            self.add(vocabulary, candidate.name, template.informal, template.language, template.level,
                     template.areas, template.keywords, candidate.place, coordinator_id=parent, status=status,
                     active_from=start if must_be_active else None, sign_in=sign_in)


def plan_directory(rng: random.Random, scale: float, now: datetime, national_ids: dict[str, int],
                   first_id: int) -> Directory:
    """The directory at `scale`: national coordinators (already stored, ids given), delegated coordinators and
    competent authorities with ids from `first_id`."""
    vocabularies = country_vocabularies()
    pools = {c.code: candidates(vocabularies[c.code]) for c in countries()}
    minimum = {code: len(_required(vocabularies[code], pool)) for code, pool in pools.items()}
    coordinators = len(pools) + sum(len(v.delegated) for v in vocabularies.values())
    total = max(0, round(volumes().authorities * scale / 100) - coordinators)
    counts = authority_counts(total, {code: len(pool) for code, pool in pools.items()}, minimum)
    planner = _Planner(rng, now, national_ids, first_id)
    for each in countries():
        planner.country(vocabularies[each.code], counts[each.code], pools[each.code])
    return Directory(planner.plans)

