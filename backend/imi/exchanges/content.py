"""The structured content of an exchange: chosen question identifiers with their parameters, and the answers,
checked against the procedure's catalogue. Only identifiers and values are stored, never the text."""

from collections.abc import Callable, Mapping
from typing import Any

from imi.catalogue import InvalidAnswer, Item, ParameterError, catalogue, validate_answer, validate_parameters
from imi.errors import FieldProblem, ValidationFailed

MAX_QUESTIONS = 60


def _items_of(procedure_code: str) -> dict[str, Item]:
    try:
        return {item.id: item for item in catalogue(procedure_code).items()}
    except KeyError:
        raise ValidationFailed.single("procedure", f"{procedure_code} has no question set") from None


def check_values(items: Mapping[str, Item], values: Mapping[str, Any], field: str,
                 unknown: Callable[[str], str]) -> tuple[dict[str, Any], list[FieldProblem]]:
    """Each value checked against its item: the valid ones as stored, and a problem (under `field`) for each other;
    `unknown(item_id)` says why an identifier that is not among `items` is refused."""
    problems: list[FieldProblem] = []
    valid: dict[str, Any] = {}
    for item_id, value in values.items():
        item = items.get(item_id)
        if item is None:
            problems.append(FieldProblem(field, unknown(item_id)))
            continue
        try:
            answer = validate_answer(item, value)
        except InvalidAnswer as error:
            problems.append(FieldProblem(f"{field}.{item_id}", error.reason))
            continue
        valid[item_id] = list(answer) if isinstance(answer, tuple) else answer
    return valid, problems


def check_questions(procedure_code: str, questions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Normalise chosen questions to `[{"item": id, "params": {name: value}}]`: each a question of the
    procedure's catalogue, chosen once, with exactly its parameters."""
    if len(questions) > MAX_QUESTIONS:
        raise ValidationFailed.single("questions", f"at most {MAX_QUESTIONS} questions")
    items = _items_of(procedure_code)
    problems: list[FieldProblem] = []
    normalised: list[dict[str, Any]] = []
    seen: set[str] = set()
    for question in questions:
        item_id = question.get("item")
        item = items.get(item_id) if isinstance(item_id, str) else None
        if item is None:
            problems.append(FieldProblem("questions", f"{item_id!r} is not a question of {procedure_code}"))
            continue
        if item.id in seen:
            problems.append(FieldProblem("questions", f"{item.id} is chosen twice"))
            continue
        seen.add(item.id)
        try:
            params = validate_parameters(item, question.get("params") or {})
        except ParameterError as error:
            problems.append(FieldProblem(f"questions.{item.id}", str(error)))
            continue
        normalised.append({"item": item.id, "params": params})
    if problems:
        raise ValidationFailed(problems)
    return normalised


def check_answers(procedure_code: str, questions: list[dict[str, Any]], answers: Mapping[str, Any]) -> dict[str, Any]:
    """Answers only to the request's chosen questions, each valid for its question's answer type."""
    items = _items_of(procedure_code)
    chosen = {q["item"]: items[q["item"]] for q in questions if q["item"] in items}
    valid, problems = check_values(chosen, answers, "answers", lambda item: f"{item} is not a question of this request")
    if problems:
        raise ValidationFailed(problems)
    return valid


def check_form(procedure_code: str, values: Mapping[str, Any], *, complete: bool) -> dict[str, Any]:
    """Values of a procedure's form (alerts, notifications), each valid for its field; when `complete`, every
    required field is filled in."""
    items = _items_of(procedure_code)
    valid, problems = check_values(items, values, "form", lambda item: f"{item} is not a field of {procedure_code}")
    if complete:
        problems += [FieldProblem(f"form.{item.id}", "is required") for item in items.values()
                     if item.required and item.id not in valid]
    if problems:
        raise ValidationFailed(problems)
    return valid
