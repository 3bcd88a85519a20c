"""The authority import format: one JSON object per line (JSON Lines), checked field by field.

    {"external_id": "PL-NIA", "country": "PL", "level": "NATIONAL",
     "official_name": "Naczelna Izba Aptekarska", "official_language": "pl",
     "informal_names": {"en": "Polish Pharmaceutical Chamber"}, "descriptions": {"pl": "…", "en": "…"},
     "region": "mazowieckie", "city": "Warszawa",
     "address": {"street": "ul. Długa 16", "postcode": "00-238", "city": "Warszawa"},
     "email": "nia@nia.org.pl", "phone": "+48 22 635 92 79",
     "legal_areas": ["PROFESSIONAL_QUALIFICATIONS"], "procedures": ["PQ_REQUEST"],
     "keywords": ["profession.pharmacist"]}

Required: external_id (the source system's identifier, unique in the file), country (EU code; EL is
Greece), level (NATIONAL, REGIONAL, LOCAL), official_name, official_language (one of the country's languages).
Optional: the rest. Every error names its line and field; a line with errors is not imported, the others are.
"""

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from imi.reference import LANGUAGE_CODES, countries, country, legal_area, procedure
from imi.reference.keywords import keyword

LEVELS = ("NATIONAL", "REGIONAL", "LOCAL")
FIELDS = (
    "external_id",
    "country",
    "level",
    "official_name",
    "official_language",
    "informal_names",
    "descriptions",
    "region",
    "city",
    "address",
    "email",
    "phone",
    "legal_areas",
    "procedures",
    "keywords",
)
ADDRESS_FIELDS = ("street", "postcode", "city")
MAX_LENGTH = {
    "external_id": 100,
    "official_name": 300,
    "informal_names": 300,
    "descriptions": 4000,
    "region": 200,
    "city": 200,
    "street": 300,
    "postcode": 20,
    "email": 254,
    "phone": 40,
}
MAX_LINE = 200_000
_EXTERNAL_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/-]*")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_PHONE = re.compile(r"\+?[0-9][0-9 ()./-]{3,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Address:
    street: str | None = None
    postcode: str | None = None
    city: str | None = None


@dataclass(frozen=True, slots=True)
class AuthorityRecord:
    external_id: str
    country: str
    level: str
    official_name: str
    official_language: str
    informal_names: Mapping[str, str] = field(default_factory=dict)
    descriptions: Mapping[str, str] = field(default_factory=dict)
    region: str | None = None
    city: str | None = None
    address: Address | None = None
    email: str | None = None
    phone: str | None = None
    legal_areas: tuple[str, ...] = ()
    procedures: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The record in the import format (what `parse_record` reads back)."""
        data: dict[str, Any] = {
            "external_id": self.external_id,
            "country": self.country,
            "level": self.level,
            "official_name": self.official_name,
            "official_language": self.official_language,
            "informal_names": dict(self.informal_names),
            "descriptions": dict(self.descriptions),
            "region": self.region,
            "city": self.city,
            "address": None
            if self.address is None
            else {
                "street": self.address.street,
                "postcode": self.address.postcode,
                "city": self.address.city,
            },
            "email": self.email,
            "phone": self.phone,
            "legal_areas": list(self.legal_areas),
            "procedures": list(self.procedures),
            "keywords": list(self.keywords),
        }
        return {key: value for key, value in data.items() if value not in (None, {}, [])}


@dataclass(frozen=True, slots=True)
class RecordError:
    line: int
    field: str | None
    """The faulty field (`address.city`, `informal_names.xx`), None for the line as a whole."""
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", {self.field}" if self.field else "")
        return f"{where}: {self.message}"


class InvalidRecord(ValueError):
    """A record with errors; `errors` lists (field, message) pairs."""

    def __init__(self, errors: list[tuple[str | None, str]]) -> None:
        super().__init__("; ".join(f"{name}: {message}" if name else message for name, message in errors))
        self.errors = errors


@dataclass(frozen=True, slots=True)
class ImportFile:
    records: tuple[tuple[int, AuthorityRecord], ...]
    """(line number, record) of each valid line."""
    errors: tuple[RecordError, ...]


class _Checker:
    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data
        self.errors: list[tuple[str | None, str]] = []

    def fail(self, name: str | None, message: str) -> None:
        self.errors.append((name, message))

    def text(
        self, name: str, value: Any, *, required: bool = False, limit_key: str | None = None
    ) -> str | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(name, "is required")
            return None
        if not isinstance(value, str):
            self.fail(name, f"must be a string, not {type(value).__name__}")
            return None
        value = " ".join(value.split()) if "\n" not in value else value.strip()
        limit = MAX_LENGTH[limit_key or name]
        if len(value) > limit:
            self.fail(name, f"is longer than {limit} characters ({len(value)})")
            return None
        if _CONTROL.search(value):
            self.fail(name, "contains control characters")
            return None
        return value

    def code(self, name: str, allowed: Iterable[str], what: str) -> str | None:
        value = self.data.get(name)
        if value is None:
            self.fail(name, "is required")
            return None
        if not isinstance(value, str):
            self.fail(name, f"must be a string, not {type(value).__name__}")
            return None
        if value not in allowed:
            self.fail(name, f"unknown {what} {value!r}")
            return None
        return value

    def texts_by_language(self, name: str) -> dict[str, str]:
        value = self.data.get(name)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.fail(name, "must be an object of language code -> text")
            return {}
        result: dict[str, str] = {}
        for code, text in value.items():
            if code not in LANGUAGE_CODES:
                self.fail(f"{name}.{code}", f"{code!r} is not a served language")
                continue
            checked = self.text(f"{name}.{code}", text, limit_key=name)
            if checked is not None:
                result[code] = checked
        return result

    def codes(self, name: str, exists: Any, what: str) -> tuple[str, ...]:
        value = self.data.get(name)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.fail(name, "must be a list of strings")
            return ()
        if len(set(value)) != len(value):
            self.fail(name, "lists a value twice")
        found: list[str] = []
        for item in value:
            try:
                exists(item)
            except KeyError:
                self.fail(name, f"unknown {what} {item!r}")
                continue
            found.append(item)
        return tuple(dict.fromkeys(found))


def _country_languages(code: str) -> tuple[str, ...]:
    try:
        return country(code).languages
    except KeyError:
        return ()


def _address(checker: _Checker) -> Address | None:
    raw = checker.data.get("address")
    if raw is None:
        return None
    if not isinstance(raw, dict):
        checker.fail("address", "must be an object with street, postcode and city")
        return None
    for unknown in sorted(set(raw) - set(ADDRESS_FIELDS)):
        checker.fail(f"address.{unknown}", "is not an address field")
    values = {name: checker.text(f"address.{name}", raw.get(name), limit_key=name) for name in ADDRESS_FIELDS}
    return Address(**values) if any(values.values()) else None


def parse_record(data: Any) -> AuthorityRecord:
    """Check one decoded JSON object; `InvalidRecord` lists every error found."""
    if not isinstance(data, dict):
        raise InvalidRecord([(None, "each line must be a JSON object")])
    checker = _Checker(data)
    for unknown in sorted(set(data) - set(FIELDS)):
        checker.fail(unknown, "is not a field of the import format")
    external_id = checker.text("external_id", data.get("external_id"), required=True)
    if external_id is not None and not _EXTERNAL_ID.fullmatch(external_id):
        checker.fail("external_id", "may hold only letters, digits and . _ : / -")
    country_code = checker.code("country", _known_countries(), "country")
    level = checker.code("level", LEVELS, "level")
    official_name = checker.text("official_name", data.get("official_name"), required=True)
    official_language = checker.code("official_language", LANGUAGE_CODES, "language (not served)")
    languages = _country_languages(country_code) if country_code else ()
    if country_code and official_language and official_language not in languages:
        checker.fail(
            "official_language", f"{official_language!r} is not a language of {country_code} {languages}"
        )
    informal_names = checker.texts_by_language("informal_names")
    descriptions = checker.texts_by_language("descriptions")
    region = checker.text("region", data.get("region"))
    city = checker.text("city", data.get("city"))
    address = _address(checker)
    if address is not None and address.city:
        if city and address.city != city:
            checker.fail("address.city", f"differs from city {city!r}")
        city = city or address.city
    email = checker.text("email", data.get("email"))
    if email is not None and not _EMAIL.fullmatch(email):
        checker.fail("email", f"{email!r} is not an e-mail address")
    phone = checker.text("phone", data.get("phone"))
    if phone is not None and not _PHONE.fullmatch(phone):
        checker.fail("phone", f"{phone!r} is not a phone number (digits, spaces, + ( ) . / -)")
    areas = checker.codes("legal_areas", legal_area, "legal area")
    procedures = checker.codes("procedures", procedure, "procedure")
    for code in procedures:
        if procedure(code).legal_area not in areas:
            checker.fail("procedures", f"{code} belongs to {procedure(code).legal_area}, not in legal_areas")
    keywords = checker.codes("keywords", keyword, "keyword")
    for code in keywords:
        if keyword(code).legal_area not in areas:
            checker.fail("keywords", f"{code} belongs to {keyword(code).legal_area}, not in legal_areas")
    if checker.errors:
        raise InvalidRecord(checker.errors)
    assert external_id and country_code and level and official_name and official_language
    return AuthorityRecord(
        external_id=external_id,
        country=country_code,
        level=level,
        official_name=official_name,
        official_language=official_language,
        informal_names=MappingProxyType(informal_names),
        descriptions=MappingProxyType(descriptions),
        region=region,
        city=city,
        address=address,
        email=email,
        phone=phone,
        legal_areas=areas,
        procedures=procedures,
        keywords=keywords,
    )


def _known_countries() -> tuple[str, ...]:
    return tuple(str(item.code) for item in countries())


def parse_lines(lines: Iterable[str]) -> ImportFile:
    """Parse JSON Lines (blank lines skipped); each valid line gives a record, each faulty one its errors."""
    records: list[tuple[int, AuthorityRecord]] = []
    errors: list[RecordError] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, 1):
        text = line.lstrip("\ufeff") if number == 1 else line
        if not text.strip():
            continue
        if len(text) > MAX_LINE:
            errors.append(RecordError(number, None, f"line longer than {MAX_LINE} characters"))
            continue
        try:
            record = parse_record(json.loads(text))
        except json.JSONDecodeError as error:
            errors.append(RecordError(number, None, f"not JSON: {error.msg} at column {error.colno}"))
            continue
        except InvalidRecord as invalid:
            errors.extend(RecordError(number, name, message) for name, message in invalid.errors)
            continue
        if record.external_id in seen:
            errors.append(RecordError(number, "external_id", f"repeats line {seen[record.external_id]}"))
            continue
        seen[record.external_id] = number
        records.append((number, record))
    return ImportFile(tuple(records), tuple(errors))


def parse_file(path: Path) -> ImportFile:
    """Parse a JSON Lines file in UTF-8."""
    with path.open(encoding="utf-8") as handle:
        return parse_lines(handle)
