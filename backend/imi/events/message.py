"""The event as it travels on the bus: small, without personal data, ordered by its stream position."""

import json
from dataclasses import asdict, dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class StreamEvent:
    position: int
    event_id: int
    exchange_id: int
    kind: str
    procedure: str
    action: str
    from_state: str | None
    to_state: str
    at: datetime
    actor_authority_id: int | None

    def to_json(self) -> str:
        return json.dumps({**asdict(self), "at": self.at.isoformat()}, separators=(",", ":"))

    @classmethod
    def from_json(cls, raw: str | bytes) -> "StreamEvent":
        data = json.loads(raw)
        data["at"] = datetime.fromisoformat(data["at"])
        return cls(**data)


@dataclass(frozen=True, slots=True)
class Resync:
    """Tells a listener that it may have missed events: read them from the log (up to `upto` if given)."""

    upto: int | None = None
