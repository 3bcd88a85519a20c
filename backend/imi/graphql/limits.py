"""Protection of the GraphQL endpoint: depth, token and alias limits, and masking of unexpected errors."""

from collections.abc import Callable

from strawberry.extensions import (
    MaskErrors,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)

from graphql import GraphQLError
from imi.errors import DomainError

MASKED_MESSAGE = "Unexpected error: it has been logged."


def is_unexpected(error: GraphQLError) -> bool:
    """Mask errors raised by bugs; keep GraphQL's own (syntax, validation, limits) and refusals by the domain,
    which help the caller."""
    original = error.original_error
    return original is not None and not isinstance(original, GraphQLError | DomainError)


MAX_DEPTH = 12
MAX_TOKENS = 2000
MAX_ALIASES = 30


def extensions() -> list[Callable[[], SchemaExtension]]:
    """Factories: each operation gets fresh extension instances."""
    return [
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: QueryDepthLimiter(max_depth=MAX_DEPTH),
        lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
        lambda: MaskErrors(should_mask_error=is_unexpected, error_message=MASKED_MESSAGE),
    ]
