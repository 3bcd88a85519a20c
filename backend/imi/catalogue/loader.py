"""Reading the catalogue's data files into the model, checking their structure on the way.

`read_catalogues` collects every structural problem (for the checks' report); `load_catalogues` refuses a
folder with any, raising `CatalogueError` that names the file and the identifier.
"""

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from imi.catalogue.model import (
    LABELS_SOURCE,
    AnswerType,
    Catalogue,
    CatalogueSet,
    Failure,
    Item,
    Labels,
    Option,
    Section,
    Translations,
    label_identifier,
)
from imi.catalogue.yaml_io import YamlError, read_yaml
from imi.reference import LANGUAGE_CODES

DATA_DIR = Path(__file__).parent / "data"

ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+$")
PROCEDURE_PATTERN = re.compile(r"^[A-Z][A-Z0-9_]*$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
CODE_PATTERN = re.compile(r"^[A-Za-z0-9_]+$")

_CATALOGUE_KEYS = {"procedure", "version", "sections"}
_SECTION_KEYS = {"id", "title", "items"}
_ITEM_KEYS = {"id", "type", "required", "parameters", "text", "help", "options"}
_OPTION_KEYS = {"id", "label"}
MIN_OPTIONS = 2
MISSING_TRANSLATION = "missing translation"


class CatalogueError(ValueError):
    """The catalogue's data files are malformed; `failures` lists every problem found."""

    def __init__(self, failures: list[Failure]) -> None:
        shown = "\n".join(f"  {failure}" for failure in failures[:20])
        more = f"\n  ... and {len(failures) - 20} more" if len(failures) > 20 else ""
        super().__init__(f"invalid catalogue data ({len(failures)} problems):\n{shown}{more}")
        self.failures = failures


class _Reader:
    """Parses one file leniently, recording problems and building what it can."""

    def __init__(self, source: str, seen_ids: dict[str, str], failures: list[Failure]) -> None:
        self.source = source
        self.seen_ids = seen_ids
        self.failures = failures

    def fail(self, identifier: str, reason: str, language: str = "") -> None:
        self.failures.append(Failure(self.source, identifier, language, reason))

    def mapping(self, value: Any, identifier: str, what: str) -> Mapping[Any, Any]:
        if isinstance(value, Mapping):
            return value
        self.fail(identifier, f"{what} must be a mapping, not {type(value).__name__}")
        return {}

    def keys(self, row: Mapping[Any, Any], allowed: set[str], identifier: str) -> None:
        for key in sorted(str(key) for key in row if str(key) not in allowed):
            self.fail(identifier, f"unknown key {key!r}")

    def new_id(self, value: Any, context: str) -> str:
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            self.fail(context, f"invalid id {value!r}: lowercase, dotted, e.g. 'pq.identity.name'")
            return str(value)
        if value in self.seen_ids:
            self.fail(value, f"duplicate id (already used in {self.seen_ids[value]})")
        else:
            self.seen_ids[value] = self.source
        return value

    def translations(self, value: Any, identifier: str, field: str) -> Translations:
        """A language map; every served language must be present and non-empty."""
        result: dict[str, str] = {}
        row = self.mapping(value, identifier, field)
        for language in row:
            if language not in LANGUAGE_CODES:
                self.fail(identifier, f"{field}: unknown language {language!r}")
        for language in LANGUAGE_CODES:
            text = row.get(language)
            if text is None or (isinstance(text, str) and not text.strip()):
                self.fail(identifier, f"{field}: {MISSING_TRANSLATION}", language)
            elif not isinstance(text, str):
                self.fail(identifier, f"{field}: must be a string, not {type(text).__name__}", language)
            else:
                result[language] = text
        return result

    def catalogue(self, raw: Any, procedure: str) -> Catalogue:
        row = self.mapping(raw, "", "the file")
        self.keys(row, _CATALOGUE_KEYS, "")
        code = row.get("procedure")
        if not isinstance(code, str) or not PROCEDURE_PATTERN.match(code):
            self.fail("", f"procedure must be an upper-case code, not {code!r}")
        elif code != procedure:
            self.fail("", f"procedure {code!r} does not match the file name {self.source}")
        version = row.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            self.fail("", f"version must be a positive integer, not {version!r}")
            version = 0
        sections = row.get("sections")
        if not isinstance(sections, list) or not sections:
            self.fail("", "sections must be a non-empty list")
            sections = []
        return Catalogue(procedure, version, tuple(self.section(s) for s in sections))

    def section(self, raw: Any) -> Section:
        row = self.mapping(raw, "", "a section")
        identifier = self.new_id(row.get("id"), "section")
        self.keys(row, _SECTION_KEYS, identifier)
        items = row.get("items")
        if not isinstance(items, list) or not items:
            self.fail(identifier, "items must be a non-empty list")
            items = []
        title = self.translations(row.get("title"), identifier, "title")
        return Section(identifier, title, tuple(self.item(i, identifier) for i in items))

    def item(self, raw: Any, section_id: str) -> Item:
        row = self.mapping(raw, section_id, "an item")
        identifier = self.new_id(row.get("id"), f"item of {section_id}")
        self.keys(row, _ITEM_KEYS, identifier)
        try:
            answer_type = AnswerType(str(row.get("type")))
        except ValueError:
            known = ", ".join(AnswerType)
            self.fail(identifier, f"unknown type {row.get('type')!r} (known: {known})")
            answer_type = AnswerType.TEXT
        required = row.get("required", False)
        if not isinstance(required, bool):
            self.fail(identifier, f"required must be true or false, not {required!r}")
            required = False
        options_raw = row.get("options") or []
        if options_raw and not answer_type.is_choice:
            self.fail(identifier, f"options are only allowed on a choice, not on {answer_type}")
        elif answer_type.is_choice and (not isinstance(options_raw, list) or len(options_raw) < MIN_OPTIONS):
            self.fail(identifier, f"{answer_type} needs a list of at least {MIN_OPTIONS} options")
        if not isinstance(options_raw, list):
            options_raw = []
        return Item(
            id=identifier,
            type=answer_type,
            text=self.translations(row.get("text"), identifier, "text"),
            help=self.translations(row.get("help"), identifier, "help"),
            required=required,
            parameters=self.parameters(row.get("parameters"), identifier),
            options=tuple(self.option(o, identifier) for o in options_raw),
        )

    def parameters(self, raw: Any, identifier: str) -> tuple[str, ...]:
        if raw is None:
            return ()
        if not isinstance(raw, list) or not all(isinstance(n, str) and NAME_PATTERN.match(n) for n in raw):
            self.fail(identifier, f"parameters must be a list of lowercase names, not {raw!r}")
            return ()
        if len(set(raw)) != len(raw):
            self.fail(identifier, "parameters repeat a name")
        return tuple(raw)

    def option(self, raw: Any, item_id: str) -> Option:
        row = self.mapping(raw, item_id, "an option")
        identifier = self.new_id(row.get("id"), f"option of {item_id}")
        self.keys(row, _OPTION_KEYS, identifier)
        return Option(identifier, self.translations(row.get("label"), identifier, "label"))

    def labels(self, raw: Any) -> Labels:
        kinds: dict[str, dict[str, Translations]] = {}
        for kind, codes in self.mapping(raw, "", "the file").items():
            if not isinstance(kind, str) or not NAME_PATTERN.match(kind):
                self.fail("", f"invalid label kind {kind!r}")
                continue
            kinds[kind] = {}
            for code, value in self.mapping(codes, f"labels.{kind}", kind).items():
                text_code = str(code)
                identifier = label_identifier(kind, text_code)
                if not CODE_PATTERN.match(text_code) or isinstance(code, bool):
                    self.fail(identifier, f"invalid label code {code!r}")
                if text_code in kinds[kind]:
                    self.fail(identifier, "duplicate label code")
                kinds[kind][text_code] = self.translations(value, identifier, "label")
        return Labels(kinds)


def read_catalogues(data_dir: Path = DATA_DIR, extra: Sequence[Path] = ()) -> tuple[CatalogueSet, list[Failure]]:
    """Every file of the folder (and of `extra` folders, whose labels add to the first's), leniently: the
    content that could be read and every problem found."""
    failures: list[Failure] = []
    seen_ids: dict[str, str] = {}
    catalogues: dict[str, Catalogue] = {}
    kinds: dict[str, dict[str, Translations]] = {}
    for path in [p for folder in (data_dir, *extra) for p in sorted(folder.glob("*.yaml"))]:
        reader = _Reader(path.name, seen_ids, failures)
        try:
            raw = read_yaml(path)
        except YamlError as error:
            reader.fail("", str(error))
            continue
        if path.name == LABELS_SOURCE:
            for kind, codes in reader.labels(raw).kinds.items():
                for code in set(codes) & set(kinds.get(kind, {})):
                    reader.fail(label_identifier(kind, code), "label defined in two folders")
                kinds.setdefault(kind, {}).update(codes)
        elif path.stem in catalogues:
            reader.fail("", f"{path.stem} has a catalogue in two folders")
        else:
            catalogues[path.stem] = reader.catalogue(raw, path.stem)
    return CatalogueSet(catalogues, Labels(kinds)), failures


def load_catalogues(data_dir: Path = DATA_DIR, extra: Sequence[Path] = ()) -> CatalogueSet:
    """Every file of the folder(s); `CatalogueError` naming file and identifier if any is malformed."""
    catalogue_set, failures = read_catalogues(data_dir, extra)
    if failures:
        raise CatalogueError(failures)
    return catalogue_set
