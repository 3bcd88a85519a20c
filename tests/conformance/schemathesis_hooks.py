"""The check the schemathesis run applies (loaded through SCHEMATHESIS_HOOKS): no server error, that is no 5xx
and no masked unexpected error (INTERNAL_SERVER_ERROR), the GraphQL form of a 500. Refusals of malformed input
(validation errors, domain refusals with their codes) are the expected answers to generated input."""

from typing import Any

import schemathesis

UNEXPECTED = "INTERNAL_SERVER_ERROR"


@schemathesis.check
def no_server_error(ctx: Any, response: Any, case: Any) -> None:
    assert response.status_code < 500, f"HTTP {response.status_code}: {response.text[:500]}"
    try:
        body = response.json()
    except ValueError:
        return
    errors = body.get("errors") if isinstance(body, dict) else None
    unexpected = [error for error in errors or ()
                  if isinstance(error, dict) and (error.get("extensions") or {}).get("code") == UNEXPECTED]
    assert not unexpected, f"unexpected server errors: {unexpected}"
