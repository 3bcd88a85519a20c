"""Folding and word matching: case, diacritics and special letters never matter; typos are counted right."""

import pytest

from imi.search import definition
from imi.search.analysis import analyse
from imi.search.text import edit_distance, fold, prefix_distance, spans, words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Łódź", ["lodz"]),
        ("Straße GROẞ", ["strasse", "gross"]),
        ("Ærø Køge Œuvre", ["aero", "koge", "oeuvre"]),
        ("Þjóðskrá Íslands", ["thjodskra", "islands"]),
        ("Đakovo", ["dakovo"]),
        ("Ħamrun Ġżira għall-Ċentru", ["hamrun", "gzira", "ghall", "centru"]),
        ("Šiauliai Ąžuolas Ēģīķ Őrség", ["siauliai", "azuolas", "egik", "orseg"]),
        ("București Bucureşti", ["bucuresti", "bucuresti"]),
        ("Αθήνα ΑΘΗΝΑ αθηνα", ["αθηνα", "αθηνα", "αθηνα"]),
        ("Σύλλογος ΣΥΛΛΟΓΟΣ συλλογοσ", ["συλλογοσ", "συλλογοσ", "συλλογοσ"]),
        ("Προϊόντα", ["προιοντα"]),
        ("Изпълнителна агенция „Главна инспекция“", ["изпълнителна", "агенция", "главна", "инспекция"]),
        ("Йордан ёлка", ["иордан", "елка"]),
        ("Conseil national de l'Ordre", ["conseil", "national", "de", "l", "ordre"]),
        ("ﬁnance A1 2005/36/EC", ["finance", "a1", "2005", "36", "ec"]),
        ("e\u0301cole", ["ecole"]),
    ],
)
def test_words_are_folded(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_fold_keeps_the_text_otherwise() -> None:
    assert fold("Ośrodek – Zdrowia") == "osrodek – zdrowia"


def test_spans_point_into_the_original_text() -> None:
    text = "Österreichische Ärztekammer, Wien"
    assert [(text[start:end], word) for start, end, word in spans(text)] == [
        ("Österreichische", "osterreichische"),
        ("Ärztekammer", "arztekammer"),
        ("Wien", "wien"),
    ]


@pytest.mark.parametrize(
    ("left", "right", "limit", "expected"),
    [
        ("apotheker", "apotheker", 2, 0),
        ("apotheker", "apoteker", 2, 1),
        ("arbetsmiljovreket", "arbetsmiljoverket", 2, 1),  # a transposition is one typo
        ("gegevensbeshermingsautoritiet", "gegevensbeschermingsautoriteit", 2, 2),
        ("bundesaertzekamer", "bundesarztekammer", 2, 3),  # over the limit: limit + 1
        ("abc", "abcdef", 1, 2),
    ],
)
def test_edit_distance(left: str, right: str, limit: int, expected: int) -> None:
    assert edit_distance(left, right, limit) == expected


def test_prefix_distance_measures_against_the_closest_beginning() -> None:
    assert prefix_distance("apoth", "apotheker", 1) == 0
    assert prefix_distance("apoht", "apotheker", 1) == 1
    assert prefix_distance("arbeitsinsp", "arbeidsinspectie", 2) == 1
    assert prefix_distance("xpoth", "apotheker", 1) == 1


def test_query_analysis_follows_the_typo_and_prefix_rules() -> None:
    found = {word.text: word for word in analyse("Ministry of Health GDPR A1 apoth", definition())}
    assert found["ministry"].typos == 1 and not found["ministry"].prefix
    assert found["of"].optional and found["of"].typos == 0
    assert found["gdpr"].typos == 0 and ("rodo",) in found["gdpr"].alternatives
    assert found["a1"].typos == 0
    assert found["apoth"].prefix and found["apoth"].typos == 1
    assert [word.prefix for word in analyse("apoth ", definition())] == [False]
    assert [word.optional for word in analyse("de", definition())] == [False]  # a lone stop word counts


def test_a_typo_never_falls_on_the_first_letter() -> None:
    (word,) = analyse("pharmacist ", definition())
    assert word.matches("pharmacits") == 1
    assert word.matches("farmacist") is None
    assert word.matches("pharmacy") is None
