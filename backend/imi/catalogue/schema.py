"""GraphQL types of the catalogue: questions, options and labels in the reader's language."""

from collections.abc import Mapping
from typing import Any, Self

import strawberry

from imi import reference
from imi.catalogue import lookup
from imi.catalogue.model import AnswerType, Item
from imi.graphql.context import Info

strawberry.enum(AnswerType, name="AnswerType")


def reader_language(info: Info, language: str | None) -> str:
    """An explicit served language, else the caller's own, else English."""
    chosen = language or info.context.language
    return chosen if chosen in reference.LANGUAGE_CODES else "en"


def shared_label(kind: str, code: str, language: str, fallback: str) -> str:
    try:
        return lookup.label(kind, code, language)
    except KeyError:
        return fallback


@strawberry.type(description="An answer option, labelled in `language`.")
class CatalogueOption:
    id: str
    label: str
    language: str


@strawberry.type(description="A question of a question set or a field of a form, in `language`.")
class CatalogueItem:
    id: str
    type: AnswerType
    required: bool
    parameters: list[str]
    text: str = strawberry.field(description="With its parameters filled in when the exchange gives them.")
    help: str
    language: str
    options: list[CatalogueOption]

    @classmethod
    def of(cls, item: Item, language: str, params: Mapping[str, str] | None = None) -> Self:
        return cls(
            id=item.id, type=item.type, required=item.required, parameters=list(item.parameters),
            text=lookup.text(item.id, language, params or None),
            help=lookup.help_text(item.id, language, params or None), language=language,
            options=[CatalogueOption(id=o.id, label=o.label[language], language=language) for o in item.options],
        )


@strawberry.type
class CatalogueSection:
    id: str
    title: str
    language: str
    items: list[CatalogueItem]


@strawberry.type(description="A procedure's question set or form, in `language`.")
class QuestionCatalogue:
    procedure: str
    version: int
    language: str
    sections: list[CatalogueSection]


def display_answer(item_id: str, value: Any, language: str) -> str:
    """An answer as text in `language`: labels for yes/no and options, the value itself otherwise."""
    item = lookup.item(item_id)
    if item.type is AnswerType.YES_NO_DONT_KNOW:
        return shared_label("answers", str(value), language, str(value))
    if item.type.is_choice:
        chosen = value if isinstance(value, list) else [value]
        return "; ".join(lookup.text(option, language) for option in chosen)
    return str(value)


@strawberry.type
class CatalogueQueries:
    @strawberry.field(description="The question set or form of a procedure, in your language or `language`.")
    def question_catalogue(self, info: Info, procedure: str, language: str | None = None) -> QuestionCatalogue | None:
        try:
            found = lookup.catalogue(procedure)
        except KeyError:
            return None
        lang = reader_language(info, language)
        return QuestionCatalogue(
            procedure=found.procedure, version=found.version, language=lang,
            sections=[CatalogueSection(id=s.id, title=s.title[lang], language=lang,
                                       items=[CatalogueItem.of(i, lang) for i in s.items]) for s in found.sections],
        )
