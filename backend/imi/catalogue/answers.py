"""Validating a structured answer against its item's answer type (pure; no storage, no I/O).

Normalised values are JSON-ready: `YES`/`NO`/`DONT_KNOW`, an option id, a tuple of option ids in the
catalogue's order, an ISO date string, an int or a float, a stripped string, an attachment id.
"""

import math
import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from imi.catalogue.model import AnswerType, Item

MAX_TEXT_LENGTH = 4000
MAX_ATTACHMENT_ID_LENGTH = 200
YES_NO_DONT_KNOW = ("YES", "NO", "DONT_KNOW")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DECIMAL = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
_ATTACHMENT_ID = re.compile(r"^\S+$")

Answer = str | int | float | tuple[str, ...]


class AnswerError(StrEnum):
    WRONG_TYPE = "WRONG_TYPE"
    UNKNOWN_VALUE = "UNKNOWN_VALUE"
    EMPTY = "EMPTY"
    DUPLICATE = "DUPLICATE"
    INVALID_DATE = "INVALID_DATE"
    NOT_FINITE = "NOT_FINITE"
    TOO_LONG = "TOO_LONG"


class InvalidAnswer(ValueError):
    """An answer that does not fit its item; `code` says how."""

    def __init__(self, item_id: str, code: AnswerError, reason: str) -> None:
        super().__init__(f"{item_id}: {reason}")
        self.item_id = item_id
        self.code = code
        self.reason = reason


def validate_answer(item: Item, value: object) -> Answer:
    """The normalised answer, or `InvalidAnswer` naming the item and the reason."""
    return _VALIDATORS[item.type](item, value)


def _wrong(item: Item, value: object, expected: str) -> InvalidAnswer:
    return InvalidAnswer(item.id, AnswerError.WRONG_TYPE, f"expected {expected}, got {type(value).__name__}")


def _yes_no(item: Item, value: object) -> str:
    if not isinstance(value, str):
        raise _wrong(item, value, "YES, NO or DONT_KNOW")
    if value not in YES_NO_DONT_KNOW:
        raise InvalidAnswer(item.id, AnswerError.UNKNOWN_VALUE, f"{value!r} is not YES, NO or DONT_KNOW")
    return value


def _single(item: Item, value: object) -> str:
    if not isinstance(value, str):
        raise _wrong(item, value, "one option id")
    if value not in item.option_ids:
        raise InvalidAnswer(item.id, AnswerError.UNKNOWN_VALUE, f"{value!r} is not an option of the item")
    return value


def _multiple(item: Item, value: object) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, list | tuple | set | frozenset):
        raise _wrong(item, value, "a list of option ids")
    chosen = list(value)
    if not chosen:
        raise InvalidAnswer(item.id, AnswerError.EMPTY, "choose at least one option")
    for option_id in chosen:
        _single(item, option_id)
    if len(set(chosen)) != len(chosen):
        raise InvalidAnswer(item.id, AnswerError.DUPLICATE, "an option is chosen more than once")
    return tuple(option_id for option_id in item.option_ids if option_id in chosen)


def _date(item: Item, value: object) -> str:
    if isinstance(value, datetime) or not isinstance(value, str | date):
        raise _wrong(item, value, "an ISO date (YYYY-MM-DD)")
    if isinstance(value, date):
        return value.isoformat()
    if not _ISO_DATE.match(value):
        raise InvalidAnswer(item.id, AnswerError.INVALID_DATE, f"{value!r} is not an ISO date (YYYY-MM-DD)")
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as error:
        raise InvalidAnswer(item.id, AnswerError.INVALID_DATE, f"{value!r} is not a valid date") from error


def _number(item: Item, value: object) -> int | float:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise _wrong(item, value, "a number")
    if isinstance(value, str):
        if not _DECIMAL.match(value.strip()):
            raise _wrong(item, value, "a number")
        value = Decimal(value.strip())
    if isinstance(value, int):
        return value
    number = float(value)
    if not math.isfinite(number):
        raise InvalidAnswer(item.id, AnswerError.NOT_FINITE, "the number must be finite")
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


def _text(item: Item, value: object) -> str:
    if not isinstance(value, str):
        raise _wrong(item, value, "text")
    text = value.strip()
    if not text:
        raise InvalidAnswer(item.id, AnswerError.EMPTY, "the text is empty")
    if len(text) > MAX_TEXT_LENGTH:
        raise InvalidAnswer(item.id, AnswerError.TOO_LONG, f"the text exceeds {MAX_TEXT_LENGTH} characters")
    return text


def _attachment(item: Item, value: object) -> str:
    if not isinstance(value, str):
        raise _wrong(item, value, "an attachment id")
    if not value:
        raise InvalidAnswer(item.id, AnswerError.EMPTY, "the attachment id is empty")
    if len(value) > MAX_ATTACHMENT_ID_LENGTH or not _ATTACHMENT_ID.match(value):
        raise InvalidAnswer(item.id, AnswerError.UNKNOWN_VALUE, f"{value!r} is not an attachment id")
    return value


_VALIDATORS: dict[AnswerType, Callable[[Item, object], Answer]] = {
    AnswerType.YES_NO_DONT_KNOW: _yes_no,
    AnswerType.SINGLE_CHOICE: _single,
    AnswerType.MULTIPLE_CHOICE: _multiple,
    AnswerType.DATE: _date,
    AnswerType.NUMBER: _number,
    AnswerType.TEXT: _text,
    AnswerType.ATTACHMENT: _attachment,
}
