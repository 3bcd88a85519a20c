"""XLIFF 2.0 export and import of one language, so that a translator can review it in a CAT tool.

Export: one `<file>` per data file, one `<unit>` per identifier and field (`pq.x.y:text`, `pq.x.y:help`,
`...opt.z:label`, `pq.x:title`, `labels.answers.YES:label`), English as source, the language as target (absent
when missing), notes giving context, placeholders as `<ph>` elements referring to `<originalData>`.

Import: parsed safely (no DTD, no entities); every unit must name an existing identifier, carry the current
English source, and keep exactly the source's placeholders. Any problem refuses the whole import, with
reasons; otherwise the changed texts are applied and, if asked, written back to the data files.
"""

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from imi.catalogue import lookup
from imi.catalogue.editing import with_translations
from imi.catalogue.loader import DATA_DIR, MISSING_TRANSLATION, read_catalogues
from imi.catalogue.model import CatalogueSet, Entry, Failure
from imi.catalogue.parameters import PLACEHOLDER, has_stray_braces, placeholders
from imi.catalogue.writer import write_set
from imi.reference import LANGUAGE_CODES

NS = "urn:oasis:names:tc:xliff:document:2.0"
SOURCE_LANGUAGE = "en"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


@dataclass(frozen=True)
class Change:
    source: str
    key: str
    old: str | None
    new: str


@dataclass(frozen=True)
class ImportReport:
    """What an import did, or why it was refused (then nothing changed)."""

    language: str
    errors: tuple[str, ...] = ()
    changes: tuple[Change, ...] = ()
    unchanged: int = 0
    written: tuple[Path, ...] = ()
    catalogue_set: CatalogueSet | None = field(default=None, repr=False)

    @property
    def accepted(self) -> bool:
        return not self.errors


def _structural(failures: list[Failure]) -> list[Failure]:
    return [f for f in failures if not f.reason.endswith(MISSING_TRANSLATION)]


def _read(data_dir: Path) -> CatalogueSet:
    catalogue_set, failures = read_catalogues(data_dir)
    if _structural(failures):
        raise ValueError(f"the catalogue's data files have errors, first: {_structural(failures)[0]}")
    return catalogue_set


# -- export -------------------------------------------------------------------------------------------------


def _inline_ids(text: str) -> list[tuple[str, str | None]]:
    """The text split into (plain text, placeholder name or None) runs."""
    runs: list[tuple[str, str | None]] = []
    position = 0
    for match in PLACEHOLDER.finditer(text):
        runs.append((text[position:match.start()], match.group(1)))
        position = match.end()
    runs.append((text[position:], None))
    return runs


def _fill(element: ET.Element, text: str) -> None:
    """Put text into a <source>/<target>, placeholders as <ph id=name dataRef=d_name/>."""
    runs = _inline_ids(text)
    element.text = runs[0][0]
    counts: dict[str, int] = {}
    last: ET.Element | None = None
    for plain, name in runs:
        if last is not None:
            last.tail = plain
        if name is None:
            break
        counts[name] = counts.get(name, 0) + 1
        ph_id = name if counts[name] == 1 else f"{name}_{counts[name]}"
        last = ET.SubElement(element, _q("ph"), {"id": ph_id, "dataRef": f"d_{name}"})


def _unit(parent: ET.Element, entry: Entry, language: str) -> list[tuple[ET.Element, str]]:
    unit = ET.SubElement(parent, _q("unit"), {"id": entry.key, "name": entry.identifier})
    notes = ET.SubElement(unit, _q("notes"))
    ET.SubElement(notes, _q("note"), {"category": "context"}).text = entry.context
    english = entry.translations.get(SOURCE_LANGUAGE, "")
    names = sorted(placeholders(english))
    if names:
        ET.SubElement(notes, _q("note"), {"category": "placeholders"}).text = (
            "Filled in by the requester; keep each one: " + ", ".join(f"{{{n}}}" for n in names))
        original = ET.SubElement(unit, _q("originalData"))
        for name in names:
            ET.SubElement(original, _q("data"), {"id": f"d_{name}"}).text = f"{{{name}}}"
    target_text = entry.translations.get(language)
    segment = ET.SubElement(unit, _q("segment"), {"state": "translated" if target_text else "initial"})
    fills = [(ET.SubElement(segment, _q("source")), english)]
    if target_text:
        fills.append((ET.SubElement(segment, _q("target")), target_text))
    return fills


def export_xliff(language: str, *, data_dir: Path = DATA_DIR) -> str:
    """The whole catalogue (every data file) as an XLIFF 2.0 document from English into `language`."""
    if language not in LANGUAGE_CODES or language == SOURCE_LANGUAGE:
        raise ValueError(f"not a target language: {language!r}")
    catalogue_set = _read(data_dir)
    ET.register_namespace("", NS)
    root = ET.Element(_q("xliff"), {"version": "2.0", "srcLang": SOURCE_LANGUAGE, "trgLang": language})
    files: dict[str, ET.Element] = {}
    fills: list[tuple[ET.Element, str]] = []
    for entry in catalogue_set.entries():
        if entry.source not in files:
            file_id = entry.source.removesuffix(".yaml")
            files[entry.source] = ET.SubElement(
                root, _q("file"), {"id": file_id, "original": entry.source, _XML_SPACE: "preserve"})
        fills += _unit(files[entry.source], entry, language)
    ET.indent(root, space="  ")
    for element, text in fills:  # after indenting, which would otherwise touch mixed content
        _fill(element, text)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# -- import -------------------------------------------------------------------------------------------------


