"""Which parts of an exchange's content are free text (and so may carry personal data)."""

from imi.catalogue import AnswerType, catalogue


def free_text_items(procedure_code: str) -> frozenset[str]:
    """The items of a procedure's questions or forms answered in free text."""
    try:
        items = catalogue(procedure_code).items()
    except KeyError:
        return frozenset()
    return frozenset(item.id for item in items if item.type is AnswerType.TEXT)
