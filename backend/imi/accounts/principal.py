"""Who is calling: a signed-in user, or an API token of a user or a service account (pure)."""

from dataclasses import dataclass, field

from imi.accounts.profiles import Profile, Scope


@dataclass(frozen=True, slots=True)
class Grant:
    """One right: a profile in a legal area (None: every area of the authority)."""

    legal_area: str | None
    profile: Profile


@dataclass(frozen=True)
class Principal:
    """The caller of one request. A token principal is limited to its scopes and cannot act."""

    user_id: int | None = None
    authority_id: int | None = None
    country: str | None = None
    language: str = "en"
    grants: frozenset[Grant] = field(default_factory=frozenset)
    scopes: frozenset[Scope] | None = None  # None: a signed-in user (no scope limit)
    service_account_id: int | None = None
    session_id: int | None = None

    @property
    def authenticated(self) -> bool:
        return self.user_id is not None or self.service_account_id is not None

    @property
    def signed_in(self) -> bool:
        """A user acting through the web app (a session), who may change things."""
        return self.user_id is not None and self.scopes is None

    def has_scope(self, scope: Scope) -> bool:
        return self.scopes is None or scope in self.scopes

    def profiles_in(self, legal_area: str) -> frozenset[Profile]:
        """The profiles this caller holds in one legal area of its own authority."""
        return frozenset(g.profile for g in self.grants if g.legal_area in (None, legal_area))

    def legal_areas_with(self, *profiles: Profile) -> set[str | None]:
        """Areas where the caller holds any of `profiles`; None in the set means every area."""
        wanted = set(profiles)
        return {g.legal_area for g in self.grants if g.profile in wanted}

    def has_profile(self, profile: Profile) -> bool:
        return any(g.profile is profile for g in self.grants)


ANONYMOUS = Principal()
