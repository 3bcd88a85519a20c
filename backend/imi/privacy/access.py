"""Who may read the audit log and export a data subject's data, for which authorities (pure).

A coordinator's validator answers for the authorities it coordinates: a national coordinator for every authority
of its country, a delegated coordinator for those it registered, and each for itself. A local data administrator
answers for its own authority only.
"""

from dataclasses import dataclass

from imi.accounts.principal import Principal
from imi.accounts.profiles import Profile
from imi.authorities.models import CoordinatorRole
from imi.errors import NotAllowed


@dataclass(frozen=True, slots=True)
class Supervision:
    """The authorities a caller answers for: every one of `country`, or those coordinated by `coordinator_id`,
    and in any case `authority_id`."""

    authority_id: int
    country: str | None = None
    coordinator_id: int | None = None

    def covers(self, authority_id: int, country: str, coordinator_id: int | None) -> bool:
        return (authority_id == self.authority_id or country == self.country
                or (self.coordinator_id is not None and coordinator_id == self.coordinator_id))


def supervision(principal: Principal, role: CoordinatorRole, country: str) -> Supervision:
    """What the caller may supervise (its authority's coordinator role and country given); `NotAllowed` if
    nothing."""
    if not principal.signed_in or principal.authority_id is None:
        raise NotAllowed("only a signed-in coordinator or local data administrator may do this")
    own = principal.authority_id
    if principal.has_profile(Profile.VALIDATOR) and role is CoordinatorRole.NATIONAL:
        return Supervision(own, country=country)
    if principal.has_profile(Profile.VALIDATOR) and role is CoordinatorRole.DELEGATED:
        return Supervision(own, coordinator_id=own)
    if principal.has_profile(Profile.LOCAL_DATA_ADMINISTRATOR):
        return Supervision(own)
    raise NotAllowed("only a coordinator's validator or a local data administrator may do this")
