"""Checking the audit log: every entry in order, every hash recomputed, the head matched with the last entry.
An entry changed, removed or inserted behind the triggers' back shows as a broken link."""

from dataclasses import dataclass

from imi.privacy import chain
from imi.privacy.audit import HEAD_ID
from imi.privacy.models import AuditEntry, AuditHead

BATCH = 2000


@dataclass(frozen=True)
class Verification:
    checked: int
    head_seq: int | None
    head_hash: str | None
    problems: list[chain.Problem]

    @property
    def intact(self) -> bool:
        return not self.problems


async def verify(anchor: tuple[int, str] | None = None, batch: int = BATCH) -> Verification:
    """Walk the whole chain. `anchor` (an entry id and the hash recorded for it elsewhere, e.g. printed by an
    earlier verification) must still be in it: a chain rebuilt from scratch would not match."""
    walk, problems = chain.Walk(), []
    anchored = anchor is None
    after = 0
    while rows := await AuditEntry.filter(id__gt=after).order_by("id").limit(batch).values(
            *chain.CONTENT, "previous_hash", "hash"):
        problems += walk.feed(rows)
        if anchor is not None and not anchored:
            match = next((row for row in rows if int(row["id"]) == anchor[0]), None)
            if match is not None:
                anchored = True
                if match["hash"] != anchor[1]:
                    problems.append(chain.Problem(anchor[0], "differs from the hash recorded for it"))
        after = int(rows[-1]["id"])
    head = await AuditHead.get_or_none(id=HEAD_ID)
    problems += walk.finish(head.seq if head else None, head.hash if head else None)
    if not anchored and anchor is not None:
        problems.append(chain.Problem(anchor[0], "the recorded entry is no longer in the log"))
    return Verification(walk.checked, head.seq if head else None, head.hash if head else None, problems)
