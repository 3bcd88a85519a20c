"""The competence keyword lists: complete in every language, well formed, and plausibly translated."""

import re
import unicodedata
from pathlib import Path

import pytest

from imi.reference import LANGUAGE_CODES, legal_areas
from imi.reference.keywords import (
    KEYWORDS_DIR,
    Keyword,
    KeywordKind,
    keyword,
    keywords,
    keywords_for_area,
    load_keywords,
)
from imi.reference.loader import DataFileError, read_yaml

# The professions with automatic recognition under Title III Chapter III of Directive 2005/36/EC.
SECTORAL = {
    "profession.medical_doctor",
    "profession.general_care_nurse",
    "profession.dental_practitioner",
    "profession.midwife",
    "profession.pharmacist",
    "profession.veterinary_surgeon",
    "profession.architect",
}
# The professions of the European Professional Card (Implementing Regulation (EU) 2015/983, Annex I).
EPC = {
    "profession.general_care_nurse",
    "profession.pharmacist",
    "profession.physiotherapist",
    "profession.mountain_guide",
    "profession.real_estate_agent",
}
ID = re.compile(r"^(profession|activity|subject)(\.[a-z0-9]+(_[a-z0-9]+)*)+$")

# A label spelled exactly like an English label of the same keyword is suspicious (an untranslated copy),
# except for these words, which the language really uses in that form.
SAME_AS_ENGLISH = {
    "accountant": "the Dutch title (accountant) and the Maltese usage",
    "architect": "the Dutch word for an architect",
    "auditor": "the Czech and Portuguese word for an auditor",
    "catering": "the loanword used for catering in most of the languages",
    "construction": "the French word for construction",
    "dentist": "the Maltese and Romanian word for a dentist",
    "doctor": "the Romanian word for a doctor",
    "electrician": "the Romanian word for an electrician",
    "lifeguard": "the loanword in everyday Maltese",
    "marketing": "the loanword used for marketing in most of the languages",
    "optician": "the Romanian word for an optician",
    "optometrist": "the word in da, de, et, hr, nl, ro, sl and nb",
    "orthodontist": "the Dutch word for an orthodontist",
    "paramedic": "the Romanian word for a paramedic",
    "pilot": "the word for a pilot in cs, da, de, hr, pl, ro, sk, sl, sv and nb",
    "specialist": "the Dutch, Slovenian and Swedish word for a (medical) specialist",
}

# Letters each language writes beyond the basic Latin alphabet; anything else is a typo or a wrong script
# (for example Romanian s and t with cedilla instead of comma below).
EXTRA_LETTERS = {
    "cs": "áčďéěíňóřšťúůýž",
    "da": "æøåé",
    "de": "äöüßé",
    "en": "",
    "es": "áéíóúüñ",
    "et": "äöõüšž",
    "fi": "äöåšž",
    "fr": "àâæçéèêëîïôœùûüÿ",
    "ga": "áéíóú",
    "hr": "čćđšž",
    "hu": "áéíóöőúüű",
    "it": "àèéìíîòóù",
    "lt": "ąčęėįšųūž",
    "lv": "āčēģīķļņšūž",
    "mt": "ċġħżàèìòù",
    "nl": "äëïöüéèáó",
    "pl": "ąćęłńóśźż",
    "pt": "áàâãçéêíóôõúºª",
    "ro": "ăâîșț",
    "sk": "áäčďéíĺľňóôŕšťúýž",
    "sl": "čšž",
    "sv": "åäöé",
    "is": "áðéíóúýþæö",
    "nb": "æøåé",
}
PUNCTUATION = " -'.,/()"
ACRONYM = re.compile(r"^[A-Z][A-Z0-9]+$")  # A1, IT, GP: written in Latin capitals in every script
BULGARIAN = set("абвгдежзийклмнопрстуфхцчшщъьюя")
GREEK = set("αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ")

