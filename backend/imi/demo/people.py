"""Planning the users of the authorities and their rights, the demo sign-ins among them, and the people
requests are about. Pure: it returns plans; `writer` stores them."""

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from imi.accounts.profiles import Profile
from imi.authorities.models import AuthorityStatus, CoordinatorRole
from imi.demo.directory import AuthorityPlan, Directory
from imi.demo.names import email_local_part
from imi.demo.sign_ins import Role, SignIn, sign_ins
from imi.demo.vocabulary import CountryVocabulary, country_vocabularies

Right = tuple[str | None, Profile]
EVERY_AREA = None
COORDINATOR_RIGHTS: tuple[Right, ...] = (
    (EVERY_AREA, Profile.VALIDATOR), (EVERY_AREA, Profile.REFERRAL_HANDLER),
    (EVERY_AREA, Profile.LOCAL_DATA_ADMINISTRATOR), (EVERY_AREA, Profile.ALLOCATOR),
)
ALERT_AREAS = frozenset({"PROFESSIONAL_QUALIFICATIONS", "SERVICES"})


@dataclass(frozen=True, slots=True)
class Person:
    first: str
    last: str
    female: bool

    @property
    def full_name(self) -> str:
        return f"{self.first} {self.last}"


def person(vocabulary: CountryVocabulary, rng: random.Random) -> Person:
    """A plausible person of the country, in its language and script."""
    people = vocabulary.people
    female = rng.random() < 0.5
    index = rng.randrange(len(people.last_male))
    first = rng.choice(people.female if female else people.male)
    return Person(first, people.last_female[index] if female else people.last_male[index], female)


@dataclass(frozen=True, slots=True)
class Actor:
    """Who takes a step: a user of an authority with its profiles in the exchange's legal area."""

    authority_id: int
    user_id: int | None
    language: str
    profiles: frozenset[Profile]


@dataclass(slots=True)
class UserPlan:
    id: int
    email: str
    full_name: str
    authority_id: int
    language: str
    rights: tuple[Right, ...]
    created_at: datetime
    sign_in: str | None = None

    def profiles_in(self, area: str) -> frozenset[Profile]:
        return frozenset(p for a, p in self.rights if a in (None, area))


@dataclass
class Staff:
    """The planned users, and who among them acts for an authority in a legal area."""

    users: list[UserPlan]
    by_sign_in: dict[str, UserPlan] = field(default_factory=dict)
    _by_authority: dict[int, list[UserPlan]] = field(default_factory=dict)
    _languages: dict[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        grouped: dict[int, list[UserPlan]] = defaultdict(list)
        for user in self.users:
            grouped[user.authority_id].append(user)
            if user.sign_in:
                self.by_sign_in[user.sign_in] = user
        self._by_authority = dict(grouped)

    def actor(self, rng: random.Random, authority: AuthorityPlan, area: str, *needed: Profile) -> Actor:
        """A user of `authority` holding one of `needed` in `area` (the authority alone if none does)."""
        able = [u for u in self._by_authority.get(authority.id, ()) if u.profiles_in(area) & set(needed)]
        if not able:
            return Actor(authority.id, None, authority.language, frozenset(needed))
        user = rng.choice(able)
        return Actor(authority.id, user.id, user.language, user.profiles_in(area))

    def of_authority(self, authority_id: int) -> list[UserPlan]:
        return self._by_authority.get(authority_id, [])


class _Emails:
    def __init__(self) -> None:
        self.taken: set[str] = set()

    def new(self, who: Person, country_code: str) -> str:
        base = email_local_part(who.first, who.last)
        domain = f"{country_code.lower()}.demo.imi.example"
        for n in range(1, 10_000):
            address = f"{base}{n if n > 1 else ''}@{domain}"
            if address not in self.taken:
                self.taken.add(address)
                return address
        raise RuntimeError("no free e-mail address")


def _competent_rights(areas: tuple[str, ...], rng: random.Random) -> list[Right]:
    rights: list[Right] = [(area, Profile.REQUEST_HANDLER) for area in areas]
    rights += [(area, Profile.ALERT_HANDLER) for area in areas if area in ALERT_AREAS and rng.random() < 0.3]
    return rights


def _team(authority: AuthorityPlan, rng: random.Random) -> list[list[Right]]:
    """The rights of each user an authority has."""
    if authority.role is not CoordinatorRole.NONE:
        team: list[list[Right]] = [list(COORDINATOR_RIGHTS),
                [(EVERY_AREA, Profile.REFERRAL_HANDLER), (EVERY_AREA, Profile.REQUEST_HANDLER),
                 (EVERY_AREA, Profile.ALLOCATOR)]]
        if rng.random() < 0.5:
            team.append([(EVERY_AREA, Profile.VIEWER)])
        return team
    if authority.status is AuthorityStatus.PENDING:
        return [[(EVERY_AREA, Profile.LOCAL_DATA_ADMINISTRATOR)]]
    team = [[(EVERY_AREA, Profile.LOCAL_DATA_ADMINISTRATOR), *_competent_rights(authority.areas, rng)]]
    for _ in range(1 + (rng.random() < 0.45) + (rng.random() < 0.15)):
        team.append(_competent_rights(authority.areas, rng))
    if rng.random() < 0.1:
        team.append([(EVERY_AREA, Profile.ALLOCATOR), (EVERY_AREA, Profile.VIEWER)])
    return team


def _sign_in_rights(entry: SignIn, authority: AuthorityPlan) -> tuple[Right, ...]:
    if entry.role is Role.COORDINATOR:
        return COORDINATOR_RIGHTS
    if entry.role is Role.ADMIN:
        return ((EVERY_AREA, Profile.LOCAL_DATA_ADMINISTRATOR),)
    return tuple((area, Profile.REQUEST_HANDLER) for area in authority.areas)


def plan_staff(rng: random.Random, directory: Directory, now: datetime, first_id: int) -> Staff:
    """Users for every authority, then the demo sign-ins, with ids from `first_id`."""
    vocabularies = country_vocabularies()
    emails = _Emails()
    users: list[UserPlan] = []

    def add(authority: AuthorityPlan, rights: tuple[Right, ...], *, email: str | None = None,
            language: str | None = None, sign_in: str | None = None) -> None:
        who = person(vocabularies[authority.country], rng)
        created = min(authority.created_at + timedelta(days=rng.randint(0, 30), hours=rng.randint(0, 8)),
                      now - timedelta(hours=1))
        users.append(UserPlan(first_id + len(users), email or emails.new(who, authority.country), who.full_name,
                              authority.id, language or authority.language, tuple(dict.fromkeys(rights)),
                              created, sign_in))

    directory_entries = sign_ins()
    for authority in directory.authorities:
        for rights in _team(authority, rng):
            add(authority, tuple(rights))
    for entry in directory_entries.entries:
        if entry.role is Role.COORDINATOR:
            authority = directory.by_id[directory.national[entry.country]]
        else:
            owner = entry.with_ if entry.role is Role.ADMIN else entry.name
            authority = directory.by_id[directory.sign_in_authority[owner or ""]]
        add(authority, _sign_in_rights(entry, authority), email=directory_entries.email(entry),
            language=entry.language, sign_in=entry.name)
    return Staff(users)
