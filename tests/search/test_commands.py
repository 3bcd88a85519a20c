"""The commands as an operator runs them: `imi authorities import` then `imi search reindex`, on a fresh SQLite."""

import json
import subprocess
from pathlib import Path

import pytest

from imi.search import SearchQuery, TantivyEngine
from tests.commands import run_imi

pytestmark = pytest.mark.slow
GOOD = [
    {"external_id": "PL-NIA", "country": "PL", "level": "NATIONAL", "official_name": "Naczelna Izba Aptekarska",
     "official_language": "pl", "city": "Warszawa", "legal_areas": ["PROFESSIONAL_QUALIFICATIONS"],
     "keywords": ["profession.pharmacist"]},
    {"external_id": "PL-NIL", "country": "PL", "level": "NATIONAL", "official_name": "Naczelna Izba Lekarska",
     "official_language": "pl", "city": "Warszawa", "legal_areas": ["PROFESSIONAL_QUALIFICATIONS"]},
]
BAD = {"external_id": "AT-OAK", "country": "AT", "level": "NATIONAL",
       "official_name": "Österreichische Apothekerkammer", "official_language": "de"}


def imi(tmp_path: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return run_imi(tmp_path, *arguments, COLUMNS="120")


async def test_import_reports_bad_lines_then_reindex_builds_the_index(tmp_path: Path) -> None:
    made = imi(tmp_path, "coordinators", "create", "PL", "Urząd Komitetu do Spraw Europejskich", "--language", "pl")
    assert made.returncode == 0, made.stderr
    file = tmp_path / "authorities.jsonl"
    file.write_text("\n".join([json.dumps(GOOD[0]), json.dumps(BAD), "{oops", json.dumps(GOOD[1])]) + "\n",
                    encoding="utf-8")

    first = imi(tmp_path, "authorities", "import", str(file))
    assert first.returncode == 2, first.stderr
    assert "line 2, country: AT has no national coordinator" in first.stderr
    assert "line 3: not JSON" in first.stderr
    assert first.stdout.strip().endswith("2 created, 0 updated, 0 unchanged, 2 lines refused")
    again = imi(tmp_path, "authorities", "import", str(file))
    assert again.stdout.strip().endswith("0 created, 0 updated, 2 unchanged, 2 lines refused")

    rebuilt = imi(tmp_path, "search", "reindex")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "search index rebuilt with 3 authorities" in rebuilt.stdout
    engine = TantivyEngine(tmp_path / "search")
    assert not await engine.needs_rebuild() and await engine.count() == 3
    found = await engine.search(SearchQuery(text="Apotheker", language="de"))
    assert len(found.hits) == 1 and "<mark>Apotheker</mark>" in found.hits[0].highlights["keywords"]
