"""GraphQL over HTTP: the response media type the client accepts and the status code that goes with it.

With `application/graphql-response+json` a request that cannot be executed (a document that does not parse or
validate, variables that do not coerce) is answered 400 without a `data` entry; with `application/json` (also
for `*/*` and no Accept header, as before) such answers keep HTTP 200.
"""

from collections.abc import Sequence

from graphql import GraphQLError

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"


def _accepted(header: str) -> dict[str, float]:
    """Media ranges of an Accept header with their quality."""
    found: dict[str, float] = {}
    for part in header.split(","):
        media, *parameters = (piece.strip() for piece in part.split(";"))
        if not media:
            continue
        quality = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        found[media.lower()] = max(quality, found.get(media.lower(), 0.0))
    return found


def negotiate(accept: str | None) -> str:
    """`application/graphql-response+json` when the client names it and likes it at least as much as
    `application/json`; otherwise `application/json`."""
    if not accept:
        return JSON
    ranges = _accepted(accept)
    wanted = ranges.get(GRAPHQL_RESPONSE, 0.0)
    plain = max(ranges.get(JSON, 0.0), ranges.get("application/*", 0.0), ranges.get("*/*", 0.0))
    return GRAPHQL_RESPONSE if wanted > 0 and wanted >= plain else JSON


def is_request_error(data: object, errors: Sequence[GraphQLError] | None) -> bool:
    """Whether a result is a request error (nothing was executed): no data, and errors without a path (field
    errors always have one)."""
    return data is None and bool(errors) and all(error.path is None for error in errors or ())
