"""The demo vocabularies, read from `data/`: per country its places, authority names, people and companies;
per language its request subjects and messages. Loading checks them strictly and names the file."""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from imi.authorities.models import Level
from imi.reference import LANGUAGE_CODES, countries, country, legal_areas
from imi.reference.loader import DataFileError, read_yaml

DATA_DIR = Path(__file__).parent / "data"
_PLACEHOLDER = re.compile(r"\{(city|region)(?:\.([a-z]+))?\}")
_KEYWORD_KINDS = ("profession.", "activity.", "subject.")
MESSAGE_KINDS = ("further_information", "answer", "forward", "refer", "return", "withdraw", "note")
REQUEST_AREAS = ("PROFESSIONAL_QUALIFICATIONS", "SERVICES", "POSTING_OF_WORKERS", "PATIENTS_RIGHTS")


@dataclass(frozen=True, slots=True)
class Place:
    """A region or city, with the grammatical forms that authority names need (`loc`, `gen`, ...)."""

    name: str
    language: str
    forms: Mapping[str, str]
    region: "Place | None" = None

    def form(self, key: str | None) -> str:
        return self.name if key is None else self.forms[key]


@dataclass(frozen=True, slots=True)
class Template:
    """An authority name, literal (national) or with `{region}`/`{city}` placeholders and their forms."""

    text: str
    language: str
    level: Level
    areas: tuple[str, ...]
    keywords: tuple[str, ...]
    informal: str | None = None

    @property
    def placeholder(self) -> str | None:
        """`region` or `city`: what the name is made for; None for a literal name."""
        found = {kind for kind, _ in _PLACEHOLDER.findall(self.text)}
        return "city" if "city" in found else ("region" if found else None)

    def render(self, place: Place | None) -> str:
        """The name for `place`: a region for a regional name, a city (in its region) for a local one."""

        def fill(match: re.Match[str]) -> str:
            kind, form = match.group(1), match.group(2) or None
            target = place if kind == self.placeholder else (place.region if place else None)
            if target is None:
                raise ValueError(f"{self.text!r} needs a {kind}")
            return target.form(form)

        return _PLACEHOLDER.sub(fill, self.text)


@dataclass(frozen=True, slots=True)
class Body:
    """A named coordinator of a country."""

    name: str
    language: str
    city: str
    informal: str | None = None
    areas: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class People:
    female: tuple[str, ...]
    male: tuple[str, ...]
    last_male: tuple[str, ...]
    last_female: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Companies:
    pattern: str
    forms: tuple[str, ...]
    trades: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CountryVocabulary:
    code: str
    population: float
    phone: str
    postcode: str
    address: str
    coordinator: Body
    delegated: tuple[Body, ...]
    regions: tuple[Place, ...]
    cities: tuple[Place, ...]
    streets: tuple[str, ...]
    people: People
    companies: Companies
    templates: tuple[Template, ...]

    def place(self, city: str) -> Place:
        for place in self.cities:
            if place.name == city:
                return place
        raise KeyError(f"{self.code}: no city {city!r}")


@dataclass(frozen=True, slots=True)
class LanguageVocabulary:
    code: str
    subjects: Mapping[str, tuple[str, ...]]
    messages: Mapping[str, tuple[str, ...]]
    identity_documents: tuple[str, ...]
    texts: tuple[str, ...]


def _strings(path: Path, value: Any, what: str, *, allow_empty: bool = False) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(path, f"{what}: expected a list of non-empty texts")
    if not value and not allow_empty:
        raise DataFileError(path, f"{what}: is empty")
    return tuple(value)


def _place(path: Path, raw: Any, language: str, region: Place | None) -> Place:
    if isinstance(raw, str):
        return Place(raw, language, {}, region)
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
        raise DataFileError(path, f"a place is a name or a mapping with a name: {raw!r}")
    forms = {k: str(v) for k, v in raw.items() if k not in {"name", "lang", "cities"}}
    return Place(raw["name"], raw.get("lang", language), forms, region)


def _keyword_ids(path: Path, raw: Any) -> tuple[str, ...]:
    if raw is None:
        return ()
    names = _strings(path, raw, "keywords", allow_empty=True)
    return tuple(name if name.startswith(_KEYWORD_KINDS) else f"profession.{name}" for name in names)


