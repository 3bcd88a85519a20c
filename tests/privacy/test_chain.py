"""The audit log's hash chain (pure): any change, removal or reordering breaks a link."""

from datetime import UTC, datetime

from imi.privacy import chain
from imi.privacy.models import ActorKind, AuditAction


def entries(count: int) -> list[dict]:
    rows, previous = [], chain.GENESIS
    for n in range(1, count + 1):
        content = {"id": n, "at": datetime(2026, 3, 2, 9, n, tzinfo=UTC), "action": AuditAction.READ_PERSONAL_DATA,
                   "actor": ActorKind.USER, "user_id": 7, "authority_id": 3, "country": "DE",
                   "exchange_id": 40 + n, "personal_fields": ["full_name"], "detail": {"b": 1, "a": [n]},
                   "client_address": "192.0.2.1", "user_agent": "Mozilla/5.0", "request_id": f"r{n}"}
        digest = chain.link(previous, content)
        rows.append({**content, "previous_hash": previous, "hash": digest})
        previous = digest
    return rows


def verify(rows: list[dict], head: tuple[int, str] | None) -> list[chain.Problem]:
    walk = chain.Walk()
    found = walk.feed(rows)
    return found + walk.finish(*(head if head else (None, None)))


def test_an_untouched_chain_verifies() -> None:
    rows = entries(5)
    assert verify(rows, (5, rows[-1]["hash"])) == []
    assert verify([], None) == []


def test_the_canonical_form_ignores_key_order_and_storage_types() -> None:
    row = entries(1)[0]
    shuffled = dict(reversed(list(row.items())))
    shuffled["detail"] = {"a": [1], "b": 1}
    shuffled["action"], shuffled["actor"] = "READ_PERSONAL_DATA", "USER"  # as a driver may return them
    assert chain.canonical(shuffled) == chain.canonical(row)


def test_a_changed_entry_is_found() -> None:
    rows = entries(4)
    rows[1] = {**rows[1], "client_address": "198.51.100.7"}
    assert [p.entry_id for p in verify(rows, (4, rows[-1]["hash"]))] == [2]
    rows = entries(4)
    rows[2] = {**rows[2], "detail": {"b": 1, "a": [99]}}
    assert [p.entry_id for p in verify(rows, (4, rows[-1]["hash"]))] == [3]


def test_a_rehashed_entry_breaks_the_next_link() -> None:
    rows = entries(4)
    forged = {**rows[1], "user_id": 8}
    forged["hash"] = chain.link(forged["previous_hash"], forged)
    rows[1] = forged
    assert [(p.entry_id, "previous hash" in p.reason) for p in verify(rows, (4, rows[-1]["hash"]))] == [(3, True)]


def test_removed_and_reordered_entries_are_found() -> None:
    rows = entries(5)
    gap = verify([*rows[:2], *rows[3:]], (5, rows[-1]["hash"]))
    assert {p.entry_id for p in gap} == {4} and any("missing" in p.reason for p in gap)
    swapped = verify([rows[0], rows[2], rows[1], *rows[3:]], (5, rows[-1]["hash"]))
    assert {p.entry_id for p in swapped} >= {2, 3}


def test_entries_removed_from_the_end_leave_the_head_ahead() -> None:
    rows = entries(5)
    problems = verify(rows[:3], (5, rows[-1]["hash"]))
    assert [(p.entry_id, p.reason) for p in problems] == [(None, "the head is at entry 5 but the last entry is 3")]
    assert verify(rows, None)[0].reason == "the chain's head is missing"
