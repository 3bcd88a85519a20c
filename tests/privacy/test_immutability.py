"""The audit log cannot be edited: the database refuses every change, the API offers none, and tampering
behind the triggers' back is found by the verifier."""

import re

import pytest
from tortoise.exceptions import BaseORMException

from imi import db
from imi.graphql.schema import schema
from imi.privacy import guard
from imi.privacy.models import AuditEntry, AuditHead
from imi.privacy.verify import verify
from tests.privacy.conftest import Flows

REFUSED = re.escape(guard.REFUSED)


async def written(flows: Flows) -> list[AuditEntry]:
    await flows.request()
    entries = await AuditEntry.all().order_by("id")
    assert len(entries) >= 5
    return entries


async def sql(statement: str) -> None:
    await db.connection().execute_query(statement)


@pytest.mark.parametrize("statement", [
    "UPDATE audit_entry SET user_agent = 'forged' WHERE id = 2",
    "UPDATE audit_entry SET hash = previous_hash",
    "DELETE FROM audit_entry WHERE id = 3",
    "DELETE FROM audit_entry",
    "UPDATE audit_head SET seq = seq - 1",
    "DELETE FROM audit_head",
])
async def test_the_database_refuses_to_change_it(flows: Flows, statement: str) -> None:
    before = [(e.id, e.hash, e.user_agent) for e in await written(flows)]
    with pytest.raises(BaseORMException, match=REFUSED):
        await sql(statement)
    assert [(e.id, e.hash, e.user_agent) for e in await AuditEntry.all().order_by("id")] == before
    assert (await verify()).intact


async def test_the_orm_cannot_change_it_either(flows: Flows) -> None:
    entry = (await written(flows))[0]
    with pytest.raises(BaseORMException, match=REFUSED):
        await AuditEntry.filter(id=entry.id).update(client_address="198.51.100.1")
    with pytest.raises(BaseORMException, match=REFUSED):
        await entry.delete()


async def test_truncating_it_is_refused_on_postgresql(flows: Flows) -> None:
    if db.connection().capabilities.dialect != "postgres":
        pytest.skip("SQLite has no TRUNCATE")
    await written(flows)
    with pytest.raises(BaseORMException, match=REFUSED):
        await sql("TRUNCATE audit_entry")


def test_no_api_changes_it() -> None:
    mutation = schema.as_str().split("type Mutation {", 1)[1].split("}", 1)[0]
    assert "audit" not in mutation.lower()


async def test_tampering_with_the_triggers_dropped_is_found(flows: Flows) -> None:
    entries = await written(flows)
    assert (await verify()).intact
    await guard.uninstall(db.connection())  # what someone with the database owner's rights could do
    await sql(f"UPDATE audit_entry SET client_address = '198.51.100.1' WHERE id = {entries[1].id}")
    found = await verify()
    assert not found.intact
    assert [(p.entry_id, "changed" in p.reason) for p in found.problems] == [(entries[1].id, True)]


async def test_removed_entries_are_found(flows: Flows) -> None:
    entries = await written(flows)
    anchor = (entries[-1].id, entries[-1].hash)
    await guard.uninstall(db.connection())
    await sql(f"DELETE FROM audit_entry WHERE id = {entries[2].id}")
    assert {p.entry_id for p in (await verify()).problems} == {entries[3].id}
    await sql(f"DELETE FROM audit_entry WHERE id >= {entries[-2].id}")
    tail = await verify(anchor)
    reasons = [p.reason for p in tail.problems]
    assert any("head is at entry" in r for r in reasons), "the head shows entries removed from the end"
    assert "the recorded entry is no longer in the log" in reasons


async def test_a_chain_rebuilt_from_scratch_does_not_match_its_anchor(flows: Flows) -> None:
    entries = await written(flows)
    anchor = (entries[0].id, entries[0].hash)
    await guard.uninstall(db.connection())
    await sql(f"UPDATE audit_entry SET hash = '{'f' * 64}' WHERE id = {entries[0].id}")
    found = await verify(anchor)
    assert any(p.entry_id == entries[0].id and "recorded" in p.reason for p in found.problems)
    head = await AuditHead.get(id=1)
    assert head.seq == entries[-1].id
