"""GraphQL types and queries for reference data: countries, languages, legal areas, procedures."""

import strawberry

from imi import reference
from imi.catalogue.schema import reader_language, shared_label
from imi.graphql.context import Info


@strawberry.type(description="An EEA country, by its EU code (Greece is EL).")
class Country:
    code: str
    eu: bool
    languages: list[str]

    @strawberry.field(description="The country's name in the reader's language.")
    def name(self, info: Info, language: str | None = None) -> str:
        return reference.country(self.code).name(_language(info, language))

    @staticmethod
    def of(code: str) -> "Country":
        country = reference.country(code)
        return Country(code=country.code, eu=country.eu, languages=list(country.languages))


@strawberry.type(description="A served language.")
class Language:
    code: str

    @strawberry.field(description="The language's name in the reader's language.")
    def name(self, info: Info, language: str | None = None) -> str:
        return reference.language(self.code).name(_language(info, language))

    @strawberry.field(description="The language's name in itself.")
    def native_name(self) -> str:
        return reference.language(self.code).native_name


ExchangeKind = reference.ExchangeKind
strawberry.enum(ExchangeKind, name="ExchangeKind")


@strawberry.type(description="A procedure: one kind of exchange within a legal area.")
class Procedure:
    code: str
    kind: ExchangeKind
    legal_area_code: str
    english_name: strawberry.Private[str]
    default_reply_days: int
    personal_data_fields: list[str]

    @strawberry.field(description="The procedure's name in the reader's language.")
    def name(self, info: Info, language: str | None = None) -> str:
        return shared_label("procedures", self.code, _language(info, language), self.english_name)

    @staticmethod
    def of(code: str) -> "Procedure":
        p = reference.procedure(code)
        return Procedure(code=p.code, kind=p.kind, legal_area_code=p.legal_area, english_name=p.name,
                         default_reply_days=p.default_reply_days, personal_data_fields=list(p.personal_data))


@strawberry.type(description="A legal area: the Union act under which authorities cooperate.")
class LegalArea:
    code: str
    english_name: strawberry.Private[str]
    act: str
    celex: str
    eur_lex_url: str

    @strawberry.field(description="The legal area's name in the reader's language.")
    def name(self, info: Info, language: str | None = None) -> str:
        return shared_label("legal_areas", self.code, _language(info, language), self.english_name)

    @strawberry.field
    def procedures(self) -> list[Procedure]:
        return [Procedure.of(p.code) for p in reference.procedures() if p.legal_area == self.code]

    @staticmethod
    def of(code: str) -> "LegalArea":
        area = reference.legal_area(code)
        return LegalArea(code=area.code, english_name=area.name, act=area.act, celex=area.celex,
                         eur_lex_url=area.eur_lex_url)


def _language(info: Info, language: str | None) -> str:
    return reader_language(info, language)


@strawberry.type
class ReferenceQueries:
    @strawberry.field(description="The 30 EEA countries.")
    def countries(self) -> list[Country]:
        return [Country.of(c.code) for c in reference.countries()]

    @strawberry.field(description="The 26 served languages.")
    def languages(self) -> list[Language]:
        return [Language(code=lang.code) for lang in reference.languages()]

    @strawberry.field(description="Every legal area with its procedures.")
    def legal_areas(self) -> list[LegalArea]:
        return [LegalArea.of(a.code) for a in reference.legal_areas()]
