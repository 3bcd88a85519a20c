"""What each caller is entitled to, restated independently of the application's rules (design §3 and the IMI
Regulation): the oracle the property test holds the API to."""

from dataclasses import dataclass, field

READING = {"REQUEST_HANDLER", "ALLOCATOR", "ALERT_HANDLER", "VIEWER", "REFERRAL_HANDLER"}
BROADCAST_READING = READING | {"VALIDATOR"}


@dataclass
class Caller:
    """A signed-in user, or an API token acting for one (`scopes` None for a session)."""

    authority: int
    rights: set[tuple[str | None, str]]
    scopes: set[str] | None = None

    def profiles_in(self, area: str) -> set[str]:
        return {profile for where, profile in self.rights if where in (None, area)}

    def scoped(self, scope: str) -> bool:
        return self.scopes is None or scope in self.scopes


@dataclass
class RequestFacts:
    area: str
    state: str
    requester: int
    responder: int | None
    referral_coordinator: int | None
    accepted: bool


@dataclass
class AlertFacts:
    area: str
    sender: int
    sender_coordinator: int | None = None
    recipient_coordinators: set[int] = field(default_factory=set)
    handlers: set[int] = field(default_factory=set)


def request_entitlement(caller: Caller, facts: RequestFacts) -> tuple[bool, bool]:
    """(may see the request, may see its personal data)."""
    me = caller.authority
    requester = me == facts.requester
    responder = me == facts.responder and facts.state != "DRAFT"
    coordinator = me == facts.referral_coordinator
    reads = bool(caller.profiles_in(facts.area) & READING) and caller.scoped("exchanges:read")
    sees = reads and (requester or responder or coordinator)
    personal = sees and caller.scoped("personal-data:read") and (
        requester or coordinator or (responder and facts.accepted))
    return sees, personal


def alert_entitlement(caller: Caller, facts: AlertFacts) -> tuple[bool, bool]:
    """(may see the alert, may see its personal data): a receiving country's coordinator sees the limited view."""
    me = caller.authority
    full = me in {facts.sender, facts.sender_coordinator} | facts.handlers
    involved = full or me in facts.recipient_coordinators
    reads = bool(caller.profiles_in(facts.area) & BROADCAST_READING) and caller.scoped("exchanges:read")
    sees = reads and involved
    return sees, sees and full and caller.scoped("personal-data:read")
