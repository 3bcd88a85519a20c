"""The demo vocabularies: complete for every country and language, in the right scripts and letters."""

import unicodedata
from pathlib import Path

import pytest

from imi.demo.directory import candidates
from imi.demo.sign_ins import sign_ins
from imi.demo.vocabulary import (
    MESSAGE_KINDS,
    REQUEST_AREAS,
    CountryVocabulary,
    country_vocabularies,
    language_vocabularies,
    read_country,
)
from imi.reference import LANGUAGE_CODES, countries
from imi.reference.keywords import keywords
from imi.reference.loader import DataFileError

# Letters each language writes with (a few of its characteristic ones).
LETTERS = {
    "bg": "бгджзийклмпфцчшщъьюя", "cs": "ěščřžýáíéůú", "da": "æøå", "de": "äöüß", "el": "αβγδεζηθλμξπσςφχψωάέίόύώ",
    "en": "", "es": "áéíóúñ", "et": "äöõü", "fi": "äö", "fr": "éèêàçô", "ga": "áéíóú", "hr": "čćđšž",
    "hu": "áéíóöőúüű", "it": "àèéìòù", "lt": "ąčęėįšųūž", "lv": "āčēģīķļņšūž", "mt": "ċġħż", "nl": "",
    "pl": "ąćęłńóśźż", "pt": "ãõçáéíóú", "ro": "ăâîșț", "sk": "ľščťžýáíéôä", "sl": "čšž", "sv": "åäö",
    "is": "áðéíóúýþæö", "nb": "æøå",
}
SCRIPT = {"EL": "GREEK", "CY": "GREEK", "BG": "CYRILLIC"}


def _names(vocabulary: CountryVocabulary) -> list[str]:
    people = vocabulary.people
    return [c.name for c in candidates(vocabulary)] + [vocabulary.coordinator.name] + [
        p.name for p in (*vocabulary.regions, *vocabulary.cities)
    ] + [*people.female, *people.male, *people.last_male, *people.last_female]


def _script_share(text: str, script: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    return sum(unicodedata.name(ch, "").startswith(script) for ch in letters) / max(1, len(letters))


def test_every_country_and_language_has_a_complete_vocabulary() -> None:
    assert set(country_vocabularies()) == {c.code for c in countries()}
    assert set(language_vocabularies()) == set(LANGUAGE_CODES)
    for words in language_vocabularies().values():
        assert set(words.subjects) == set(REQUEST_AREAS)
        assert set(words.messages) == set(MESSAGE_KINDS)
        for subject in words.subjects["PROFESSIONAL_QUALIFICATIONS"]:
            assert "{profession}" in subject


@pytest.mark.parametrize("code", sorted(SCRIPT))
def test_greek_and_bulgarian_names_use_their_script(code: str) -> None:
    vocabulary = country_vocabularies()[code]
    for name in _names(vocabulary):
        # Acronyms of the system itself ("IMI") may stay in Latin letters; names are in the country's script.
        assert _script_share(name.replace("IMI", ""), SCRIPT[code]) >= 0.9, name


def test_latin_script_countries_use_no_greek_or_cyrillic() -> None:
    for code, vocabulary in country_vocabularies().items():
        if code in SCRIPT:
            continue
        for name in _names(vocabulary):
            assert _script_share(name, "GREEK") == 0 and _script_share(name, "CYRILLIC") == 0, name


def test_each_language_is_written_with_its_own_letters() -> None:
    for code, vocabulary in country_vocabularies().items():
        by_language: dict[str, list[str]] = {}
        for candidate in candidates(vocabulary):
            by_language.setdefault(candidate.template.language, []).append(candidate.name)
        people = vocabulary.people
        by_language[vocabulary.coordinator.language] = [
            *by_language.get(vocabulary.coordinator.language, []), *people.female, *people.male, *people.last_male]
        for language, names in by_language.items():
            wanted = LETTERS[language]
            if wanted and len(names) >= 10:
                assert set(wanted) & set(" ".join(names).lower()), f"{code} writes no {language} letters"
    for language, words in language_vocabularies().items():
        text = " ".join(s for kind in words.messages.values() for s in kind).lower()
        assert not LETTERS[language] or set(LETTERS[language]) & set(text), language


def test_romanian_uses_comma_below_not_cedilla() -> None:
    text = " ".join(_names(country_vocabularies()["RO"])) + str(language_vocabularies()["ro"])
    assert "ş" not in text and "ţ" not in text and "Ş" not in text and "Ţ" not in text


def test_competences_are_known_keywords() -> None:
    known = {k.id for k in keywords()}
    for code, vocabulary in country_vocabularies().items():
        for template in vocabulary.templates:
            assert set(template.keywords) <= known, (code, template.text, set(template.keywords) - known)


def test_the_vocabulary_names_as_many_authorities_as_the_real_system() -> None:
    named = sum(len(candidates(v)) for v in country_vocabularies().values())
    assert named >= 12_900


def test_names_are_unique_within_a_country() -> None:
    for vocabulary in country_vocabularies().values():
        names = [c.name for c in candidates(vocabulary)]
        assert len(names) == len(set(names))


def test_every_official_sign_in_has_its_authority() -> None:
    for entry in sign_ins().officials():
        pool = candidates(country_vocabularies()[entry.country])
        if entry.authority:
            assert any(c.name == entry.authority for c in pool), entry.name
        else:
            assert any(c.template.language == entry.language and "PROFESSIONAL_QUALIFICATIONS" in c.template.areas
                       for c in pool), entry.name


def test_a_name_needing_a_missing_grammatical_form_is_refused(tmp_path: Path) -> None:
    source = (Path(__file__).parents[2] / "backend/imi/demo/data/countries/PL.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "PL.yaml"
    broken.write_text(source.replace("{name: Kraków, in: w Krakowie, gen: Krakowa}", "{name: Kraków, gen: Krakowa}"),
                      encoding="utf-8")
    with pytest.raises(DataFileError, match="Kraków"):
        read_country(broken)
