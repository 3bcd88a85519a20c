"""The audit log over GraphQL: coordinators read the entries of the authorities they coordinate, a local data
administrator those of its own authority, nobody else any; newest first, by keyset pages, filtered."""

from datetime import timedelta

from imi.clock import FixedClock
from imi.graphql.ids import encode
from imi.privacy import job, rules
from imi.privacy.models import AuditEntry
from tests import operations as ops
from tests.privacy.conftest import Flows, MakeClient

AUDIT_LOG = """query($input: AuditLogInput!) { auditLog(input: $input) {
  edges { cursor node { id at action actor personalFields exchangeId exchangeReference eventId userName
                        authority { officialName } clientAddress requestId } }
  pageInfo { hasNextPage endCursor } } }"""
NODE = """query($id: ID!) { node(id: $id) { ... on AuditEntry { id action } } }"""


async def log(client, **wanted) -> list[dict]:
    data = await client.gql(AUDIT_LOG, {"input": {"first": 100, **wanted}})
    return [edge["node"] for edge in data["auditLog"]["edges"]]


async def refused(client, **wanted) -> str:
    response = await client.post(AUDIT_LOG, {"input": {"first": 100, **wanted}})
    body = response.json()
    assert body.get("data") is None and body["errors"], body
    return str(body["errors"][0]["message"])


async def expected(*authority_ids: int) -> list[int]:
    """The entries of these authorities, newest first, as the database holds them."""
    return [e.id for e in await AuditEntry.filter(authority_id__in=list(authority_ids)).order_by("-id")]


async def test_each_reads_the_entries_of_the_authorities_it_answers_for(flows: Flows, client_for: MakeClient,
                                                                        clock: FixedClock) -> None:
    cast = flows.cast
    ours = await flows.request()
    theirs = await flows.request(name="Anna Nowak", by=cast.colleague)
    for person, exchange in ((cast.requester, ours), (cast.responder, ours), (cast.colleague, theirs)):
        await (await client_for(person)).gql(ops.DETAIL, {"id": encode("Exchange", exchange.id)})
    await job.run(rules.add_months(clock.now(), 6))
    de, de2, pl = cast.requester.authority.id, cast.colleague.authority.id, cast.responder.authority.id

    national = await client_for(cast.de_coordinator)
    everything = await log(national)
    assert [int(_pk(n["id"])) for n in everything] == await expected(de, de2)
    assert {n["actor"] for n in everything} == {"USER", "SYSTEM"}, "the retention job's steps included"
    blocked = [n for n in everything if n["action"] == "BLOCK"]
    assert {n["exchangeReference"] for n in blocked} == {ours.reference, theirs.reference}
    assert all(n["eventId"] and n["authority"] for n in blocked)
    read = next(n for n in everything if n["action"] == "READ_PERSONAL_DATA" and n["userName"])
    assert read["personalFields"] and read["clientAddress"] == "127.0.0.1" and read["requestId"]

    assert [int(_pk(n["id"])) for n in await log(await client_for(cast.pl_coordinator))] == await expected(pl)
    assert [int(_pk(n["id"])) for n in await log(await client_for(cast.administrator))] == await expected(de)

    only = await log(national, authorityId=cast.colleague.authority_gid)
    assert [int(_pk(n["id"])) for n in only] == await expected(de2)
    assert "do not answer for" in await refused(national, authorityId=cast.responder.authority_gid)
    assert "do not answer for" in await refused(await client_for(cast.administrator),
                                                authorityId=cast.colleague.authority_gid)
    assert "only a coordinator" in await refused(await client_for(cast.requester))


async def test_filters_and_keyset_pages(flows: Flows, client_for: MakeClient, clock: FixedClock) -> None:
    first = await flows.request()
    clock.advance(days=2)
    second = await flows.request(name="Anna Nowak")
    national = await client_for(flows.cast.de_coordinator)

    on_first = await log(national, exchangeId=encode("Exchange", first.id))
    assert on_first and {n["exchangeId"] for n in on_first} == {encode("Exchange", first.id)}
    since = (clock.now() - timedelta(hours=1)).isoformat()
    recent = await log(national, **{"from": since})
    assert recent and {n["exchangeReference"] for n in recent} == {second.reference}
    before = await log(national, to=since)
    assert {n["exchangeReference"] for n in before} == {first.reference}

    pages, after = [], None
    while True:
        data = (await national.gql(AUDIT_LOG, {"input": {"first": 3, "after": after}}))["auditLog"]
        pages.append([int(_pk(e["node"]["id"])) for e in data["edges"]])
        if not data["pageInfo"]["hasNextPage"]:
            break
        after = data["pageInfo"]["endCursor"]
    seen = [pk for page in pages for pk in page]
    assert len(pages) >= 2 and all(len(page) == 3 for page in pages[:-1])
    assert seen == await expected(flows.cast.requester.authority.id), "newest first, none twice, none missed"


async def test_an_entry_by_its_id_only_for_those_who_may_read_it(flows: Flows, client_for: MakeClient) -> None:
    await flows.request()
    entry = await AuditEntry.filter(authority_id=flows.cast.requester.authority.id).first()
    assert entry is not None
    gid = encode("AuditEntry", entry.id)
    assert (await (await client_for(flows.cast.de_coordinator)).gql(NODE, {"id": gid}))["node"]["action"] == "CHANGE"
    assert (await (await client_for(flows.cast.pl_coordinator)).gql(NODE, {"id": gid}))["node"] is None
    assert (await (await client_for(flows.cast.requester)).gql(NODE, {"id": gid}))["node"] is None


def _pk(gid: str) -> str:
    from strawberry import relay

    return relay.GlobalID.from_id(gid).node_id
