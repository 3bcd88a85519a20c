"""Loading the catalogue's files: a valid folder loads; each structural problem names its file and id."""

from typing import Any

import pytest

from imi.catalogue.loader import CatalogueError, load_catalogues, read_catalogues
from imi.catalogue.model import AnswerType

from .conftest import Writer
from .samples import sample_catalogue, sample_labels, texts


def _error(folder: Any) -> str:
    with pytest.raises(CatalogueError) as caught:
        load_catalogues(folder)
    return str(caught.value)


def test_valid_folder_loads(write_data: Writer, raw_catalogue: dict[str, Any]) -> None:
    loaded = load_catalogues(write_data(TEST_REQUEST=raw_catalogue, labels=sample_labels()))
    catalogue = loaded.catalogues["TEST_REQUEST"]
    items = list(catalogue.items())
    assert [i.type for i in items] == list(AnswerType)
    assert items[0].parameters == ("profession",)
    assert items[1].option_ids == ("tst.main.level.opt.a", "tst.main.level.opt.b", "tst.main.level.opt.c")
    assert items[-1].required and not items[0].required
    assert loaded.labels.kinds["answers"]["YES"]["fr"] == "Yes (fr)"


def test_labels_are_optional(write_data: Writer, raw_catalogue: dict[str, Any]) -> None:
    assert load_catalogues(write_data(TEST_REQUEST=raw_catalogue)).labels.kinds == {}


def test_unknown_type(write_data: Writer, raw_catalogue: dict[str, Any]) -> None:
    raw_catalogue["sections"][0]["items"][3]["type"] = "DATETIME"
    message = _error(write_data(TEST_REQUEST=raw_catalogue))
    assert "TEST_REQUEST.yaml tst.main.since: unknown type 'DATETIME'" in message


def test_options_on_a_non_choice(write_data: Writer, raw_catalogue: dict[str, Any]) -> None:
    options = [{"id": "tst.main.years.opt.x", "label": texts("x")}]
    raw_catalogue["sections"][0]["items"][4]["options"] = options
    assert "tst.main.years: options are only allowed on a choice, not on NUMBER" in _error(
        write_data(TEST_REQUEST=raw_catalogue))


def test_choice_without_options(write_data: Writer, raw_catalogue: dict[str, Any]) -> None:
    del raw_catalogue["sections"][0]["items"][1]["options"]
    assert "tst.main.level: SINGLE_CHOICE needs a list of at least 2 options" in _error(
        write_data(TEST_REQUEST=raw_catalogue))


def test_duplicate_id_in_a_file(write_data: Writer, raw_catalogue: dict[str, Any]) -> None:
    raw_catalogue["sections"][0]["items"][5]["id"] = "tst.main.years"
    assert "tst.main.years: duplicate id (already used in TEST_REQUEST.yaml)" in _error(
        write_data(TEST_REQUEST=raw_catalogue))


def test_duplicate_id_across_files(write_data: Writer, raw_catalogue: dict[str, Any]) -> None:
    other = sample_catalogue("OTHER_REQUEST", prefix="oth")
    other["sections"][0]["items"][0]["id"] = "tst.main.level"
    message = _error(write_data(TEST_REQUEST=raw_catalogue, OTHER_REQUEST=other))
    assert "tst.main.level: duplicate id (already used in OTHER_REQUEST.yaml)" in message


def test_missing_language(write_data: Writer, raw_catalogue: dict[str, Any]) -> None:
    del raw_catalogue["sections"][0]["items"][2]["options"][1]["label"]["ga"]
    raw_catalogue["sections"][0]["items"][0]["help"]["mt"] = "  "
    message = _error(write_data(TEST_REQUEST=raw_catalogue))
    assert "TEST_REQUEST.yaml tst.main.sanctions.opt.suspension ga: label: missing translation" in message
    assert "TEST_REQUEST.yaml tst.main.established mt: help: missing translation" in message


def test_unknown_language_and_key(write_data: Writer, raw_catalogue: dict[str, Any]) -> None:
    raw_catalogue["sections"][0]["title"]["no"] = "Hoved"
    raw_catalogue["sections"][0]["items"][0]["halp"] = texts("typo")
    message = _error(write_data(TEST_REQUEST=raw_catalogue))
    assert "tst.main: title: unknown language 'no'" in message
    assert "tst.main.established: unknown key 'halp'" in message


def test_bad_ids_and_procedure(write_data: Writer, raw_catalogue: dict[str, Any]) -> None:
    raw_catalogue["procedure"] = "OTHER"
    raw_catalogue["sections"][0]["items"][0]["id"] = "Tst.Main.Established"
    message = _error(write_data(TEST_REQUEST=raw_catalogue))
    assert "procedure 'OTHER' does not match the file name TEST_REQUEST.yaml" in message
    assert "invalid id 'Tst.Main.Established'" in message


def test_duplicate_yaml_key_is_an_error(write_data: Writer) -> None:
    folder = write_data(labels="answers:\n  YES:\n    fr: Oui\n    fr: Non\n")
    assert "labels.yaml: line 4: duplicate key 'fr'" in _error(folder)


def test_yes_and_no_stay_strings(write_data: Writer) -> None:
    lines = ["answers:"]
    for code, word in (("YES", "Yes"), ("NO", "No")):
        lines += [f"  {code}:"] + [f"    {lang}: {word}" for lang in texts("x")]
    loaded = load_catalogues(write_data(labels="\n".join(lines) + "\n"))
    assert loaded.labels.kinds["answers"]["NO"]["en"] == "No"
    assert set(loaded.labels.kinds["answers"]) == {"YES", "NO"}


def test_read_collects_every_problem(write_data: Writer, raw_catalogue: dict[str, Any]) -> None:
    for language in ("de", "fr"):
        del raw_catalogue["sections"][0]["items"][3]["text"][language]
    raw_catalogue["sections"][0]["items"][4]["type"] = "INTEGER"
    catalogue_set, failures = read_catalogues(write_data(TEST_REQUEST=raw_catalogue))
    assert {(f.identifier, f.language) for f in failures} == {
        ("tst.main.since", "de"), ("tst.main.since", "fr"), ("tst.main.years", "")}
    assert len(list(catalogue_set.catalogues["TEST_REQUEST"].items())) == 7


def test_syntax_error_names_the_line(write_data: Writer) -> None:
    assert "labels.yaml: line 2: found character" in _error(write_data(labels="answers:\n\tYES: x\n"))
