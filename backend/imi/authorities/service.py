"""Authority services: registration, invitation, validation and grants by coordinators."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tortoise.expressions import F

from imi import db
from imi.accounts import service as accounts
from imi.accounts.principal import Principal
from imi.accounts.profiles import Profile
from imi.authorities import changes, rules
from imi.authorities.models import Authority, AuthorityProcedure, AuthorityStatus, CoordinatorRole, Level
from imi.errors import NotAllowed, NotFound, StaleVersion, ValidationFailed


@dataclass(frozen=True)
class AuthorityDetails:
    country: str
    level: str
    official_name: str
    official_language: str
    informal_names: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    region: str | None = None
    city: str | None = None
    street: str | None = None
    postcode: str | None = None
    email: str | None = None
    phone: str | None = None
    keyword_ids: tuple[str, ...] = ()
    external_id: str | None = None

    def check(self) -> None:
        rules.check_details(
            country=self.country, level=self.level, official_name=self.official_name,
            official_language=self.official_language, informal_names=self.informal_names,
            descriptions=self.descriptions, email=self.email,
        )

    def columns(self) -> dict[str, Any]:
        return {
            "country": self.country, "level": Level(self.level), "official_name": self.official_name.strip(),
            "official_language": self.official_language, "informal_names": dict(self.informal_names),
            "descriptions": dict(self.descriptions), "region": self.region, "city": self.city,
            "street": self.street, "postcode": self.postcode, "email": self.email, "phone": self.phone,
            "keyword_ids": list(self.keyword_ids), "external_id": self.external_id,
        }


async def coordinator_facts(authority_id: int) -> rules.CoordinatorFacts:
    authority = await Authority.get(id=authority_id)
    areas = await AuthorityProcedure.filter(authority_id=authority_id).values_list("legal_area", flat=True)
    return rules.CoordinatorFacts(
        authority.id, authority.country, authority.coordinator_role, frozenset(map(str, areas))
    )


async def _acting_coordinator(principal: Principal) -> rules.CoordinatorFacts:
    if not principal.signed_in or principal.authority_id is None or not principal.has_profile(Profile.VALIDATOR):
        raise NotAllowed("only a coordinator's validator may do this")
    facts = await coordinator_facts(principal.authority_id)
    rules.check_is_coordinator(facts)
    return facts


async def _target(authority_id: int) -> Authority:
    authority = await Authority.get_or_none(id=authority_id)
    if authority is None:
        raise NotFound("no such authority")
    return authority


def _facts(authority: Authority) -> rules.TargetFacts:
    return rules.TargetFacts(authority.id, authority.country, authority.coordinator_id)


async def register(principal: Principal, details: AuthorityDetails, now: datetime) -> Authority:
    """A coordinator registers an authority of its country; it stays pending until validated."""
    authority = await _register(principal, details, now)
    changes.committed()
    return authority


async def _register(principal: Principal, details: AuthorityDetails, now: datetime) -> Authority:
    coordinator = await _acting_coordinator(principal)
    details.check()
    rules.check_coordinates(coordinator, rules.TargetFacts(None, details.country, coordinator.id))
    return await Authority.create(
        **details.columns(), status=AuthorityStatus.PENDING, coordinator_id=coordinator.id,
        created_at=now, updated_at=now,
    )


async def invite(
    principal: Principal, details: AuthorityDetails, administrator_email: str, now: datetime
) -> tuple[Authority, str]:
    """Register an authority and invite its first local data administrator; returns the invitation token."""
    async with db.transaction():
        authority = await _register(principal, details, now)
        token = await accounts.invite(administrator_email, authority.id, principal.user_id, now)
    changes.committed()
    return authority, token


async def _change(authority: Authority, version: int, now: datetime, **columns: object) -> Authority:
    if authority.version != version:
        raise StaleVersion("the authority was changed by someone else", authority.version)
    updated = await Authority.filter(id=authority.id, version=version).update(
        **columns, version=version + 1, updated_at=now, search_pending=True
    )
    if not updated:
        raise StaleVersion("the authority was changed by someone else", version + 1)
    changes.committed()
    return await Authority.get(id=authority.id)


async def touch(authority_id: int, now: datetime) -> None:
    """Record a change of an authority's procedures: a new version, awaiting the search indexer."""
    await Authority.filter(id=authority_id).update(
        version=F("version") + 1, updated_at=now, search_pending=True
    )


async def validate(principal: Principal, authority_id: int, version: int, now: datetime) -> Authority:
    coordinator = await _acting_coordinator(principal)
    authority = await _target(authority_id)
    rules.check_coordinates(coordinator, _facts(authority))
    if authority.status is not AuthorityStatus.PENDING:
        raise ValidationFailed.single("authorityId", f"the authority is {authority.status.value}, not pending")
    return await _change(authority, version, now, status=AuthorityStatus.ACTIVE)


