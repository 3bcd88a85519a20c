"""Filling in a procedure's form from its catalogue, as a sender would (a sample value per answer type)."""

from datetime import date
from typing import Any

from imi.catalogue import catalogue
from imi.catalogue.model import AnswerType, Item

SAMPLES: dict[AnswerType, dict[str, Any]] = {
    AnswerType.YES_NO_DONT_KNOW: {"yesNo": "YES"},
    AnswerType.DATE: {"date": "2026-02-20"},
    AnswerType.NUMBER: {"number": 3},
    AnswerType.TEXT: {"text": "Angaben laut Bescheid"},
    AnswerType.ATTACHMENT: {"attachmentId": "file-1"},
}


def _value(item: Item, overrides: dict[str, Any]) -> dict[str, Any]:
    if item.id in overrides:
        return overrides[item.id]
    if item.type is AnswerType.SINGLE_CHOICE:
        return {"choice": item.options[0].id}
    if item.type is AnswerType.MULTIPLE_CHOICE:
        return {"choices": [item.options[0].id]}
    return SAMPLES[item.type]


def required_form(procedure: str, **overrides: dict[str, Any]) -> list[dict[str, Any]]:
    """Every required field of the procedure's form, as `AnswerInput`s; `overrides` by item id (dots as __)."""
    chosen = {key.replace("__", "."): value for key, value in overrides.items()}
    return [{"item": item.id, **_value(item, chosen)} for item in catalogue(procedure).items()
            if item.required or item.id in chosen]


def iso(day: date) -> str:
    return day.isoformat()
