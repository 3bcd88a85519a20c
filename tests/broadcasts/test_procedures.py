"""The broadcast procedures as data: their personal-data and limited-view items are items of their forms, and
the limited view never shows personal data."""

import pytest

from imi.catalogue import catalogue
from imi.reference import procedures

BROADCASTS = [p for p in procedures() if p.broadcasting is not None]


def test_every_alert_and_notification_procedure_is_covered() -> None:
    assert {p.code for p in BROADCASTS} >= {"PQ_ALERT", "SERVICES_ALERT", "SERVICES_NOTIFICATION"}


@pytest.mark.parametrize("proc", BROADCASTS, ids=lambda p: p.code)
def test_personal_data_and_limited_view_name_form_items(proc) -> None:
    assert proc.broadcasting is not None
    items = {item.id for item in catalogue(proc.code).items()}
    assert set(proc.personal_data) <= items, set(proc.personal_data) - items
    assert set(proc.broadcasting.limited_view) <= items, set(proc.broadcasting.limited_view) - items
    assert not set(proc.personal_data) & set(proc.broadcasting.limited_view)


@pytest.mark.parametrize("proc", [p for p in BROADCASTS if p.kind.value == "ALERT"], ids=lambda p: p.code)
def test_an_alert_names_its_personal_data_and_its_limited_view(proc) -> None:
    assert proc.personal_data and proc.broadcasting is not None and proc.broadcasting.limited_view
