"""Reference data: countries, languages, legal areas and procedures, loaded from the data files beside it."""

from imi.reference.countries import Country, countries, country
from imi.reference.languages import LANGUAGE_CODES, Language, language, languages
from imi.reference.legal_areas import LegalArea, legal_area, legal_areas
from imi.reference.procedures import ExchangeKind, Procedure, procedure, procedures

__all__ = [
    "LANGUAGE_CODES",
    "Country",
    "ExchangeKind",
    "Language",
    "LegalArea",
    "Procedure",
    "countries",
    "country",
    "language",
    "languages",
    "legal_area",
    "legal_areas",
    "procedure",
    "procedures",
]
