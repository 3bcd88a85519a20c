"""Domain errors. Services raise them; the GraphQL layer maps each to a typed error in the result union."""

from dataclasses import dataclass, field


class DomainError(Exception):
    """A refused operation: it changed nothing."""

    code = "ERROR"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(DomainError):
    """The object does not exist, or the caller may not know that it does."""

    code = "NOT_FOUND"


class NotAllowed(DomainError):
    """The caller lacks the part or the right this action needs."""

    code = "NOT_ALLOWED"


class InvalidTransition(DomainError):
    """The action does not fit the exchange's current state."""

    code = "INVALID_TRANSITION"

    def __init__(self, message: str, state: str, action: str) -> None:
        super().__init__(message)
        self.state = state
        self.action = action


class StaleVersion(DomainError):
    """Someone else changed the object since the caller read it."""

    code = "STALE_VERSION"

    def __init__(self, message: str, current_version: int) -> None:
        super().__init__(message)
        self.current_version = current_version


@dataclass(frozen=True)
class FieldProblem:
    field: str
    message: str


@dataclass
class ValidationFailed(DomainError):
    """The input is malformed or breaks a rule; `problems` names each field."""

    problems: list[FieldProblem] = field(default_factory=list)
    code = "VALIDATION_FAILED"

    def __post_init__(self) -> None:
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in self.problems) or "invalid input")

    @classmethod
    def single(cls, field_name: str, message: str) -> "ValidationFailed":
        return cls([FieldProblem(field_name, message)])
