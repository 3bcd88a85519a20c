"""Each list view costs a fixed number of SQL statements, however long the list (DataLoaders)."""

from datetime import timedelta

from tests import operations as ops
from tests import world
from tests.exchanges.conftest import Cast
from tests.queries import counting_queries
from tests.world import PROCEDURE

LIST_VIEW = """query($input: ExchangesInput!) { exchanges(input: $input) { edges { node {
  id reference state subject updatedAt deadline { date daysLeft overdue } myParties allowedActions
  requestingAuthority { officialName countryCode } respondingAuthority { officialName countryCode }
  procedure { code name } legalArea { code } } } pageInfo { hasNextPage endCursor } } }"""
DETAIL_VIEW = ops.DETAIL


async def _requests(client, cast: Cast, clock, count: int) -> list[dict]:
    made = []
    for n in range(count):
        draft = (await client.gql(ops.CREATE, {"input": {
            "procedure": PROCEDURE, "subject": f"Anfrage {n}", "respondingAuthorityId": cast.responder.authority_gid,
            "requestedReplyDate": (clock.now().date() + timedelta(days=10)).isoformat(),
            "questions": world.QUESTIONS}}))["createRequest"]["exchange"]
        made.append((await client.gql(ops.SEND, {"input": {"exchangeId": draft["id"], "version": 1}})
                     )["sendRequest"]["exchange"])
    return made


async def _count(client, document: str, variables: dict) -> int:
    with counting_queries() as statements:
        await client.gql(document, variables)
    return len(statements)


async def test_list_views_cost_the_same_for_2_or_12_rows(cast: Cast, client_for, clock) -> None:
    requester, responder = await client_for(cast.requester), await client_for(cast.responder)
    await _requests(requester, cast, clock, 2)
    costs = {}
    for box in ("ALL", "SENT", "TO_ACCEPT"):
        client = responder if box == "TO_ACCEPT" else requester
        costs[box] = await _count(client, LIST_VIEW, {"input": {"box": box, "first": 50}})
    await _requests(requester, cast, clock, 10)
    for box, cost in costs.items():
        client = responder if box == "TO_ACCEPT" else requester
        assert await _count(client, LIST_VIEW, {"input": {"box": box, "first": 50}}) == cost, box
    # authenticate (session + rights + country), one page per branch of everything an authority takes part in
    # (as requester, responder, referral coordinator, broadcast participant, case party), the page's authorities
    assert costs["ALL"] == 9 and costs["SENT"] == 5, costs


async def test_the_detail_view_has_a_fixed_cost(cast: Cast, client_for, clock) -> None:
    requester = await client_for(cast.requester)
    sent = (await _requests(requester, cast, clock, 1))[0]
    before = await _count(requester, DETAIL_VIEW, {"id": sent["id"]})
    for n in range(5):
        await requester.gql(ops.ADD_MESSAGE, {"input": {"exchangeId": sent["id"], "text": f"Nachricht {n}"}})
    assert await _count(requester, DETAIL_VIEW, {"id": sent["id"]}) == before
