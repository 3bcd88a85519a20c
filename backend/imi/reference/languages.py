"""The 26 served languages and everything the system needs to know about each."""

from dataclasses import dataclass
from functools import cache

from babel import Locale

from imi.reference.loader import data_file, read_yaml


@dataclass(frozen=True, slots=True)
class Language:
    code: str
    iso639_3: str
    ui_locale: str
    lingua: str | None
    script: str

    def name(self, in_language: str = "en") -> str:
        """The language's name in another served language (CLDR)."""
        return Locale.parse(self.ui_locale).get_display_name(Locale.parse(language(in_language).ui_locale)) or ""

    @property
    def native_name(self) -> str:
        return self.name(self.code)


@cache
def languages() -> tuple[Language, ...]:
    return tuple(Language(**row) for row in read_yaml(data_file("languages.yaml")))


@cache
def _by_code() -> dict[str, Language]:
    return {lang.code: lang for lang in languages()}


def language(code: str) -> Language:
    """The language with this code; `KeyError` if it is not served."""
    return _by_code()[code]


LANGUAGE_CODES: tuple[str, ...] = tuple(lang.code for lang in languages())
