"""The catalogue's model: question sets and forms, their sections, items and options, and shared labels.

Every translatable string is held as a mapping from language code to text. Identifiers are stable, lowercase
and dotted (`pq.identity.legally_established`); exchanges store them, never the text.
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

Translations = Mapping[str, str]
"""Language code -> text."""


class AnswerType(StrEnum):
    YES_NO_DONT_KNOW = "YES_NO_DONT_KNOW"
    SINGLE_CHOICE = "SINGLE_CHOICE"
    MULTIPLE_CHOICE = "MULTIPLE_CHOICE"
    DATE = "DATE"
    NUMBER = "NUMBER"
    TEXT = "TEXT"
    ATTACHMENT = "ATTACHMENT"

    @property
    def is_choice(self) -> bool:
        return self in (AnswerType.SINGLE_CHOICE, AnswerType.MULTIPLE_CHOICE)


@dataclass(frozen=True, slots=True)
class Option:
    id: str
    label: Translations


@dataclass(frozen=True, slots=True)
class Item:
    """A question of a question set, or a field of a form."""

    id: str
    type: AnswerType
    text: Translations
    help: Translations
    required: bool = False
    parameters: tuple[str, ...] = ()
    options: tuple[Option, ...] = ()

    @property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(option.id for option in self.options)


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: Translations
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class Catalogue:
    """One procedure's question set or form, as read from `<PROCEDURE>.yaml`."""

    procedure: str
    version: int
    sections: tuple[Section, ...]

    def items(self) -> Iterator[Item]:
        for section in self.sections:
            yield from section.items


@dataclass(frozen=True, slots=True)
class Labels:
    """Shared labels by kind and code (`answers.YES`, `legal_areas.SERVICES`, ...), from `labels.yaml`."""

    kinds: Mapping[str, Mapping[str, Translations]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Failure:
    """A problem found in the catalogue: where (file, identifier, language) and why."""

    source: str
    identifier: str
    language: str
    reason: str

    def __str__(self) -> str:
        where = " ".join(part for part in (self.source, self.identifier, self.language) if part)
        return f"{where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Entry:
    """One translatable string of the catalogue: an identifier and the field of it that holds text."""

    source: str
    """The data file's name."""
    identifier: str
    field: str
    translations: Translations
    parameters: tuple[str, ...] = ()
    context: str = ""
    """English text that helps a translator (the question an option or help text belongs to, ...)."""

    @property
    def key(self) -> str:
        return f"{self.identifier}:{self.field}"


LABELS_SOURCE = "labels.yaml"


@dataclass(frozen=True, slots=True)
class CatalogueSet:
    """Every procedure's catalogue and the shared labels."""

    catalogues: Mapping[str, Catalogue]
    """By procedure code, in file-name order."""
    labels: Labels = field(default_factory=Labels)

    def entries(self) -> Iterator[Entry]:
        """Every translatable string, in file order, labels last."""
        for catalogue in self.catalogues.values():
            source = f"{catalogue.procedure}.yaml"
            for section in catalogue.sections:
                yield Entry(source, section.id, "title", section.title, context="Section title")
                for item in section.items:
                    yield from _item_entries(source, item)
        for kind, codes in self.labels.kinds.items():
            for code, translations in codes.items():
                yield Entry(LABELS_SOURCE, label_identifier(kind, code), "label", translations,
                            context=f"Label ({kind})")


def label_identifier(kind: str, code: str) -> str:
    return f"labels.{kind}.{code}"


def _item_entries(source: str, item: Item) -> Iterator[Entry]:
    question = item.text.get("en", "")
    kind = f"Answer type {item.type.value}"
    yield Entry(source, item.id, "text", item.text, item.parameters, context=kind)
    yield Entry(source, item.id, "help", item.help, item.parameters, context=f"Help for: {question}")
    for option in item.options:
        yield Entry(source, option.id, "label", option.label, context=f"Option of: {question}")
