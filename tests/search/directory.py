"""The relevance fixture's authorities stored through the importer, each under its national coordinator."""

from datetime import datetime

from imi.authorities.importer import ImportReport, import_file
from tests import world

from .fixtures import AUTHORITIES
from .fixtures import import_file as parsed_fixture


async def import_fixture(now: datetime) -> ImportReport:
    """Create the national coordinators of the fixture's countries, then import its authorities."""
    for country in sorted({record.country for _, record in parsed_fixture().records}):
        await world.coordinator(country, now)
    report = await import_file(AUTHORITIES, now)
    assert not report.errors, report.errors[:5]
    return report
