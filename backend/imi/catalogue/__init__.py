"""The pre-translated catalogue: each procedure's question set or form, and shared labels, in 26 languages.

Exchanges store identifiers (questions, options); readers see the text in their own language.
"""

from imi.catalogue.answers import AnswerError, InvalidAnswer, validate_answer
from imi.catalogue.loader import CatalogueError, load_catalogues, read_catalogues
from imi.catalogue.lookup import catalogue, catalogue_set, help_text, item, label, reload, text
from imi.catalogue.model import AnswerType, Catalogue, CatalogueSet, Failure, Item, Labels, Option, Section
from imi.catalogue.parameters import ParameterError, validate_parameters
from imi.catalogue.xliff import ImportReport, export_xliff, import_xliff

__all__ = [
    "AnswerError",
    "AnswerType",
    "Catalogue",
    "CatalogueError",
    "CatalogueSet",
    "Failure",
    "ImportReport",
    "InvalidAnswer",
    "Item",
    "Labels",
    "Option",
    "ParameterError",
    "Section",
    "catalogue",
    "catalogue_set",
    "export_xliff",
    "help_text",
    "import_xliff",
    "item",
    "label",
    "load_catalogues",
    "read_catalogues",
    "reload",
    "text",
    "validate_answer",
    "validate_parameters",
]
