"""The relevance suite: every case of data/cases.yaml against each engine; the embedded one passes them all."""

import json
from typing import Any

import pytest

from imi.search import SearchEngine, SearchHit, SearchResult

from .fixtures import AUTHORITIES, import_file, suite
from .relevance import CHECKS, FILTERS, KEYS, failures, run

CASES: list[dict[str, Any]] = suite()["cases"]


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
async def test_case(engine: SearchEngine, case: dict[str, Any]) -> None:
    problems = await run(engine, case)
    assert not problems, f"{case['id']} ({case['lang']}: {case['query']!r}): " + "; ".join(problems)


def test_the_fixture_is_a_valid_import_file() -> None:
    parsed = import_file()
    assert not parsed.errors, [str(error) for error in parsed.errors]
    assert 150 <= len(parsed.records) <= 300
    assert len({record.country for _, record in parsed.records}) == 30


def test_the_suite_is_broad() -> None:
    """At least 120 cases in at least 16 languages, Greek and Bulgarian among them; every case checks something."""
    assert len(CASES) >= 120
    languages = {case["lang"] for case in CASES}
    assert len(languages) >= 16 and {"el", "bg"} <= languages
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids))
    for case in CASES:
        assert set(case) <= KEYS, f"{case['id']}: unknown keys {set(case) - KEYS}"
        assert any(check in case for check in CHECKS), f"{case['id']} checks nothing"
        values = [v for name in FILTERS for v in case.get(name, [])]
        values += [key for counts in case.get("facets", {}).values() for key in counts]
        assert all(isinstance(v, str) for v in values), f"{case['id']}: quote codes YAML reads otherwise (NO)"


def test_cases_name_authorities_of_the_fixture() -> None:
    lines = AUTHORITIES.read_text(encoding="utf-8").splitlines()
    known = {json.loads(line)["external_id"] for line in lines if line.strip()}
    for case in CASES:
        named = [*case.get("top", []), *case.get("top_any", []), *case.get("includes", []), *case.get("excludes", [])]
        named += list(case.get("highlights", {}))
        assert set(named) <= known, f"{case['id']}: {set(named) - known}"


def test_every_check_of_a_case_can_fail() -> None:
    hit = SearchHit("A", 1.0, {"official_name": "<mark>Alpha</mark>"})
    result = SearchResult((hit, SearchHit("B", 0.5, {})), 2, {"country": {"PL": 2}})
    passing = {"top": ["A", "B"], "top_any": ["B", "A"], "includes": ["B"], "excludes": ["C"], "total": 2,
               "min_total": 1, "facets": {"country": {"PL": 2, "DE": 0}},
               "highlights": {"A": {"official_name": "<mark>Alpha</mark>"}}}
    assert failures(passing, result) == []
    failing = {"top": ["B"], "top_any": ["A", "C"], "includes": ["C"], "excludes": ["A"], "total": 3,
               "min_total": 5, "facets": {"country": {"PL": 1}}, "highlights": {"B": {"official_name": "x"}}}
    assert [problem.split(":")[0] for problem in failures(failing, result)] == [
        "top", "top_any", "includes", "excludes", "total", "min_total", "facets.country", "highlights.B.official_name"
    ]
