"""`imi authorities import`: valid lines are loaded, faulty ones reported by line and not loaded at all,
and importing the same file again changes nothing."""

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

from imi.authorities.importer import import_file
from imi.authorities.models import Authority, AuthorityProcedure, AuthorityStatus
from imi.reference import procedures
from tests import world

PHARMACISTS = {
    "external_id": "PL-NIA", "country": "PL", "level": "NATIONAL", "official_name": "Naczelna Izba Aptekarska",
    "official_language": "pl", "informal_names": {"en": "Polish Pharmaceutical Chamber"},
    "descriptions": {"pl": "Samorząd zawodowy farmaceutów.", "en": "Professional self-government of pharmacists."},
    "region": "mazowieckie", "city": "Warszawa",
    "address": {"street": "ul. Długa 16", "postcode": "00-238", "city": "Warszawa"},
    "email": "nia@nia.example.pl", "phone": "+48 22 635 92 79",
    "legal_areas": ["PROFESSIONAL_QUALIFICATIONS"], "procedures": ["PQ_REQUEST", "PQ_ALERT"],
    "keywords": ["profession.pharmacist"],
}
DOCTORS = {
    "external_id": "AT-OAEK", "country": "AT", "level": "NATIONAL", "official_name": "Österreichische Ärztekammer",
    "official_language": "de", "city": "Wien", "legal_areas": ["PROFESSIONAL_QUALIFICATIONS", "SERVICES"],
    "procedures": ["PQ_REQUEST"], "keywords": ["profession.medical_doctor"],
}


def _write(path: Path, *lines: dict[str, Any] | str) -> Path:
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)
                              for line in lines) + "\n", encoding="utf-8")
    return path


async def _coordinators(now, *countries: str) -> None:
    for country in countries:
        await world.coordinator(country, now)


async def test_a_valid_line_creates_an_active_authority_under_its_national_coordinator(clean_db, clock, tmp_path):
    now = clock.now()
    await _coordinators(now, "PL", "AT")
    report = await import_file(_write(tmp_path / "a.jsonl", PHARMACISTS, DOCTORS), now)
    assert (report.created, report.updated, report.unchanged, report.errors) == (2, 0, 0, ())
    nia = await Authority.get(external_id="PL-NIA")
    coordinator = await Authority.get(national_coordinator_of="PL")
    assert nia.status is AuthorityStatus.ACTIVE and nia.coordinator_id == coordinator.id and nia.search_pending
    assert (nia.official_name, nia.official_language, nia.city, nia.region) == (
        "Naczelna Izba Aptekarska", "pl", "Warszawa", "mazowieckie")
    assert (nia.street, nia.postcode, nia.email, nia.phone) == (
        "ul. Długa 16", "00-238", "nia@nia.example.pl", "+48 22 635 92 79")
    assert nia.informal_names == {"en": "Polish Pharmaceutical Chamber"} and set(nia.descriptions) == {"pl", "en"}
    assert nia.keyword_ids == ["profession.pharmacist"]
    granted = await AuthorityProcedure.filter(authority_id=nia.id).values_list("procedure", flat=True)
    assert sorted(granted) == ["PQ_ALERT", "PQ_REQUEST"]
    doctors = await Authority.get(external_id="AT-OAEK")
    areas = await AuthorityProcedure.filter(authority_id=doctors.id).values_list("legal_area", "procedure")
    services = {p.code for p in procedures() if p.legal_area == "SERVICES"}
    assert {code for area, code in areas if area == "SERVICES"} == services, "an area without procedures: all"
    assert {code for area, code in areas if area == "PROFESSIONAL_QUALIFICATIONS"} == {"PQ_REQUEST"}


