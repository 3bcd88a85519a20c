"""Checks of the catalogue's content, over every file of the data folder.

Structure and completeness (every identifier in all 26 languages) come from the loader; on top of it:
placeholders match English in every language and are declared by their item; no stray braces or surrounding
blanks; no translation identical to English unless allow-listed; every translation long enough to judge reads
as its own language (see `language_check` for the Maltese rule); ids nest (item in section, option in item);
shared labels cover the answers, the survey scale, the legal areas, the procedures, the workflows' states,
actions and parties, the deadline effects and the repositories.

`python -m imi.catalogue.checks` prints the failures by file, identifier and language.
"""

import argparse
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from imi.catalogue.language_check import LanguageChecker
from imi.catalogue.loader import DATA_DIR, read_catalogues
from imi.catalogue.model import LABELS_SOURCE, CatalogueSet, Entry, Failure, label_identifier
from imi.catalogue.parameters import has_stray_braces, placeholders
from imi.catalogue.yaml_io import read_yaml
from imi.reference import legal_areas, procedures

ALLOWLIST_FILE = Path(__file__).parent / "allowlist.yaml"
SOURCE_LANGUAGE = "en"
_CONTROL = {chr(code) for code in range(32)} - {"\n"}


@dataclass(frozen=True)
class Allowlist:
    """Exceptions to the identical-to-English and detection checks, each kept on purpose."""

    identical_texts: frozenset[str] = frozenset()
    """Texts that may equal English in any language (names, codes, abbreviations)."""
    identical: frozenset[tuple[str, str]] = frozenset()
    """(entry key, language) pairs that may equal English."""
    detection: frozenset[tuple[str, str]] = frozenset()
    """(entry key, language) pairs not submitted to language detection."""

    @classmethod
    def read(cls, path: Path = ALLOWLIST_FILE) -> "Allowlist":
        raw = (read_yaml(path) if path.exists() else None) or {}

        def pairs(name: str) -> frozenset[tuple[str, str]]:
            return frozenset((key, lang) for key, langs in (raw.get(name) or {}).items() for lang in langs)

        return cls(frozenset(raw.get("identical_texts") or ()), pairs("identical"), pairs("detection"))


@dataclass
class CheckOptions:
    checker: LanguageChecker | None = None
    """None: no language detection."""
    allowlist: Allowlist = field(default_factory=Allowlist)


def _fail(entry: Entry, language: str, reason: str) -> Failure:
    return Failure(entry.source, entry.identifier, language, f"{entry.field}: {reason}")


def _format(names: Iterable[str]) -> str:
    return ", ".join(f"{{{name}}}" for name in sorted(names)) or "none"


def check_entry(entry: Entry, options: CheckOptions) -> Iterator[Failure]:
    """Placeholders, blanks, identical-to-English and language of one translatable string."""
    english = entry.translations.get(SOURCE_LANGUAGE, "")
    expected = placeholders(english)
    undeclared = expected - set(entry.parameters)
    if undeclared:
        yield _fail(entry, SOURCE_LANGUAGE, f"placeholders {_format(undeclared)} are not declared parameters")
    if entry.field == "text" and set(entry.parameters) - expected:
        yield _fail(entry, SOURCE_LANGUAGE, f"parameters {_format(set(entry.parameters) - expected)} unused")
    for language, text in entry.translations.items():
        if has_stray_braces(text):
            yield _fail(entry, language, "a brace that is not part of a {placeholder}")
        if placeholders(text) != expected:
            yield _fail(entry, language, f"placeholders {_format(placeholders(text))} differ from English "
                        f"{_format(expected)}")
        if text != text.strip() or "  " in text or _CONTROL & set(text):
            yield _fail(entry, language, "surrounding blanks, double spaces or control characters")
        identical = language != SOURCE_LANGUAGE and text == english
        if identical and not _identical_allowed(entry, language, options):
            yield _fail(entry, language, "identical to English")
        elif options.checker and (entry.key, language) not in options.allowlist.detection:
            problem = options.checker.problem(text, language)
            if problem:
                yield _fail(entry, language, f"{problem}: {text[:60]!r}")


