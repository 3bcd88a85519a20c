"""Answers validated against their item's type: normalised values, or a typed error naming the item."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest

from imi.catalogue.answers import MAX_TEXT_LENGTH, AnswerError, InvalidAnswer, validate_answer
from imi.catalogue.loader import load_catalogues
from imi.catalogue.model import AnswerType, Item

from .conftest import Writer


@pytest.fixture
def items(write_data: Writer, raw_catalogue: dict[str, Any]) -> dict[AnswerType, Item]:
    catalogue = load_catalogues(write_data(TEST_REQUEST=raw_catalogue)).catalogues["TEST_REQUEST"]
    return {item.type: item for item in catalogue.items()}


VALID = [
    (AnswerType.YES_NO_DONT_KNOW, "DONT_KNOW", "DONT_KNOW"),
    (AnswerType.SINGLE_CHOICE, "tst.main.level.opt.b", "tst.main.level.opt.b"),
    (AnswerType.MULTIPLE_CHOICE, ["tst.main.sanctions.opt.prohibition", "tst.main.sanctions.opt.fine"],
     ("tst.main.sanctions.opt.fine", "tst.main.sanctions.opt.prohibition")),
    (AnswerType.DATE, "2024-02-29", "2024-02-29"),
    (AnswerType.DATE, date(2020, 1, 31), "2020-01-31"),
    (AnswerType.NUMBER, 3, 3),
    (AnswerType.NUMBER, 2.5, 2.5),
    (AnswerType.NUMBER, 4.0, 4),
    (AnswerType.NUMBER, "12.50", 12.5),
    (AnswerType.NUMBER, Decimal("7"), 7),
    (AnswerType.TEXT, "  Registered since 2015.  ", "Registered since 2015."),
    (AnswerType.ATTACHMENT, "QXR0YWNobWVudDox", "QXR0YWNobWVudDox"),
]


@pytest.mark.parametrize(("answer_type", "value", "expected"), VALID)
def test_valid_answers_are_normalised(items: dict[AnswerType, Item], answer_type: AnswerType, value: object,
                                      expected: object) -> None:
    assert validate_answer(items[answer_type], value) == expected


INVALID = [
    (AnswerType.YES_NO_DONT_KNOW, "yes", AnswerError.UNKNOWN_VALUE),
    (AnswerType.YES_NO_DONT_KNOW, True, AnswerError.WRONG_TYPE),
    (AnswerType.SINGLE_CHOICE, "tst.main.sanctions.opt.fine", AnswerError.UNKNOWN_VALUE),
    (AnswerType.SINGLE_CHOICE, ["tst.main.level.opt.a"], AnswerError.WRONG_TYPE),
    (AnswerType.MULTIPLE_CHOICE, [], AnswerError.EMPTY),
    (AnswerType.MULTIPLE_CHOICE, "tst.main.sanctions.opt.fine", AnswerError.WRONG_TYPE),
    (AnswerType.MULTIPLE_CHOICE, ["tst.main.sanctions.opt.fine", "tst.main.sanctions.opt.fine"],
     AnswerError.DUPLICATE),
    (AnswerType.MULTIPLE_CHOICE, ["tst.main.sanctions.opt.fine", "tst.main.level.opt.a"],
     AnswerError.UNKNOWN_VALUE),
    (AnswerType.DATE, "2023-02-29", AnswerError.INVALID_DATE),
    (AnswerType.DATE, "29/02/2024", AnswerError.INVALID_DATE),
    (AnswerType.DATE, "20240101", AnswerError.INVALID_DATE),
    (AnswerType.DATE, 20240101, AnswerError.WRONG_TYPE),
    (AnswerType.DATE, datetime(2024, 1, 1, 12, 0), AnswerError.WRONG_TYPE),
    (AnswerType.NUMBER, "2024-01-01", AnswerError.WRONG_TYPE),
    (AnswerType.NUMBER, True, AnswerError.WRONG_TYPE),
    (AnswerType.NUMBER, float("nan"), AnswerError.NOT_FINITE),
    (AnswerType.NUMBER, float("inf"), AnswerError.NOT_FINITE),
    (AnswerType.NUMBER, "three", AnswerError.WRONG_TYPE),
    (AnswerType.TEXT, "   ", AnswerError.EMPTY),
    (AnswerType.TEXT, "x" * (MAX_TEXT_LENGTH + 1), AnswerError.TOO_LONG),
    (AnswerType.TEXT, 42, AnswerError.WRONG_TYPE),
    (AnswerType.ATTACHMENT, "", AnswerError.EMPTY),
    (AnswerType.ATTACHMENT, "two words", AnswerError.UNKNOWN_VALUE),
    (AnswerType.ATTACHMENT, {"id": "x"}, AnswerError.WRONG_TYPE),
]


@pytest.mark.parametrize(("answer_type", "value", "code"), INVALID)
def test_invalid_answers_raise_a_typed_error(items: dict[AnswerType, Item], answer_type: AnswerType,
                                             value: object, code: AnswerError) -> None:
    item = items[answer_type]
    with pytest.raises(InvalidAnswer) as caught:
        validate_answer(item, value)
    assert caught.value.item_id == item.id
    assert caught.value.code == code
    assert str(caught.value).startswith(f"{item.id}: ")


def test_every_answer_type_is_covered() -> None:
    assert {t for t, _, _ in VALID} == set(AnswerType) == {t for t, _, _ in INVALID}
