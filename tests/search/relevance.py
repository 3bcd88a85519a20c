"""Running one relevance case against an engine and saying what went wrong."""

from typing import Any

from imi.search import SearchEngine, SearchQuery, SearchResult

FILTERS = ("countries", "levels", "legal_areas", "procedures", "statuses")
CHECKS = ("top", "top_any", "includes", "excludes", "total", "min_total", "facets", "highlights")
KEYS = {"id", "lang", "query", "language", "limit", "offset", "within", "note", *FILTERS, *CHECKS}


def query_of(case: dict[str, Any]) -> SearchQuery:
    filters = {name: tuple(case[name]) for name in FILTERS if name in case}
    return SearchQuery(
        text=case["query"],
        language=case.get("language"),
        limit=case.get("limit", 100),
        offset=case.get("offset", 0),
        **filters,
    )


def failures(case: dict[str, Any], result: SearchResult) -> list[str]:
    """What the result gets wrong (empty when the case passes)."""
    ids = [hit.id for hit in result.hits]
    found: list[str] = []
    if "top" in case and ids[: len(case["top"])] != case["top"]:
        found.append(f"top: expected {case['top']}, got {ids[: len(case['top']) + 2]}")
    if "top_any" in case and set(ids[: len(case["top_any"])]) != set(case["top_any"]):
        found.append(f"top_any: expected {sorted(case['top_any'])}, got {ids[: len(case['top_any']) + 2]}")
    within = case.get("within", 10)
    missing = [item for item in case.get("includes", []) if item not in ids[:within]]
    if missing:
        found.append(f"includes: {missing} not in the first {within} of {ids[:within]}")
    present = [item for item in case.get("excludes", []) if item in ids]
    if present:
        found.append(f"excludes: {present} found")
    if "total" in case and result.total != case["total"]:
        found.append(f"total: expected {case['total']}, got {result.total} {ids[:12]}")
    if "min_total" in case and result.total < case["min_total"]:
        found.append(f"min_total: expected at least {case['min_total']}, got {result.total}")
    for facet, counts in case.get("facets", {}).items():
        actual = result.facets.get(facet, {})
        wrong = {value: actual.get(value, 0) for value, count in counts.items() if actual.get(value, 0) != count}
        if wrong:
            found.append(f"facets.{facet}: expected {counts}, got {wrong}")
    hits = {hit.id: hit for hit in result.hits}
    for hit_id, fields in case.get("highlights", {}).items():
        for name, expected in fields.items():
            actual_text = hits[hit_id].highlights.get(name, "") if hit_id in hits else "(no hit)"
            if expected not in actual_text:
                found.append(f"highlights.{hit_id}.{name}: expected {expected!r} in {actual_text!r}")
    return found


async def run(engine: SearchEngine, case: dict[str, Any]) -> list[str]:
    return failures(case, await engine.search(query_of(case)))
