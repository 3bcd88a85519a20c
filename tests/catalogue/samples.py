"""Small valid catalogue data for the tests."""

from typing import Any

from imi.reference import LANGUAGE_CODES


def texts(stem: str) -> dict[str, str]:
    """A language map with a distinct text per language."""
    return {code: f"{stem} ({code})" for code in LANGUAGE_CODES}


def _item(item_id: str, answer_type: str, **extra: Any) -> dict[str, Any]:
    name = item_id.rsplit(".", 1)[-1]
    text, help_text = texts(name.title()), texts(f"Help {name}")
    return {"id": item_id, "type": answer_type, "text": text, "help": help_text, **extra}


def _options(item_id: str, *codes: str) -> list[dict[str, Any]]:
    return [{"id": f"{item_id}.opt.{code}", "label": texts(f"Option {code}")} for code in codes]


def sample_catalogue(procedure: str = "TEST_REQUEST", prefix: str = "tst") -> dict[str, Any]:
    """A valid catalogue with one item of each answer type."""
    main = f"{prefix}.main"
    established = _item(f"{main}.established", "YES_NO_DONT_KNOW", parameters=["profession"])
    established["text"] = {code: f"Profession {{profession}} ({code})" for code in LANGUAGE_CODES}
    items = [
        established,
        _item(f"{main}.level", "SINGLE_CHOICE", options=_options(f"{main}.level", "a", "b", "c")),
        _item(f"{main}.sanctions", "MULTIPLE_CHOICE",
              options=_options(f"{main}.sanctions", "fine", "suspension", "prohibition")),
        _item(f"{main}.since", "DATE"),
        _item(f"{main}.years", "NUMBER"),
        _item(f"{main}.details", "TEXT"),
        _item(f"{main}.certificate", "ATTACHMENT", required=True),
    ]
    section = {"id": main, "title": texts("Main"), "items": items}
    return {"procedure": procedure, "version": 1, "sections": [section]}


def sample_labels() -> dict[str, Any]:
    return {"answers": {"YES": texts("Yes"), "NO": texts("No"), "DONT_KNOW": texts("Don't know")}}