async def set_status(
    principal: Principal, authority_id: int, version: int, active: bool, now: datetime
) -> Authority:
    coordinator = await _acting_coordinator(principal)
    authority = await _target(authority_id)
    rules.check_coordinates(coordinator, _facts(authority))
    if authority.id == coordinator.id:
        raise ValidationFailed.single("authorityId", "a coordinator cannot change its own status")
    status = AuthorityStatus.ACTIVE if active else AuthorityStatus.INACTIVE
    return await _change(authority, version, now, status=status)


async def grant(
    principal: Principal, authority_id: int, legal_area: str, procedures: Sequence[str] | None, now: datetime
) -> Authority:
    """Grant an authority a legal area (all its procedures, or the chosen ones)."""
    coordinator = await _acting_coordinator(principal)
    authority = await _target(authority_id)
    rules.check_coordinates(coordinator, _facts(authority))
    codes = rules.check_grant(coordinator, legal_area, procedures)
    if await _grant(authority.id, legal_area, codes, coordinator.id, now):
        changes.committed()
    return await Authority.get(id=authority.id)


async def _grant(
    authority_id: int, legal_area: str, codes: Sequence[str], by: int | None, now: datetime, *, bump: bool = True
) -> int:
    """Grant the procedures not yet held (with a new version when `bump`); how many were new."""
    async with db.transaction():
        held = set(await AuthorityProcedure.filter(authority_id=authority_id).values_list("procedure", flat=True))
        new = [code for code in codes if code not in held]
        await AuthorityProcedure.bulk_create([
            AuthorityProcedure(authority_id=authority_id, legal_area=legal_area, procedure=code,
                               granted_by_id=by, granted_at=now)
            for code in new
        ])
        if new and bump:
            await touch(authority_id, now)
    return len(new)


async def revoke(principal: Principal, authority_id: int, legal_area: str, now: datetime) -> Authority:
    coordinator = await _acting_coordinator(principal)
    authority = await _target(authority_id)
    rules.check_coordinates(coordinator, _facts(authority))
    rules.check_grant(coordinator, legal_area, None)
    async with db.transaction():
        removed = await AuthorityProcedure.filter(authority_id=authority.id, legal_area=legal_area).delete()
        if removed:
            await touch(authority.id, now)
    if removed:
        changes.committed()
    return await Authority.get(id=authority.id)


async def create_national_coordinator(details: AuthorityDetails, now: datetime) -> Authority:
    """Bootstrap a country's single national coordinator (command line and seeding), with every legal area."""
    details.check()
    if await Authority.exists(national_coordinator_of=details.country):
        raise ValidationFailed.single("country", f"{details.country} already has a national coordinator")
    async with db.transaction():
        authority = await Authority.create(
            **details.columns(), status=AuthorityStatus.ACTIVE, coordinator_role=CoordinatorRole.NATIONAL,
            national_coordinator_of=details.country, created_at=now, updated_at=now,
        )
        facts = rules.CoordinatorFacts(authority.id, authority.country, CoordinatorRole.NATIONAL, frozenset())
        for area in rules.grantable_areas(facts):
            await _grant(authority.id, area, rules.check_grant(facts, area, None), None, now, bump=False)
    changes.committed()
    return authority


async def make_delegated_coordinator(principal: Principal, authority_id: int, version: int, now: datetime) -> Authority:
    """A national coordinator makes an authority it coordinates a delegated coordinator for its granted areas."""
    coordinator = await _acting_coordinator(principal)
    if coordinator.role is not CoordinatorRole.NATIONAL:
        raise NotAllowed("only the national coordinator designates delegated coordinators")
    authority = await _target(authority_id)
    rules.check_coordinates(coordinator, _facts(authority))
    return await _change(authority, version, now, coordinator_role=CoordinatorRole.DELEGATED)


async def coordinator_of(authority: Authority, legal_area: str) -> int | None:
    """The coordinator that handles referrals of `authority` in `legal_area`: its delegated coordinator if that
    covers the area, else the country's national coordinator."""
    if authority.coordinator_id is not None:
        parent = await Authority.get(id=authority.coordinator_id)
        if parent.coordinator_role is CoordinatorRole.NATIONAL or await AuthorityProcedure.exists(
            authority_id=parent.id, legal_area=legal_area
        ):
            return parent.id
    national = await Authority.get_or_none(national_coordinator_of=authority.country)
    return national.id if national else None


async def incoming_coordinator(country: str, legal_area: str) -> int | None:
    """Who receives other countries' broadcasts in `legal_area` for `country`: an active delegated coordinator
    with that area, else the national coordinator."""
    delegated = await Authority.filter(
        country=country, coordinator_role=CoordinatorRole.DELEGATED, status=AuthorityStatus.ACTIVE,
        procedures__legal_area=legal_area,
    ).order_by("id").first()
    if delegated is not None:
        return delegated.id
    national = await Authority.get_or_none(national_coordinator_of=country)
    return national.id if national else None
