"""The authority import format (JSON Lines): every field checked, every error tied to its line."""

import json
from pathlib import Path
from typing import Any

import pytest

from imi.authorities.import_format import Address, AuthorityRecord, InvalidRecord, parse_file, parse_lines, parse_record

VALID: dict[str, Any] = {
    "external_id": "PL-NIA",
    "country": "PL",
    "level": "NATIONAL",
    "official_name": "Naczelna Izba Aptekarska",
    "official_language": "pl",
    "informal_names": {"en": "Polish Pharmaceutical Chamber"},
    "descriptions": {"pl": "Samorząd zawodowy farmaceutów.", "en": "Self-government of pharmacists."},
    "region": "mazowieckie",
    "city": "Warszawa",
    "address": {"street": "ul. Długa 16", "postcode": "00-238", "city": "Warszawa"},
    "email": "nia@nia.org.pl",
    "phone": "+48 22 635 92 79",
    "legal_areas": ["PROFESSIONAL_QUALIFICATIONS"],
    "procedures": ["PQ_REQUEST", "PQ_ALERT"],
    "keywords": ["profession.pharmacist"],
}


def _errors(**changes: Any) -> list[tuple[str | None, str]]:
    data = {**VALID, **changes}
    data = {key: value for key, value in data.items() if value is not ...}
    with pytest.raises(InvalidRecord) as raised:
        parse_record(data)
    return raised.value.errors


def test_a_valid_record_is_read_whole() -> None:
    record = parse_record(VALID)
    assert record.external_id == "PL-NIA" and record.country == "PL" and record.level == "NATIONAL"
    assert record.informal_names == {"en": "Polish Pharmaceutical Chamber"}
    assert record.address == Address("ul. Długa 16", "00-238", "Warszawa")
    assert record.procedures == ("PQ_REQUEST", "PQ_ALERT") and record.keywords == ("profession.pharmacist",)
    assert parse_record(record.to_json()) == record


def test_only_the_required_fields_are_needed() -> None:
    record = parse_record({key: VALID[key] for key in ("external_id", "country", "level", "official_name",
                                                        "official_language")})
    assert record == AuthorityRecord("PL-NIA", "PL", "NATIONAL", "Naczelna Izba Aptekarska", "pl")


def test_city_comes_from_the_address_when_missing() -> None:
    assert parse_record({**VALID, "city": None}).city == "Warszawa"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"country": "GR"}, "country", "unknown country"),
        ({"country": "pl"}, "country", "unknown country"),
        ({"level": "MUNICIPAL"}, "level", "unknown level"),
        ({"official_name": "   "}, "official_name", "required"),
        ({"official_name": ...}, "official_name", "required"),
        ({"official_name": 42}, "official_name", "must be a string"),
        ({"official_name": "x" * 301}, "official_name", "longer than 300"),
        ({"official_language": "ru"}, "official_language", "not served"),
        ({"official_language": "de"}, "official_language", "not a language of PL"),
        ({"informal_names": {"xx": "Name"}}, "informal_names.xx", "not a served language"),
        ({"informal_names": ["Name"]}, "informal_names", "object"),
        ({"descriptions": {"en": "d" * 4001}}, "descriptions.en", "longer than 4000"),
        ({"descriptions": {"en": "tab\tok\x07bell"}}, "descriptions.en", "control characters"),
        ({"legal_areas": ["PROFESSIONAL_QUALIFICATIONS", "TAXES"]}, "legal_areas", "unknown legal area 'TAXES'"),
        ({"legal_areas": "PROFESSIONAL_QUALIFICATIONS"}, "legal_areas", "list of strings"),
        ({"procedures": ["PQ_REQUEST", "NOPE"]}, "procedures", "unknown procedure 'NOPE'"),
        ({"procedures": ["SERVICES_REQUEST"]}, "procedures", "belongs to SERVICES"),
        ({"keywords": ["profession.astronaut"]}, "keywords", "unknown keyword"),
        ({"legal_areas": ["GDPR"], "procedures": [], "keywords": ["profession.pharmacist"]}, "keywords",
         "belongs to PROFESSIONAL_QUALIFICATIONS"),
        ({"procedures": ["PQ_REQUEST", "PQ_REQUEST"]}, "procedures", "twice"),
        ({"email": "not-an-address"}, "email", "not an e-mail"),
        ({"phone": "call us"}, "phone", "not a phone number"),
        ({"address": {"street": "x", "zip": "1"}}, "address.zip", "not an address field"),
        ({"address": {"city": "Kraków"}}, "address.city", "differs from city"),
        ({"address": {"postcode": "1" * 21}}, "address.postcode", "longer than 20"),
        ({"external_id": "PL NIA"}, "external_id", "letters, digits"),
        ({"legal_area": ["GDPR"]}, "legal_area", "not a field"),
    ],
)
def test_each_field_is_checked(changes: dict[str, Any], field: str, message: str) -> None:
    errors = _errors(**changes)
    assert any(name == field and message in text for name, text in errors), errors


def test_every_error_of_a_record_is_reported_at_once() -> None:
    fields = {name for name, _ in _errors(country="XX", level="?", official_name="", email="@")}
    assert fields == {"country", "level", "official_name", "email"}


def test_lines_are_parsed_independently_and_errors_name_their_line() -> None:
    lines = [
        "\ufeff" + json.dumps(VALID),
        "",
        "{not json",
        json.dumps({**VALID, "external_id": "PL-2", "country": "XX"}),
        "[1, 2]",
        json.dumps(VALID),
        json.dumps({**VALID, "external_id": "PL-3"}),
    ]
    parsed = parse_lines(lines)
    assert [(line, record.external_id) for line, record in parsed.records] == [(1, "PL-NIA"), (7, "PL-3")]
    assert [(error.line, error.field) for error in parsed.errors] == [
        (3, None), (4, "country"), (5, None), (6, "external_id")
    ]
    assert "repeats line 1" in parsed.errors[-1].message
    assert str(parsed.errors[1]).startswith("line 4, country: unknown country")


def test_a_file_is_read_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "authorities.jsonl"
    path.write_text(json.dumps(VALID, ensure_ascii=False) + "\n", encoding="utf-8")
    parsed = parse_file(path)
    assert not parsed.errors and parsed.records[0][1].address == Address("ul. Długa 16", "00-238", "Warszawa")
