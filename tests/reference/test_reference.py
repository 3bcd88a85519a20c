"""Reference data: the 30 EEA countries with EU codes, the 26 languages, the legal areas."""

from imi.reference import LANGUAGE_CODES, countries, country, languages, legal_areas, procedures


def test_the_30_eea_countries_with_eu_codes() -> None:
    codes = [c.code for c in countries()]
    assert len(codes) == 30 == len(set(codes))
    assert all(isinstance(code, str) and len(code) == 2 and code.isupper() for code in codes), codes
    assert "EL" in codes and "GR" not in codes and "NO" in codes
    assert country("EL").iso == "GR" and country("EL").name("el") == "Ελλάδα"
    assert sum(c.eu for c in countries()) == 27
    assert all(set(c.languages) <= set(LANGUAGE_CODES) for c in countries())


def test_the_26_languages_have_names_in_every_language() -> None:
    assert len(languages()) == 26
    assert all(lang.name(other) for lang in languages() for other in LANGUAGE_CODES)
    assert [lang.code for lang in languages() if lang.lingua is None] == ["mt"]


def test_legal_areas_and_procedures() -> None:
    assert len(legal_areas()) == 17
    areas = {a.code for a in legal_areas()}
    assert all(p.legal_area in areas for p in procedures())
    assert {p.code for p in procedures() if p.kind == "REQUEST"} >= {
        "PQ_REQUEST", "SERVICES_REQUEST", "POSTING_REQUEST", "PATIENTS_REQUEST"}
