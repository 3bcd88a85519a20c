"""The content checks: each kind of failure is found and named; the real data files pass them all."""

from typing import Any

import pytest

from imi.catalogue.checks import Allowlist, main, report, run_checks
from imi.catalogue.language_check import LanguageChecker, is_long_enough, maltese_evidence
from imi.catalogue.loader import DATA_DIR
from imi.catalogue.model import Failure
from imi.reference import LANGUAGE_CODES

from .conftest import Writer
from .samples import sample_labels


def _reasons(failures: list[Failure]) -> set[tuple[str, str, str]]:
    return {(f.identifier, f.language, f.reason) for f in failures}


def test_sample_passes_without_detection(write_data: Writer, raw_catalogue: dict[str, Any]) -> None:
    assert run_checks(write_data(TEST_REQUEST=raw_catalogue), detect=False) == []


def test_placeholder_and_text_failures(write_data: Writer, raw_catalogue: dict[str, Any]) -> None:
    items = raw_catalogue["sections"][0]["items"]
    items[0]["text"]["de"] = "Beruf {beruf} (de)"
    items[0]["text"]["fr"] = "Profession (fr)"
    items[1]["text"]["pl"] = "Poziom {profession} (pl)"
    items[1]["help"]["it"] = "Aiuto {livello (it)"
    items[2]["text"]["sk"] = items[2]["text"]["en"]
    items[3]["text"]["lv"] = " Kopš (lv)"
    items[4]["text"]["en"] = "Years as {profession}"
    items[5]["parameters"] = ["country"]
    failures = run_checks(write_data(TEST_REQUEST=raw_catalogue), detect=False)
    assert _reasons(failures) == {
        ("tst.main.established", "de", "text: placeholders {beruf} differ from English {profession}"),
        ("tst.main.established", "fr", "text: placeholders none differ from English {profession}"),
        ("tst.main.level", "pl", "text: placeholders {profession} differ from English none"),
        ("tst.main.level", "it", "help: a brace that is not part of a {placeholder}"),
        ("tst.main.sanctions", "sk", "text: identical to English"),
        ("tst.main.since", "lv", "text: surrounding blanks, double spaces or control characters"),
        ("tst.main.years", "en", "text: placeholders {profession} are not declared parameters"),
        *{("tst.main.years", lang, "text: placeholders none differ from English {profession}")
          for lang in LANGUAGE_CODES if lang != "en"},
        ("tst.main.details", "en", "text: parameters {country} unused"),
    }
    assert len([f for f in failures if f.identifier == "tst.main.years"]) == 26


def test_allowlist_permits_identical_names(write_data: Writer, raw_catalogue: dict[str, Any]) -> None:
    sanctions = raw_catalogue["sections"][0]["items"][2]
    sanctions["text"]["sk"] = sanctions["text"]["en"]
    folder = write_data(TEST_REQUEST=raw_catalogue)
    by_text = Allowlist(identical_texts=frozenset({"Sanctions (en)"}))
    by_key = Allowlist(identical=frozenset({("tst.main.sanctions:text", "sk")}))
    assert run_checks(folder, detect=False, allowlist=by_text) == []
    assert run_checks(folder, detect=False, allowlist=by_key) == []
    assert len(run_checks(folder, detect=False, allowlist=Allowlist())) == 1


def test_nesting_and_labels(write_data: Writer, raw_catalogue: dict[str, Any]) -> None:
    raw_catalogue["sections"][0]["items"][1]["id"] = "tst.other.level"
    raw_catalogue["sections"][0]["items"][2]["options"][0]["id"] = "tst.main.sanctions.fine"
    failures = run_checks(write_data(TEST_REQUEST=raw_catalogue, labels=sample_labels()), detect=False)
    reasons = _reasons(failures)
    assert ("tst.other.level", "", "item id does not start with tst.main.") in reasons
    assert ("tst.main.sanctions.fine", "", "option id does not start with tst.main.sanctions.opt.") in reasons
    assert ("labels.survey_scale.3", "", "label missing") in reasons
    assert ("labels.procedures.TEST_REQUEST", "", "label missing") in reasons
    assert ("labels.answers.YES", "", "label missing") not in reasons


