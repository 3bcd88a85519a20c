"""The 30 EEA countries, with EU codes (Greece is `EL`)."""

from dataclasses import dataclass
from functools import cache

from babel import Locale

from imi.reference.languages import language
from imi.reference.loader import data_file, read_yaml


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    iso: str
    eu: bool
    languages: tuple[str, ...]

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def name(self, in_language: str = "en") -> str:
        """The country's name in a served language (CLDR)."""
        return Locale.parse(language(in_language).ui_locale).territories[self.iso]


@cache
def countries() -> tuple[Country, ...]:
    rows = read_yaml(data_file("countries.yaml"))
    return tuple(Country(**{**row, "languages": tuple(row["languages"])}) for row in rows)


@cache
def _by_code() -> dict[str, Country]:
    return {c.code: c for c in countries()}


def country(code: str) -> Country:
    """The country with this EU code; `KeyError` if it is not an EEA country."""
    return _by_code()[code]
