"""Apertium mode names, our language codes and pivot routes (from a given list of modes)."""

import pytest

from imi.translation.apertium.modes import PairGraph, our_code, pair_from_mode
from imi.translation.protocol import Route, Unserved

MODES = [
    "es-pt",
    "pt-es",
    "es-pt_BR",
    "eng-spa",
    "spa-eng",
    "spa-eng_US",
    "fr-es",
    "es-fr",
    "ro-es",
    "eng-hbs_HR",
    "eng-hbs",
    "eng-hbs_SR",
    "hbs-eng",
    "isl-eng",
    "dan-nob",
    "nob-dan",
    "Cyrl-Latn",
    "eco-es-fr",
    "dan-nno",
    "swe-dan",
]


def graph(**options: object) -> PairGraph:
    return PairGraph([p for m in MODES if (p := pair_from_mode(m))], **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("code", "as_source", "ours"),
    [
        ("spa", True, "es"),
        ("es", False, "es"),
        ("eng", False, "en"),
        ("hbs_HR", False, "hr"),
        ("hbs", True, "hr"),
        ("hbs", False, None),
        ("hbs_SR", False, None),
        ("pt_BR", False, None),
        ("eng_US", False, None),
        ("nob", True, "nb"),
        ("nno", False, None),
        ("isl", True, "is"),
        ("Cyrl", True, None),
    ],
)
def test_apertium_codes_map_to_ours(code: str, as_source: bool, ours: str | None) -> None:
    assert our_code(code, as_source=as_source) == ours


def test_modes_become_pairs_with_cli_and_apy_names() -> None:
    pair = pair_from_mode("eng-hbs_HR")
    assert pair is not None
    assert (pair.source, pair.target, pair.mode, pair.langpair) == ("en", "hr", "eng-hbs_HR", "eng|hbs_HR")
    assert pair_from_mode("Cyrl-Latn") is None
    assert pair_from_mode("eco-es-fr") is None
    assert pair_from_mode("es-pt_BR") is None


def test_a_served_variety_is_preferred_and_others_ignored() -> None:
    g = graph()
    assert g.pairs[("en", "hr")].mode == "eng-hbs_HR"
    assert g.pairs[("es", "pt")].mode == "es-pt"
    assert g.pairs[("es", "en")].mode == "spa-eng"


def test_direct_pivot_one_way_and_missing() -> None:
    g = graph()
    assert g.route("es", "pt") == Route("es", "pt")
    assert g.route("fr", "en") == Route("fr", "en", ("es",))
    assert g.route("hr", "es") == Route("hr", "es", ("en",))
    one_way = g.route("es", "ro")
    assert isinstance(one_way, Unserved) and "one-way" in one_way.reason and "ro-es" in one_way.reason
    missing = g.route("de", "fr")
    assert isinstance(missing, Unserved) and "de" in missing.reason


def test_the_number_of_pivots_is_bounded() -> None:
    assert isinstance(graph(max_pivots=1).route("pt", "hr"), Unserved)
    assert graph(max_pivots=2).route("pt", "hr") == Route("pt", "hr", ("es", "en"))


def test_only_configured_pivots_are_used() -> None:
    assert isinstance(graph(pivots=("en",)).route("fr", "pt"), Unserved)
    assert isinstance(graph(pivots=()).route("fr", "en"), Unserved)
    assert isinstance(graph().route("sv", "nb"), Unserved)
    assert graph(pivots=("da",)).route("sv", "nb") == Route("sv", "nb", ("da",))


def test_hops_follow_the_route() -> None:
    g = graph()
    route = g.route("fr", "en")
    assert isinstance(route, Route)
    assert [p.mode for p in g.hops(route)] == ["fr-es", "spa-eng"]
