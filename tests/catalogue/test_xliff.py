"""XLIFF 2.0: export one language, import it back without loss, refuse imports that break the catalogue."""

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from imi.catalogue.loader import DATA_DIR, load_catalogues
from imi.catalogue.xliff import NS, export_xliff, import_xliff
from imi.reference import LANGUAGE_CODES

from .conftest import Writer
from .samples import sample_labels

Q = f"{{{NS}}}"


@pytest.fixture
def folder(write_data: Writer, raw_catalogue: dict[str, Any]) -> Path:
    return write_data(TEST_REQUEST=raw_catalogue, labels=sample_labels())


def _units(xml: str) -> dict[str, ET.Element]:
    return {unit.get("id", ""): unit for unit in ET.fromstring(xml).iter(f"{Q}unit")}


def test_export_structure(folder: Path) -> None:
    xml = export_xliff("fr", data_dir=folder)
    root = ET.fromstring(xml)
    assert (root.tag, root.get("version"), root.get("srcLang"), root.get("trgLang")) == (
        f"{Q}xliff", "2.0", "en", "fr")
    assert [f.get("original") for f in root.iter(f"{Q}file")] == ["TEST_REQUEST.yaml", "labels.yaml"]
    units = _units(xml)
    assert {"tst.main:title", "tst.main.level:text", "tst.main.level:help", "tst.main.level.opt.b:label",
            "labels.answers.YES:label"} <= set(units)
    unit = units["tst.main.established:text"]
    source = unit.find(f"{Q}segment/{Q}source")
    assert source is not None and source.text == "Profession "
    placeholder = source.find(f"{Q}ph")
    assert placeholder is not None and placeholder.get("dataRef") == "d_profession"
    assert placeholder.tail == " (en)"
    data = unit.find(f"{Q}originalData/{Q}data")
    assert data is not None and data.text == "{profession}"
    notes = [note.text for note in units["tst.main.level.opt.b:label"].iter(f"{Q}note")]
    assert notes == ["Option of: Level (en)"]


def test_export_refuses_english_and_unknown_languages(folder: Path) -> None:
    for language in ("en", "xx", "no"):
        with pytest.raises(ValueError, match="not a target language"):
            export_xliff(language, data_dir=folder)


def test_round_trip_without_change(folder: Path) -> None:
    before = load_catalogues(folder)
    report = import_xliff(export_xliff("de", data_dir=folder), write=True, data_dir=folder)
    assert report.accepted, report.errors
    assert report.changes == () and report.written == ()
    assert report.unchanged == sum(1 for _ in before.entries())
    assert report.catalogue_set == before == load_catalogues(folder)


def _replace_target(xml: str, old: str, new: str) -> str:
    assert xml.count(f"<target>{old}</target>") == 1
    return xml.replace(f"<target>{old}</target>", f"<target>{new}</target>")


def test_import_applies_and_writes_a_reviewed_translation(folder: Path) -> None:
    xml = export_xliff("fr", data_dir=folder)
    placeholder = '<ph id="profession" dataRef="d_profession" />'
    edited = _replace_target(xml, f"Profession {placeholder} (fr)",
                             f"La personne exerce-t-elle la profession de {placeholder} ?")
    edited = _replace_target(edited, "Yes (fr)", "Oui")
    dry = import_xliff(edited, write=False, data_dir=folder)
    assert dry.accepted and len(dry.changes) == 2 and dry.written == ()
    assert load_catalogues(folder).labels.kinds["answers"]["YES"]["fr"] == "Yes (fr)"

    report = import_xliff(edited, write=True, data_dir=folder)
    assert sorted(path.name for path in report.written) == ["TEST_REQUEST.yaml", "labels.yaml"]
    after = load_catalogues(folder)
    established = next(after.catalogues["TEST_REQUEST"].items())
    assert established.text["fr"] == "La personne exerce-t-elle la profession de {profession} ?"
    assert established.text["de"] == "Profession {profession} (de)"
    assert after.labels.kinds["answers"]["YES"]["fr"] == "Oui"
    assert after == report.catalogue_set
    assert export_xliff("fr", data_dir=folder) == edited


