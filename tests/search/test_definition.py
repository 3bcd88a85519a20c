"""The index definition in search_index/: complete, consistent, and refused when malformed."""

import shutil
from pathlib import Path

import pytest

from imi.reference import LANGUAGE_CODES, countries
from imi.search import DefinitionError, definition, load_definition
from imi.search.definition import DEFAULT_DIR


def test_the_definition_covers_every_language_and_country() -> None:
    found = definition()
    assert list(found.languages) == list(LANGUAGE_CODES)
    assert set(found.places) == {item.code for item in countries()}
    assert found.facets == {"country": "country", "level": "level", "legal_area": "legal_areas"}


def test_every_capital_is_listed_under_its_english_name() -> None:
    capitals = {
        "AT": "Vienna", "BE": "Brussels", "BG": "Sofia", "CY": "Nicosia", "CZ": "Prague", "DE": "Berlin",
        "DK": "Copenhagen", "EE": "Tallinn", "EL": "Athens", "ES": "Madrid", "FI": "Helsinki", "FR": "Paris",
        "HR": "Zagreb", "HU": "Budapest", "IE": "Dublin", "IT": "Rome", "LI": "Vaduz", "LT": "Vilnius",
        "LU": "Luxembourg", "LV": "Riga", "MT": "Valletta", "NL": "Amsterdam", "NO": "Oslo", "PL": "Warsaw",
        "PT": "Lisbon", "RO": "Bucharest", "SE": "Stockholm", "SI": "Ljubljana", "SK": "Bratislava",
        "IS": "Reykjavik",
    }
    found = definition()
    for code, capital in capitals.items():
        assert len(found.place_forms(code, capital)) > 1 or capital in {"Vaduz"}, (code, capital)
    assert "München" in found.place_forms("DE", "munich")
    assert "Αθήνα" in found.place_forms("EL", "ATHENS")
    assert found.place_forms("DE", "Ansbach") == ("Ansbach",)


def test_typos_follow_word_length_and_spare_codes() -> None:
    typos = definition().typos
    assert [typos.allowed(word) for word in ("izba", "lekarz", "apotheker", "a1", "2016", "rodo")] == [0, 1, 2, 0, 0, 0]


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "search_index"
    shutil.copytree(DEFAULT_DIR, target)
    return target


@pytest.mark.parametrize(
    ("name", "old", "new", "message"),
    [
        ("authorities.yaml", "matchingStrategy: all", "matchingStrategy: some", "matchingStrategy"),
        ("authorities.yaml", "  ga: {locale: null, stemmer: null}\n", "", "languages"),
        ("authorities.yaml", "    legal_area: legal_areas\n  # Filters", "    region: region\n  # Filters", "facets"),
        ("synonyms.yaml", "- [EPC, CPE, TPE, EBK]", "- [EPC, CPE, TPE, RODO]", "two groups"),
        ("stop_words.yaml", "ga: [agus, an, na]", "xx: [agus]", "served languages"),
        ("places.yaml", '"NO":', "NO:", "quote NO"),
        ("places.yaml", "  - [Graz, Gradec, Grác]", "  - [Graz, Gradec, Graz]", "twice"),
    ],
)
def test_a_malformed_definition_is_refused(tmp_path: Path, name: str, old: str, new: str, message: str) -> None:
    directory = _copy(tmp_path)
    path = directory / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DefinitionError, match=message):
        load_definition(directory)


def test_the_fingerprint_changes_with_the_files(tmp_path: Path) -> None:
    directory = _copy(tmp_path)
    before = load_definition(directory).fingerprint
    assert before == definition().fingerprint
    path = directory / "synonyms.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert load_definition(directory).fingerprint != before
