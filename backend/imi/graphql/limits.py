"""Protection of the GraphQL endpoint: depth, token, alias and cost limits, introspection off in production, and
masking of unexpected errors (the database out of reach is said plainly)."""

from collections.abc import Callable, Iterator
from typing import Any

from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import (
    MaskErrors,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)

from graphql import GraphQLError
from imi.errors import DomainError
from imi.graphql.cost import cost_rule
from imi.http import unavailable
from imi.settings import Environment, Settings

MASKED_MESSAGE = "Unexpected error: it has been logged."


def is_unexpected(error: GraphQLError) -> bool:
    """Mask errors raised by bugs; keep GraphQL's own (syntax, validation, limits) and refusals by the domain,
    which help the caller."""
    original = error.original_error
    return original is not None and not isinstance(original, GraphQLError | DomainError)


MAX_DEPTH = 12
MAX_TOKENS = 2000
MAX_ALIASES = 30
MAX_COST = 25_000
"""The default budget of one operation (IMI_MAX_QUERY_COST): a page of 100 exchanges with their detail costs
about 4,000; 30 aliased pages of 100 with nested lists go far beyond."""


def _settings(extension: SchemaExtension) -> Settings | None:
    return getattr(extension.execution_context.context, "settings", None)


class CostLimiter(SchemaExtension):
    """Refuses, before execution, an operation whose cost (see `imi.graphql.cost`) is above the budget."""

    def on_operation(self) -> Iterator[None]:
        settings = _settings(self)
        budget = settings.max_query_cost if settings else MAX_COST
        max_page = settings.max_page_size if settings else 100
        if budget > 0:
            rule = cost_rule(self.execution_context.variables, budget, max_page)
            self.execution_context.validation_rules = (*self.execution_context.validation_rules, rule)
        yield


class NoIntrospectionInProduction(SchemaExtension):
    """`__schema` and `__type` are refused in production (`__typename` stays)."""

    def on_operation(self) -> Iterator[None]:
        settings = _settings(self)
        if settings is not None and settings.environment is Environment.PRODUCTION:
            rules = self.execution_context.validation_rules
            self.execution_context.validation_rules = (*rules, NoSchemaIntrospectionCustomRule)
        yield


UNEXPECTED_CODE = "INTERNAL_SERVER_ERROR"


class MaskUnexpectedErrors(MaskErrors):
    """Masks unexpected errors (code INTERNAL_SERVER_ERROR); one caused by the database being out of reach says
    so (DATABASE_UNAVAILABLE); a refusal by the domain carries its code (e.g. NOT_ALLOWED, VALIDATION_FAILED)."""

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        unreachable = error.original_error is not None and unavailable.database_unavailable(error.original_error)
        return GraphQLError(unavailable.MESSAGE if unreachable else self.error_message, nodes=error.nodes,
                            source=error.source, positions=error.positions, path=error.path,
                            extensions={"code": unavailable.CODE if unreachable else UNEXPECTED_CODE})

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        for error in errors:
            if isinstance(error.original_error, DomainError) and "code" not in (error.extensions or {}):
                error.extensions = {**(error.extensions or {}), "code": error.original_error.code}
        return super()._process_errors(errors)


def extensions() -> list[Callable[[], SchemaExtension]]:
    """Factories: each operation gets fresh extension instances."""
    factories: list[Callable[[], Any]] = [
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: QueryDepthLimiter(max_depth=MAX_DEPTH),
        lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
        CostLimiter,
        NoIntrospectionInProduction,
        lambda: MaskUnexpectedErrors(should_mask_error=is_unexpected, error_message=MASKED_MESSAGE),
    ]
    return factories