def test_a_missing_translation_is_exported_without_target_and_filled_by_import(
        write_data: Writer, raw_catalogue: dict[str, Any]) -> None:
    del raw_catalogue["sections"][0]["items"][4]["help"]["ga"]
    folder = write_data(TEST_REQUEST=raw_catalogue)
    xml = export_xliff("ga", data_dir=folder)
    segment = _units(xml)["tst.main.years:help"].find(f"{Q}segment")
    assert segment is not None and segment.get("state") == "initial" and segment.find(f"{Q}target") is None
    filled = xml.replace("<source>Help years (en)</source>",
                         "<source>Help years (en)</source>\n        <target>Cabhair le blianta</target>")
    report = import_xliff(filled, write=True, data_dir=folder)
    assert report.accepted and [c.key for c in report.changes] == ["tst.main.years:help"]
    years = load_catalogues(folder).catalogues["TEST_REQUEST"].sections[0].items[4]
    assert years.help["ga"] == "Cabhair le blianta"


REFUSED = [
    ("broken id", ("tst.main.level:text", "tst.main.levels:text"), "no such identifier"),
    ("broken placeholder", ('<target>Profession <ph id="profession" dataRef="d_profession" /> (fr)</target>',
                            "<target>Profession {professions} (fr)</target>"), "placeholders changed"),
    ("stray brace", ('<target>Profession <ph id="profession" dataRef="d_profession" /> (fr)</target>',
                     '<target>Profession {<ph id="profession" dataRef="d_profession" /> (fr)</target>'),
     "stray brace"),
    ("dropped placeholder", ('<target>Profession <ph id="profession" dataRef="d_profession" /> (fr)</target>',
                             "<target>Profession (fr)</target>"), "placeholders changed"),
    ("unknown data reference", ('<target>Profession <ph id="profession" dataRef="d_profession" />',
                                '<target>Profession <ph id="profession" dataRef="d_other" />'),
     "unknown data"),
    ("changed source", ("<source>Level (en)</source>", "<source>Level, edited (en)</source>"),
     "source differs"),
    ("empty target", ("<target>Level (fr)</target>", "<target> </target>"), "target is empty"),
    ("unknown file", ('original="TEST_REQUEST.yaml"', 'original="OTHER.yaml"'), "unknown data file"),
    ("wrong source language", ('srcLang="en"', 'srcLang="de"'), "srcLang must be en"),
    ("English target", ('trgLang="fr"', 'trgLang="en"'), "trgLang must be"),
    ("not XLIFF 2.0", ('version="2.0"', 'version="1.2"'), "not an XLIFF 2.0 document"),
    ("inline markup", ("<target>Level (fr)</target>", "<target>Level <pc id='1'>(fr)</pc></target>"),
     "unsupported inline element <pc>"),
    ("DTD", ("<xliff ", '<!DOCTYPE xliff [<!ENTITY e "x">]>\n<xliff '), "DTDs and entity declarations"),
    ("external entity", ("<xliff ", '<!DOCTYPE xliff SYSTEM "http://example.org/x.dtd">\n<xliff '),
     "DTDs and entity declarations"),
    ("malformed", ("</xliff>", "</xlif>"), "not well-formed"),
]


@pytest.mark.parametrize(("case", "edit", "reason"), REFUSED, ids=[case for case, _, _ in REFUSED])
def test_refused_imports_change_nothing(folder: Path, case: str, edit: tuple[str, str], reason: str) -> None:
    before = {path.name: path.read_bytes() for path in folder.iterdir()}
    xml = export_xliff("fr", data_dir=folder)
    assert edit[0] in xml, case
    report = import_xliff(xml.replace(edit[0], edit[1], 1), write=True, data_dir=folder)
    assert not report.accepted
    assert any(reason in error for error in report.errors), report.errors
    assert report.changes == () and report.written == ()
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == before


def test_duplicate_unit_is_refused(folder: Path) -> None:
    xml = export_xliff("fr", data_dir=folder)
    start = xml.index('<unit id="tst.main:title"')
    doubled = xml[:start] + xml[start:xml.index("</unit>", start) + 7] + "\n" + xml[start:]
    report = import_xliff(doubled, write=False, data_dir=folder)
    assert any("appears more than once" in error for error in report.errors)


@pytest.fixture(scope="module")
def real_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("data")
    for path in DATA_DIR.glob("*.yaml"):
        shutil.copy(path, copy / path.name)
    return copy


@pytest.mark.parametrize("language", [code for code in LANGUAGE_CODES if code != "en"])
def test_real_catalogue_round_trips_in_every_language(real_data: Path, language: str) -> None:
    before = {path.name: path.read_bytes() for path in real_data.iterdir()}
    xml = export_xliff(language, data_dir=real_data)
    report = import_xliff(xml, write=True, data_dir=real_data)
    assert report.accepted, report.errors
    assert report.changes == () and report.written == ()
    assert report.catalogue_set == load_catalogues(real_data)
    assert export_xliff(language, data_dir=real_data) == xml
    assert {path.name: path.read_bytes() for path in real_data.iterdir()} == before