def _templates(path: Path, raw: Any, country_languages: tuple[str, ...]) -> list[Template]:
    if not isinstance(raw, dict):
        raise DataFileError(path, "authorities: expected a mapping language -> area -> level -> names")
    area_codes = {a.code for a in legal_areas()}
    found: list[Template] = []
    for language, by_area in raw.items():
        if language not in country_languages:
            raise DataFileError(path, f"authorities: {language!r} is not a language of the country")
        for area_key, by_level in by_area.items():
            areas = tuple(str(area_key).split("+"))
            if not set(areas) <= area_codes:
                raise DataFileError(path, f"authorities: unknown legal area in {area_key!r}")
            for level_name, names in by_level.items():
                level = Level(level_name.upper())
                entries = names.items() if isinstance(names, dict) else ((n, None) for n in names)
                for text, keywords in entries:
                    official, _, informal = str(text).partition(" | ")
                    template = Template(official.strip(), language, level, areas, _keyword_ids(path, keywords),
                                        informal.strip() or None)
                    expected = {Level.NATIONAL: None, Level.REGIONAL: "region", Level.LOCAL: "city"}[level]
                    if template.placeholder != expected:
                        raise DataFileError(path, f"{official!r}: a {level.value.lower()} name needs "
                                                  f"{'{' + expected + '}' if expected else 'no placeholder'}")
                    found.append(template)
    return found


def _check_forms(path: Path, templates: list[Template], regions: list[Place], cities: list[Place]) -> None:
    """Every form a template uses exists for every place the template can be made for."""
    for template in templates:
        places = regions if template.placeholder == "region" else cities
        for place in (p for p in places if p.language == template.language):
            try:
                template.render(place)
            except (KeyError, ValueError) as error:
                raise DataFileError(path, f"{template.text!r} for {place.name!r}: missing form {error}") from None


def _body(path: Path, raw: Any, language: str) -> Body:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not isinstance(raw.get("city"), str):
        raise DataFileError(path, f"a coordinator needs a name and a city: {raw!r}")
    return Body(raw["name"], raw.get("lang", language), raw["city"], raw.get("informal"),
                tuple(raw.get("areas", ())))


def _people(path: Path, raw: dict[str, Any]) -> People:
    last_male = _strings(path, raw.get("last"), "people.last")
    last_female = _strings(path, raw.get("last_female", raw.get("last")), "people.last_female")
    if len(last_female) != len(last_male):
        raise DataFileError(path, "people.last_female must pair with people.last, one for one")
    return People(_strings(path, raw.get("female"), "people.female"), _strings(path, raw.get("male"), "people.male"),
                  last_male, last_female)


def read_country(path: Path) -> CountryVocabulary:
    raw = read_yaml(path)
    code = path.stem
    try:
        languages = country(code).languages
    except KeyError:
        raise DataFileError(path, f"{code} is not an EEA country code") from None
    default = languages[0]
    regions: list[Place] = []
    cities: list[Place] = []
    for entry in raw["regions"]:
        region = _place(path, entry, default, None)
        regions.append(region)
        cities.extend(_place(path, city, region.language, region) for city in entry.get("cities", ()))
    for place in (*regions, *cities):
        if place.language not in languages:
            raise DataFileError(path, f"{place.name}: {place.language!r} is not a language of {code}")
    templates = _templates(path, raw["authorities"], languages)
    _check_forms(path, templates, regions, cities)
    companies = raw["companies"]
    vocabulary = CountryVocabulary(
        code=code, population=float(raw["population"]), phone=str(raw["phone"]), postcode=str(raw["postcode"]),
        address=str(raw.get("address", "{street} {number}, {postcode} {city}")),
        coordinator=_body(path, raw["coordinator"], default),
        delegated=tuple(_body(path, d, default) for d in raw.get("delegated", ())),
        regions=tuple(regions), cities=tuple(cities), streets=_strings(path, raw["streets"], "streets"),
        people=_people(path, raw["people"]),
        companies=Companies(str(companies["pattern"]), _strings(path, companies["forms"], "companies.forms"),
                            _strings(path, companies["trades"], "companies.trades")),
        templates=tuple(templates),
    )
    for body in (vocabulary.coordinator, *vocabulary.delegated):
        try:
            vocabulary.place(body.city)
        except KeyError as error:
            raise DataFileError(path, str(error)) from None
    for area in REQUEST_AREAS:
        if not any(area in t.areas and t.language == default for t in templates):
            raise DataFileError(path, f"no authority names in {default} for {area}")
    return vocabulary


def read_language(path: Path) -> LanguageVocabulary:
    raw = read_yaml(path)
    code = path.stem
    if code not in LANGUAGE_CODES:
        raise DataFileError(path, f"{code} is not a served language")
    subjects = {area: _strings(path, raw["subjects"].get(area), f"subjects.{area}") for area in REQUEST_AREAS}
    messages = {kind: _strings(path, raw["messages"].get(kind), f"messages.{kind}") for kind in MESSAGE_KINDS}
    return LanguageVocabulary(code, subjects, messages, _strings(path, raw["identity_documents"],
                                                                 "identity_documents"),
                              _strings(path, raw["texts"], "texts"))


@cache
def country_vocabularies() -> dict[str, CountryVocabulary]:
    """Every country's vocabulary by country code, in the reference order."""
    return {c.code: read_country(DATA_DIR / "countries" / f"{c.code}.yaml") for c in countries()}


@cache
def language_vocabularies() -> dict[str, LanguageVocabulary]:
    return {code: read_language(DATA_DIR / "languages" / f"{code}.yaml") for code in LANGUAGE_CODES}
