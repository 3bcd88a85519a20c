"""Query cost: grows with page sizes and nested lists, counts one branch of a union, reads variables and input
defaults; an operation over the budget is refused before it runs, with its cost."""

import dataclasses

import httpx
import pytest

from graphql import FragmentDefinitionNode, OperationDefinitionNode, parse
from imi.app import create_app
from imi.graphql.cost import LIST_SIZE, CostCounter
from imi.graphql.schema import schema
from tests import operations as ops


def cost(document: str, variables: dict | None = None, max_page: int = 100) -> int:
    parsed = parse(document)
    fragments = {d.name.value: d for d in parsed.definitions if isinstance(d, FragmentDefinitionNode)}
    counter = CostCounter(schema._schema, fragments, variables or {}, max_page)
    return sum(counter.operation(d) for d in parsed.definitions if isinstance(d, OperationDefinitionNode))


PAGE = "query($n: Int!) { exchanges(input: {first: $n}) { edges { node { id subject } } } }"


def test_the_cost_grows_with_the_page_size() -> None:
    small, large = cost(PAGE, {"n": 10}), cost(PAGE, {"n": 100})
    assert small == 10 * (1 + 1 + 1) and large == 10 * small
    assert cost(PAGE, {"n": 100_000}) == large, "a page is never counted larger than the largest page"


def test_the_input_default_counts_when_no_size_is_given() -> None:
    assert cost("{ exchanges(input: {}) { edges { node { id } } } }") == 20 * 3


def test_lists_inside_each_node_multiply_it() -> None:
    nested = "{ exchanges(input: {first: 50}) { edges { node { id messages { text } } } } }"
    assert cost(nested) == 50 * (1 + 1 * (1 + 1 + LIST_SIZE))


def test_one_branch_of_a_result_union_counts_the_dearest() -> None:
    both = cost(ops.SEND)
    only_success = cost(ops.SEND.replace("... on StaleVersion { currentVersion }", ""))
    assert both == only_success, "the error branches cost less than the exchange branch"


def test_fragments_and_aliases_count_each_time_they_are_used() -> None:
    fragment = "fragment F on Exchange { id messages { text } }"
    once = cost(f"{{ a: exchanges(input: {{first: 10}}) {{ edges {{ node {{ ...F }} }} }} }} {fragment}")
    twice = cost(f"{{ a: exchanges(input: {{first: 10}}) {{ edges {{ node {{ ...F }} }} }} "
                 f"b: exchanges(input: {{first: 10}}) {{ edges {{ node {{ ...F }} }} }} }} {fragment}")
    assert twice == 2 * once


@pytest.fixture
async def http(clean_db, settings, clock):
    app = create_app(dataclasses.replace(settings, max_query_cost=5_000), clock)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://imi.test") as client:
        yield client


async def test_an_operation_over_the_budget_is_refused_before_it_runs(http: httpx.AsyncClient) -> None:
    aliases = " ".join(f"p{i}: exchanges(input: {{first: $n}}) {{ edges {{ node {{ id messages {{ text }} }} }} }}"
                       for i in range(5))
    refused = await http.post("/graphql", json={"query": f"query($n: Int!) {{ {aliases} }}", "variables": {"n": 100}})
    error = refused.json()["errors"][0]
    assert "data" not in refused.json() and error["extensions"]["code"] == "QUERY_TOO_COSTLY"
    assert error["extensions"]["cost"] == 5 * 100 * 13 and error["extensions"]["budget"] == 5_000
    allowed = await http.post("/graphql", json={"query": f"query($n: Int!) {{ {aliases} }}", "variables": {"n": 10}})
    assert allowed.json()["data"]["p0"] == {"edges": []}
