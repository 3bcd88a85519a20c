"""The hash chain of the audit log (pure): each entry's hash covers the previous entry's hash and the entry's
own content, so changing, removing or reordering an entry breaks every later link."""

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64  # the "previous hash" of the first entry
CONTENT = ("id", "at", "action", "actor", "user_id", "authority_id", "country", "service_account_id",
           "token_prefix", "exchange_id", "exchange_reference", "event_id", "attachment_id", "personal_fields",
           "detail", "client_address", "user_agent", "request_id")


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if hasattr(value, "value") and isinstance(value.value, str):  # an enum member: its stored value
        return value.value
    return value


def canonical(content: Mapping[str, Any]) -> str:
    """The entry's content as one canonical JSON text (the columns of `CONTENT`, in that order)."""
    return json.dumps([_plain(content.get(name)) for name in CONTENT], ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))


def link(previous_hash: str, content: Mapping[str, Any]) -> str:
    """The hash of an entry that follows `previous_hash`."""
    return hashlib.sha256(f"{previous_hash}\n{canonical(content)}".encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Problem:
    entry_id: int | None  # None: the chain as a whole (its head)
    reason: str


@dataclass
class Walk:
    """A verification in progress: feed it the entries in order, then `finish` it with the head."""

    previous_id: int = 0
    previous_hash: str = GENESIS
    checked: int = 0

    def feed(self, rows: Iterable[Mapping[str, Any]]) -> list[Problem]:
        problems: list[Problem] = []
        for row in rows:
            entry_id = int(row["id"])
            if entry_id != self.previous_id + 1:
                problems.append(Problem(entry_id, f"entries {self.previous_id + 1} to {entry_id - 1} are missing"
                                        if entry_id > self.previous_id + 1 else "out of order"))
            if row["previous_hash"] != self.previous_hash:
                problems.append(Problem(entry_id, "does not follow the entry before it (previous hash differs)"))
            if link(row["previous_hash"], row) != row["hash"]:
                problems.append(Problem(entry_id, "its content was changed after it was written (hash differs)"))
            self.previous_id, self.previous_hash = entry_id, str(row["hash"])
            self.checked += 1
        return problems

    def finish(self, head_seq: int | None, head_hash: str | None) -> list[Problem]:
        """Compare the last entry with the head: entries removed from the end leave the head ahead."""
        if head_seq is None:
            return [] if self.checked == 0 else [Problem(None, "the chain's head is missing")]
        if head_seq != self.previous_id:
            return [Problem(None, f"the head is at entry {head_seq} but the last entry is {self.previous_id}")]
        if head_hash != self.previous_hash:
            return [Problem(None, "the head's hash differs from the last entry's")]
        return []
