"""Legal areas: the Union acts under which authorities cooperate."""

from dataclasses import dataclass
from functools import cache

from imi.reference.loader import data_file, read_yaml


@dataclass(frozen=True, slots=True)
class LegalArea:
    code: str
    celex: str
    act: str
    name: str

    @property
    def eur_lex_url(self) -> str:
        return f"https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:{self.celex}"


@cache
def legal_areas() -> tuple[LegalArea, ...]:
    return tuple(LegalArea(**{**row, "celex": str(row["celex"])}) for row in read_yaml(data_file("legal_areas.yaml")))


@cache
def _by_code() -> dict[str, LegalArea]:
    return {area.code: area for area in legal_areas()}


def legal_area(code: str) -> LegalArea:
    """The legal area with this code; `KeyError` if unknown."""
    return _by_code()[code]
