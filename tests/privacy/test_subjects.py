"""Finding a data subject in an exchange's personal data and answers (pure)."""

import pytest

from imi.errors import ValidationFailed
from imi.privacy.subjects import matching_fields, subject_words


def test_a_name_is_found_whatever_its_case_accents_and_order() -> None:
    wanted = subject_words("Łukasz  ZIELIŃSKI")
    assert matching_fields(wanted, {"full_name": "zielinski, Lukasz", "nationality": "PL"}) == ["full_name"]
    assert matching_fields(subject_words("Zieliński Łukasz"), {"full_name": "Łukasz Zieliński"}) == ["full_name"]


def test_a_name_split_over_fields_is_found_in_each() -> None:
    values = {"pq_alert.professional.surname": "Kowalski", "pq_alert.professional.first_names": "Jan Piotr",
              "pq_alert.professional.profession": "Arzt"}
    assert matching_fields(subject_words("Jan Kowalski"), values) == [
        "pq_alert.professional.first_names", "pq_alert.professional.surname"]


def test_every_word_must_appear() -> None:
    assert matching_fields(subject_words("Jan Kowalski"), {"full_name": "Jan Nowak"}) == []
    assert matching_fields(subject_words("Jan Kowalski"), {"full_name": "Janina Kowalska"}) == []


def test_identifiers_and_lists_are_searched() -> None:
    assert matching_fields(subject_words("PL-2020/4711"), {"registration_number": "pl 2020 4711"}) == [
        "registration_number"]
    assert matching_fields(subject_words("4711"), {"answer": ["x", "No. 4711"], "n": 4711}) == ["answer"]


@pytest.mark.parametrize("subject", ["", "Kowalski", "  J.  ", "123"])
def test_a_single_name_is_too_broad(subject: str) -> None:
    with pytest.raises(ValidationFailed):
        subject_words(subject)