# What an official would type, and the keyword it must find: (keyword id, language, label).
EXPECTED = [
    ("profession.pharmacist", "de", "Apotheker"),
    ("profession.pharmacist", "pl", "farmaceuta"),
    ("profession.pharmacist", "fr", "pharmacienne"),
    ("profession.pharmacist", "cs", "lékárník"),
    ("profession.pharmacist", "el", "φαρμακοποιός"),
    ("profession.pharmacist", "fi", "proviisori"),
    ("profession.medical_doctor", "de", "Ärztin"),
    ("profession.medical_doctor", "bg", "лекар"),
    ("profession.medical_doctor", "hu", "orvos"),
    ("profession.medical_doctor", "is", "læknir"),
    ("profession.general_care_nurse", "de", "Krankenschwester"),
    ("profession.general_care_nurse", "it", "infermiera"),
    ("profession.general_care_nurse", "sv", "sjuksköterska"),
    ("profession.dental_practitioner", "nl", "tandarts"),
    ("profession.dental_practitioner", "es", "dentista"),
    ("profession.midwife", "de", "Hebamme"),
    ("profession.midwife", "fr", "sage-femme"),
    ("profession.midwife", "pl", "położna"),
    ("profession.midwife", "ga", "cnáimhseach"),
    ("profession.veterinary_surgeon", "da", "dyrlæge"),
    ("profession.veterinary_surgeon", "lv", "veterinārārsts"),
    ("profession.architect", "mt", "perit"),
    ("profession.architect", "el", "αρχιτέκτονας"),
    ("profession.physiotherapist", "sv", "fysioterapeut"),
    ("profession.physiotherapist", "fr", "kinésithérapeute"),
    ("profession.mountain_guide", "it", "guida alpina"),
    ("profession.real_estate_agent", "nl", "makelaar"),
    ("profession.lawyer", "de", "Rechtsanwalt"),
    ("profession.lawyer", "hr", "odvjetnik"),
    ("profession.chimney_sweep", "de", "Schornsteinfeger"),
    ("profession.chimney_sweep", "pl", "kominiarz"),
    ("profession.hairdresser", "fr", "coiffeuse"),
    ("profession.tourist_guide", "el", "ξεναγός"),
    ("profession.statutory_auditor", "de", "Wirtschaftsprüfer"),
    ("profession.speech_therapist", "fr", "orthophoniste"),
    ("activity.construction", "de", "Bauwesen"),
    ("activity.temporary_work_agency", "fr", "entreprise de travail temporaire"),
    ("subject.posting.declaration", "de", "Entsendemeldung"),
    ("subject.posting.a1_portable_document", "en", "A1"),
    ("subject.healthcare.reimbursement", "en", "reimbursement"),
]


def _folded(text: str) -> str:
    return text.casefold()


def test_every_legal_area_file_names_a_known_area() -> None:
    codes = {area.code for area in legal_areas()}
    files = sorted(KEYWORDS_DIR.glob("*.yaml"))
    assert files
    assert {path.stem for path in files} <= codes


def test_ids_are_unique_and_well_formed() -> None:
    ids = [item.id for item in keywords()]
    assert len(ids) == len(set(ids))
    for item in keywords():
        assert ID.match(item.id), item.id
        assert item.id.split(".")[0] == item.kind.lower(), item.id


def test_every_keyword_is_labelled_in_all_26_languages_in_order() -> None:
    assert len(LANGUAGE_CODES) == 26
    for path in sorted(KEYWORDS_DIR.glob("*.yaml")):
        for raw in read_yaml(path)["keywords"]:
            assert tuple(raw["labels"]) == LANGUAGE_CODES, f"{path.name}: {raw['id']}"
    for item in keywords():
        for code in LANGUAGE_CODES:
            assert item.label(code).strip(), (item.id, code)


def test_the_issue_counts_are_met() -> None:
    professions = {item.id for item in keywords_for_area("PROFESSIONAL_QUALIFICATIONS")}
    assert professions >= SECTORAL | EPC
    assert all(keyword(id).kind is KeywordKind.PROFESSION for id in professions)
    specialist_doctors = {id for id in professions if id.startswith("profession.specialist_doctor.")}
    assert len(specialist_doctors) >= 5
    assert "profession.specialist_dentist" in professions
    assert len(professions - SECTORAL - EPC - specialist_doctors) >= 30
    assert _count("SERVICES", KeywordKind.ACTIVITY) >= 20
    assert _count("POSTING_OF_WORKERS", KeywordKind.SUBJECT) >= 12
    assert _count("PATIENTS_RIGHTS", KeywordKind.SUBJECT) >= 10


def _count(area: str, kind: KeywordKind) -> int:
    return sum(1 for item in keywords_for_area(area) if item.kind is kind)


@pytest.mark.parametrize(("keyword_id", "language", "label"), EXPECTED)
def test_an_official_finds_the_keyword_in_their_language(keyword_id: str, language: str, label: str) -> None:
    assert _folded(label) in {_folded(text) for text in keyword(keyword_id).labels[language]}


def test_labels_are_not_untranslated_english() -> None:
    for item in keywords():
        english = {_folded(text) for text in item.labels["en"]}
        for code in LANGUAGE_CODES:
            if code == "en":
                continue
            for text in item.labels[code]:
                if _folded(text) in english:
                    assert _folded(text) in SAME_AS_ENGLISH, f"{item.id} {code}: {text!r} is English"