def _identical_allowed(entry: Entry, language: str, options: CheckOptions) -> bool:
    allow = options.allowlist
    return entry.translations[language] in allow.identical_texts or (entry.key, language) in allow.identical


def check_nesting(catalogue_set: CatalogueSet) -> Iterator[Failure]:
    """Item ids extend their section's id; option ids extend their item's id with `.opt.`."""
    for catalogue in catalogue_set.catalogues.values():
        source = f"{catalogue.procedure}.yaml"
        for section in catalogue.sections:
            for item in section.items:
                if not item.id.startswith(f"{section.id}."):
                    yield Failure(source, item.id, "", f"item id does not start with {section.id}.")
                for option in item.options:
                    if not option.id.startswith(f"{item.id}.opt."):
                        yield Failure(source, option.id, "", f"option id does not start with {item.id}.opt.")


def workflow_label_codes() -> dict[str, list[str]]:
    """The states, actions and parties of every workflow, the deadline effects and the repositories: labels the
    application shows beside the forms."""
    from imi.procedures.rules import COORDINATOR
    from imi.repositories.definition import repository_codes
    from imi.workflows.definition import DeadlineEffect
    from imi.workflows.loader import read
    from imi.workflows.registry import workflow_files

    states, actions, parties = set(), {"CREATE", "DEADLINE_REMINDER", "DEADLINE_ESCALATION"}, {COORDINATOR}
    for path in workflow_files():
        codes = read(path)[1].label_codes
        states |= codes[0]
        actions |= codes[1]
        parties |= codes[2]
    return {"workflow_states": sorted(states), "workflow_actions": sorted(actions),
            "workflow_parties": sorted(parties), "deadline_effects": [e.value for e in DeadlineEffect],
            "repositories": repository_codes()}


def check_labels(catalogue_set: CatalogueSet) -> Iterator[Failure]:
    """The shared labels cover what the application shows (only once `labels.yaml` exists)."""
    kinds = catalogue_set.labels.kinds
    if not kinds:
        return
    required = {
        "answers": ["YES", "NO", "DONT_KNOW"],
        "survey_scale": ["1", "2", "3", "4", "5"],
        "legal_areas": [area.code for area in legal_areas()],
        "procedures": sorted({p.code for p in procedures()} | set(catalogue_set.catalogues)),
        **workflow_label_codes(),
    }
    for kind, codes in required.items():
        for code in codes:
            if code not in kinds.get(kind, {}):
                yield Failure(LABELS_SOURCE, label_identifier(kind, code), "", "label missing")


def check_set(catalogue_set: CatalogueSet, options: CheckOptions) -> list[Failure]:
    """Every content check over a catalogue that could be read."""
    failures = list(check_nesting(catalogue_set))
    failures += check_labels(catalogue_set)
    for entry in catalogue_set.entries():
        failures += check_entry(entry, options)
    return failures


def run_checks(data_dir: Path = DATA_DIR, *, detect: bool = True, checker: LanguageChecker | None = None,
               allowlist: Allowlist | None = None) -> list[Failure]:
    """Every check over every file of the folder: loading problems first, then content."""
    catalogue_set, failures = read_catalogues(data_dir)
    if detect and checker is None:
        checker = LanguageChecker()
    options = CheckOptions(checker if detect else None, allowlist or Allowlist.read())
    return failures + check_set(catalogue_set, options)


def report(failures: list[Failure]) -> str:
    """A readable report: one line per failure, grouped by file."""
    if not failures:
        return "catalogue checks: no failures"
    lines = []
    for source in sorted({f.source for f in failures}):
        lines.append(source)
        lines += [f"  {f.identifier or '-'} [{f.language or '*'}] {f.reason}" for f in failures
                  if f.source == source]
    lines.append(f"catalogue checks: {len(failures)} failures")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m imi.catalogue.checks",
                                     description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help="folder of the catalogue's files")
    parser.add_argument("--no-detection", action="store_true", help="skip language detection (fast)")
    args = parser.parse_args(argv)
    failures = run_checks(args.data_dir, detect=not args.no_detection)
    print(report(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