class _RefusedError(ValueError):
    pass


def _parse_safely(xml: str) -> ET.Element:
    """Parse without any DTD: a document type or entity declaration is refused before building the tree."""

    def refuse(*_: object) -> None:
        raise _RefusedError("DTDs and entity declarations are not accepted")

    probe = expat.ParserCreate()
    probe.StartDoctypeDeclHandler = refuse
    probe.EntityDeclHandler = refuse
    probe.ExternalEntityRefHandler = refuse  # type: ignore[assignment]
    try:
        probe.Parse(xml.encode("utf-8"), True)
        return ET.fromstring(xml)
    except (expat.ExpatError, ET.ParseError) as error:
        raise _RefusedError(f"not well-formed XML: {error}") from error


def _inline_text(element: ET.Element, data: dict[str, str], where: str) -> str:
    """The text of a <source>/<target>, with <ph> turned back into its `{placeholder}`."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == _q("ph"):
            ref = child.get("dataRef", "")
            if ref not in data:
                raise _RefusedError(f"{where}: <ph id={child.get('id')!r}> refers to unknown data {ref!r}")
            parts.append(data[ref])
        elif child.tag == _q("mrk"):
            parts.append(_inline_text(child, data, where))
        else:
            raise _RefusedError(f"{where}: unsupported inline element <{child.tag.split('}')[-1]}>")
        parts.append(child.tail or "")
    return "".join(parts)


def _check_root(root: ET.Element) -> str:
    if root.tag != _q("xliff") or root.get("version") != "2.0":
        raise _RefusedError("not an XLIFF 2.0 document (urn:oasis:names:tc:xliff:document:2.0)")
    if root.get("srcLang") != SOURCE_LANGUAGE:
        raise _RefusedError(f"srcLang must be {SOURCE_LANGUAGE}, not {root.get('srcLang')!r}")
    language = root.get("trgLang", "")
    if language not in LANGUAGE_CODES or language == SOURCE_LANGUAGE:
        raise _RefusedError(f"trgLang must be a served language other than English, not {language!r}")
    return language


def _unit_target(unit: ET.Element, entry: Entry, where: str) -> str | None:
    """The unit's target text after checking its source and placeholders; None if it has no target."""
    data = {d.get("id", ""): d.text or "" for d in unit.iterfind(f"{_q('originalData')}/{_q('data')}")}
    segments = unit.findall(_q("segment"))
    if len(segments) != 1:
        raise _RefusedError(f"{where}: expected one <segment>, found {len(segments)}")
    source_element = segments[0].find(_q("source"))
    english = entry.translations.get(SOURCE_LANGUAGE, "")
    if source_element is None or _inline_text(source_element, data, where) != english:
        raise _RefusedError(f"{where}: the source differs from the current English text (exported earlier?)")
    target_element = segments[0].find(_q("target"))
    if target_element is None:
        return None
    target = _inline_text(target_element, data, where)
    if not target.strip():
        raise _RefusedError(f"{where}: the target is empty")
    if placeholders(target) != placeholders(english) or has_stray_braces(target):
        missing = placeholders(english) - placeholders(target)
        extra = placeholders(target) - placeholders(english)
        raise _RefusedError(
            f"{where}: placeholders changed (missing: {sorted(missing)}, unknown: {sorted(extra)}"
            ", or a stray brace)")
    return target


def _collect(
    root: ET.Element, catalogue_set: CatalogueSet, language: str
) -> tuple[list[Change], int, list[str]]:
    entries = {(entry.source, entry.key): entry for entry in catalogue_set.entries()}
    sources = {source for source, _ in entries}
    changes: list[Change] = []
    errors: list[str] = []
    unchanged = 0
    seen: set[tuple[str, str]] = set()
    for file_element in root.iter(_q("file")):
        source = file_element.get("original", "")
        if source not in sources:
            errors.append(f"file {file_element.get('id')!r}: unknown data file {source!r}")
            continue
        for unit in file_element.iter(_q("unit")):
            key = unit.get("id", "")
            where = f"{source} unit {key!r}"
            if (source, key) not in entries:
                errors.append(f"{where}: no such identifier and field in the catalogue")
                continue
            if (source, key) in seen:
                errors.append(f"{where}: appears more than once")
                continue
            seen.add((source, key))
            entry = entries[(source, key)]
            try:
                target = _unit_target(unit, entry, where)
            except _RefusedError as error:
                errors.append(str(error))
                continue
            if target is None or target == entry.translations.get(language):
                unchanged += 1
            else:
                changes.append(Change(source, key, entry.translations.get(language), target))
    return changes, unchanged, errors


def import_xliff(xml: str, *, write: bool, data_dir: Path = DATA_DIR) -> ImportReport:
    """Check an XLIFF 2.0 document against the catalogue and apply its targets (writing them if `write`)."""
    try:
        root = _parse_safely(xml)
        language = _check_root(root)
    except _RefusedError as error:
        return ImportReport(language="", errors=(str(error),))
    catalogue_set = _read(data_dir)
    changes, unchanged, errors = _collect(root, catalogue_set, language)
    if errors:
        return ImportReport(language, errors=tuple(errors))
    updated = with_translations(catalogue_set, language, {(c.source, c.key): c.new for c in changes})
    written: list[Path] = []
    if write and changes:
        written = write_set(updated, data_dir, sources={c.source for c in changes})
        if data_dir == DATA_DIR:
            lookup.reload()
    return ImportReport(language, (), tuple(changes), unchanged, tuple(written), updated)
