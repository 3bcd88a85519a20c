"""Typed errors returned in mutation result unions, mapped one-to-one from domain errors."""

from collections.abc import Awaitable, Callable
from typing import Any

import strawberry

from imi import errors


@strawberry.interface(description="Why an operation was refused; nothing was changed.")
class Error:
    message: str


@strawberry.type(description="The object does not exist or is not visible to you.")
class NotFound(Error):
    pass


@strawberry.type(description="You lack the part in the exchange or the right this action needs.")
class NotAllowed(Error):
    pass


@strawberry.type(description="The action does not fit the exchange's current state.")
class InvalidTransition(Error):
    state: str
    action: str


@strawberry.type(description="Someone else changed the object since you read it: reload and retry.")
class StaleVersion(Error):
    current_version: int


@strawberry.type
class FieldProblem:
    field: str
    message: str


@strawberry.type(description="The input is malformed or breaks a rule.")
class ValidationFailed(Error):
    problems: list[FieldProblem]


def to_graphql(error: errors.DomainError) -> Error:
    """The GraphQL error type for a domain error."""
    if isinstance(error, errors.StaleVersion):
        return StaleVersion(message=error.message, current_version=error.current_version)
    if isinstance(error, errors.InvalidTransition):
        return InvalidTransition(message=error.message, state=error.state, action=error.action)
    if isinstance(error, errors.ValidationFailed):
        return ValidationFailed(
            message=error.message, problems=[FieldProblem(field=p.field, message=p.message) for p in error.problems]
        )
    if isinstance(error, errors.NotAllowed):
        return NotAllowed(message=error.message)
    return NotFound(message=error.message)




async def attempt(operation: Callable[[], Awaitable[Any]]) -> Any:
    """Run a domain operation; a refusal becomes its typed error.

    Typed `Any`: each mutation declares the union it may return, and strawberry checks membership at run time.
    """
    try:
        return await operation()
    except errors.DomainError as error:
        return to_graphql(error)