def test_the_allow_list_of_english_spellings_is_used() -> None:
    used = {
        _folded(text)
        for item in keywords()
        for code in LANGUAGE_CODES
        if code != "en"
        for text in item.labels[code]
        if _folded(text) in {_folded(label) for label in item.labels["en"]}
    }
    assert set(SAME_AS_ENGLISH) == used


def test_labels_are_written_in_the_language_s_script_and_alphabet() -> None:
    for item in keywords():
        for code in LANGUAGE_CODES:
            for text in item.labels[code]:
                words = [word for word in text.split() if not ACRONYM.match(word)]
                folded = unicodedata.normalize("NFC", " ".join(words).casefold())
                letters = {char for char in folded if char not in PUNCTUATION and not char.isdigit()}
                if code == "bg":
                    allowed = BULGARIAN
                elif code == "el":
                    allowed = GREEK
                else:
                    allowed = set("abcdefghijklmnopqrstuvwxyz") | set(EXTRA_LETTERS[code])
                wrong = sorted(letters - allowed)
                assert not wrong, f"{item.id} {code}: {text!r} has {[unicodedata.name(c) for c in wrong]}"
                assert unicodedata.normalize("NFC", text) == text, (item.id, code, text)
                assert "  " not in text, (item.id, code, text)
                assert text.strip("-") == text, f"{item.id} {code}: {text!r} was split at a comma"


def test_a_keyword_answers_its_labels() -> None:
    pharmacist = keyword("profession.pharmacist")
    assert pharmacist.legal_area == "PROFESSIONAL_QUALIFICATIONS"
    assert pharmacist.label("en") == "pharmacist"
    labels = pharmacist.all_labels()
    assert len(labels) == len(set(labels))
    assert {"Apotheker", "farmaceuta", "φαρμακοποιός"} <= set(labels)
    assert pharmacist in keywords_for_area("PROFESSIONAL_QUALIFICATIONS")
    assert all(item.legal_area == "SERVICES" for item in keywords_for_area("SERVICES"))
    assert keywords_for_area("NO_SUCH_AREA") == ()
    with pytest.raises(KeyError):
        keyword("profession.alchemist")


def _file(area: str = "GDPR", id: str = "subject.a", kind: str = "SUBJECT", labels: str = "") -> str:
    labels = labels or "".join(f"      {code}: [x{code}]\n" for code in LANGUAGE_CODES)
    return f"legal_area: {area}\nkeywords:\n  - id: {id}\n    kind: {kind}\n    labels:\n{labels}"


def _labels_without(language: str, replacement: str = "") -> str:
    lines = [f"      {code}: [x{code}]\n" for code in LANGUAGE_CODES if code != language]
    return "".join(lines) + (f"      {language}: {replacement}\n" if replacement else "")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (_file(area="NOPE"), "unknown legal area 'NOPE'"),
        (_file(kind="TOPIC"), "unknown kind"),
        (_file(id="Subject.A"), "malformed keyword id"),
        (_file(id="activity.a"), "starts with subject"),
        (_file(labels=_labels_without("ga")), r"no labels in \['ga'\]"),
        (_file(labels=_labels_without("mt", "['']")), "mt has an empty"),
        (_file(labels=_labels_without("nb", "[]")), "nb labels must be a non-empty list"),
        (_file(labels=_labels_without("de", "[Arzt, arzt]")), "de repeats a label"),
        (_file(labels=_labels_without("de") + "      xx: [x]\n"), "unserved languages"),
    ],
)
def test_a_faulty_file_is_refused_with_its_name(tmp_path: Path, body: str, message: str) -> None:
    (tmp_path / "GDPR.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(DataFileError, match=message) as error:
        load_keywords(tmp_path)
    assert str(error.value).startswith("GDPR.yaml")


def test_an_id_defined_in_two_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "GDPR.yaml").write_text(_file(), encoding="utf-8")
    (tmp_path / "SOLVIT.yaml").write_text(_file(area="SOLVIT"), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"^SOLVIT\.yaml.*already defined in GDPR\.yaml"):
        load_keywords(tmp_path)


def test_a_file_named_after_another_area_is_refused(tmp_path: Path) -> None:
    (tmp_path / "SOLVIT.yaml").write_text(_file(), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"must be named GDPR\.yaml"):
        load_keywords(tmp_path)


def test_a_well_formed_file_loads(tmp_path: Path) -> None:
    (tmp_path / "GDPR.yaml").write_text(_file(), encoding="utf-8")
    (loaded,) = load_keywords(tmp_path)
    assert isinstance(loaded, Keyword)
    assert loaded.kind is KeywordKind.SUBJECT
    assert loaded.label("ga") == "xga"
    assert loaded.labels["bg"] == ("xbg",)
    assert len(loaded.all_labels()) == 26
