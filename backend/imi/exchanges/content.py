"""The structured content of an exchange: chosen question identifiers with parameters, and their answers."""

from collections.abc import Mapping
from typing import Any

from imi.errors import ValidationFailed

MAX_QUESTIONS = 60
MAX_PARAMETER = 200


def check_questions(procedure_code: str, questions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Normalise chosen questions to `[{"item": id, "params": {name: value}}]`, refusing malformed ones."""
    if len(questions) > MAX_QUESTIONS:
        raise ValidationFailed.single("questions", f"at most {MAX_QUESTIONS} questions")
    seen: set[str] = set()
    normalised = []
    for question in questions:
        item = question.get("item")
        params = question.get("params") or {}
        if not isinstance(item, str) or not item or item in seen:
            raise ValidationFailed.single("questions", f"question identifiers must be distinct: {item!r}")
        if not isinstance(params, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) and len(v) <= MAX_PARAMETER for k, v in params.items()
        ):
            raise ValidationFailed.single("questions", f"{item}: parameters are short texts by name")
        seen.add(item)
        normalised.append({"item": item, "params": dict(params)})
    return normalised


def check_answers(
    procedure_code: str, questions: list[dict[str, Any]], answers: Mapping[str, Any]
) -> dict[str, Any]:
    """Answers are given only to chosen questions."""
    chosen = {q["item"] for q in questions}
    unknown = sorted(set(answers) - chosen)
    if unknown:
        raise ValidationFailed.single("answers", f"not questions of this request: {', '.join(unknown)}")
    return dict(answers)