def test_loading_problems_are_reported_too(write_data: Writer, raw_catalogue: dict[str, Any]) -> None:
    del raw_catalogue["sections"][0]["title"]["hr"]
    failures = run_checks(write_data(TEST_REQUEST=raw_catalogue), detect=False)
    assert _reasons(failures) == {("tst.main", "hr", "title: missing translation")}
    assert "TEST_REQUEST.yaml\n  tst.main [hr] title: missing translation" in report(failures)


def test_short_texts_are_not_judged() -> None:
    assert not is_long_enough("Yes")
    assert not is_long_enough("Berufshaftpflichtversicherung vorhanden")  # long, but two words
    assert not is_long_enough("Is {profession} {date} ok")
    assert is_long_enough("Ist die Person rechtmäßig niedergelassen?")


MALTESE = [
    ("Il-professjonist huwa stabbilit legalment f'pajjiżek?", True),
    ("Ir-Regolament Ġenerali dwar il-Protezzjoni tad-Data", True),
    ("La sodisfatt u lanqas insodisfatt", True),
    ("Il professionista è stabilito legalmente nel vostro paese?", False),  # Italian: no Maltese words
    ("Is the professional legally established in your country?", False),
    ("Czy specjalista prowadzi działalność zgodnie z prawem?", False),  # Polish letters
]


@pytest.mark.parametrize(("text", "accepted"), MALTESE)
def test_maltese_rule(checker: LanguageChecker, text: str, accepted: bool) -> None:
    assert (checker.problem(text, "mt") is None) is accepted


def test_maltese_evidence_counts_words() -> None:
    assert maltese_evidence("Id-dokument huwa awtentiku u nħareġ mill-korp kompetenti?") >= 4
    assert maltese_evidence("Dokument ważny dla {profession}") == -1
    assert maltese_evidence("Dokument valid for the profession") == 0


def test_detection_names_the_language_read(checker: LanguageChecker) -> None:
    german = "Ist die Person in Ihrem Land rechtmäßig niedergelassen?"
    assert checker.problem(german, "de") is None
    assert checker.problem(german, "nl") == "reads as de, not nl"
    assert checker.problem("Er personen lovlig etablert i ditt land for å utøve yrket?", "da") == (
        "reads as nb, not da")
    assert checker.detect("Je osoba v tvé zemi usazena v souladu s právními předpisy?") == "cs"


def test_wrong_language_is_reported(checker: LanguageChecker, write_data: Writer,
                                    raw_catalogue: dict[str, Any]) -> None:
    french = "Veuillez décrire la formation et sa durée totale."
    raw_catalogue["sections"][0]["items"][5]["help"]["fi"] = french
    failures = run_checks(write_data(TEST_REQUEST=raw_catalogue), checker=checker)
    assert [(f.identifier, f.language, f.reason.split(":")[0:2]) for f in failures] == [
        ("tst.main.details", "fi", ["help", " reads as fr, not fi"])]


def test_every_data_file_passes_every_check(checker: LanguageChecker) -> None:
    failures = run_checks(DATA_DIR, checker=checker)
    assert not failures, "\n" + report(failures)


def test_command_line_report(capsys: pytest.CaptureFixture[str], write_data: Writer,
                             raw_catalogue: dict[str, Any]) -> None:
    folder = write_data(TEST_REQUEST=raw_catalogue)
    assert main(["--data-dir", str(folder), "--no-detection"]) == 0
    assert capsys.readouterr().out == "catalogue checks: no failures\n"
    raw_catalogue["sections"][0]["items"][0]["text"]["ro"] = "Profesia (ro)"
    assert main(["--data-dir", str(write_data(TEST_REQUEST=raw_catalogue)), "--no-detection"]) == 1
    assert "tst.main.established [ro] text: placeholders none differ" in capsys.readouterr().out