async def test_bad_lines_are_reported_by_line_and_nothing_of_them_is_loaded(clean_db, clock, tmp_path):
    now = clock.now()
    await _coordinators(now, "PL", "AT")
    file = _write(
        tmp_path / "mixed.jsonl",
        PHARMACISTS,                                                                  # 1: good
        {**DOCTORS, "external_id": "AT-BAD-PROC", "procedures": ["NO_SUCH_PROCEDURE"]},  # 2: unknown procedure
        "{not json",                                                                  # 3: not JSON
        "",                                                                           # 4: blank, skipped
        {**DOCTORS, "external_id": "FR-CNOM", "country": "FR", "official_language": "fr",
         "official_name": "Conseil national de l'Ordre des médecins"},                # 5: FR has no coordinator
        {**DOCTORS, "external_id": "AT-LONG", "descriptions": {"de": "x" * 2500}},    # 6: longer than the rules
        DOCTORS,                                                                      # 7: good
        {**PHARMACISTS, "official_name": "Another name"},                             # 8: repeats line 1's id
    )
    report = await import_file(file, now)
    assert report.created == 2 and report.refused_lines == 5
    by_line = {error.line: error for error in report.errors}
    assert sorted(by_line) == [2, 3, 5, 6, 8]
    assert by_line[2].field == "procedures" and "NO_SUCH_PROCEDURE" in by_line[2].message
    assert by_line[3].field is None and "not JSON" in by_line[3].message
    assert by_line[5].field == "country" and "FR has no national coordinator" in by_line[5].message
    assert by_line[6].field == "descriptions"
    assert by_line[8].field == "external_id" and "repeats line 1" in by_line[8].message
    assert [error.line for error in report.errors] == sorted(error.line for error in report.errors)
    stored = set(await Authority.filter(external_id__not_isnull=True).values_list("external_id", flat=True))
    assert stored == {"PL-NIA", "AT-OAEK"}
    assert (await Authority.get(external_id="PL-NIA")).official_name == "Naczelna Izba Aptekarska"


async def test_importing_the_same_file_again_changes_nothing(clean_db, clock, tmp_path):
    now = clock.now()
    await _coordinators(now, "PL", "AT")
    file = _write(tmp_path / "a.jsonl", PHARMACISTS, DOCTORS)
    await import_file(file, now)
    await Authority.all().update(search_pending=False)  # as if indexed
    before = {a.external_id: (a.version, a.updated_at) for a in await Authority.filter(external_id__not_isnull=True)}
    grants = await AuthorityProcedure.all().count()
    again = await import_file(file, now + timedelta(days=1))
    assert (again.created, again.updated, again.unchanged, again.errors) == (0, 0, 2, ())
    after = {a.external_id: (a.version, a.updated_at) for a in await Authority.filter(external_id__not_isnull=True)}
    assert after == before
    assert await AuthorityProcedure.all().count() == grants
    assert not await Authority.filter(search_pending=True).exists(), "nothing to index again"


async def test_a_changed_line_updates_the_authority_with_a_new_version_awaiting_indexing(clean_db, clock, tmp_path):
    now = clock.now()
    await _coordinators(now, "PL", "AT")
    await import_file(_write(tmp_path / "a.jsonl", PHARMACISTS), now)
    created = await Authority.get(external_id="PL-NIA")
    await Authority.filter(id=created.id).update(status=AuthorityStatus.INACTIVE, search_pending=False)
    changed = {**PHARMACISTS, "city": "Kraków", "address": None,
               "legal_areas": ["PROFESSIONAL_QUALIFICATIONS", "SERVICES"],
               "procedures": ["PQ_REQUEST", "PQ_ALERT", "SERVICES_REQUEST"]}
    report = await import_file(_write(tmp_path / "b.jsonl", changed), now + timedelta(hours=1))
    assert (report.created, report.updated, report.errors) == (0, 1, ())
    updated = await Authority.get(id=created.id)
    assert updated.version == created.version + 1 and updated.search_pending
    assert (updated.city, updated.street, updated.postcode) == ("Kraków", None, None)
    assert updated.status is AuthorityStatus.INACTIVE, "an import does not override a coordinator's decision"
    assert updated.updated_at == now + timedelta(hours=1)
    granted = set(await AuthorityProcedure.filter(authority_id=created.id).values_list("procedure", flat=True))
    assert granted == set(changed["procedures"])


async def test_an_import_does_not_move_an_authority_to_another_country(clean_db, clock, tmp_path):
    now = clock.now()
    await _coordinators(now, "PL", "AT")
    await import_file(_write(tmp_path / "a.jsonl", PHARMACISTS), now)
    moved = {**PHARMACISTS, "country": "AT", "official_language": "de", "region": None}
    report = await import_file(_write(tmp_path / "b.jsonl", moved), now)
    assert report.updated == 0 and [(e.line, e.field) for e in report.errors] == [(1, "country")]
    assert (await Authority.get(external_id="PL-NIA")).country == "PL"
