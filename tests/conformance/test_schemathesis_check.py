"""The check of the schemathesis run fails on what a server error is, and only on that."""

import json
from typing import Any

import pytest

from tests.conformance.schemathesis_hooks import no_server_error


class Answer:
    def __init__(self, status_code: int, body: Any) -> None:
        self.status_code = status_code
        self.text = body if isinstance(body, str) else json.dumps(body)

    def json(self) -> Any:
        return json.loads(self.text)


def _error(code: str) -> dict[str, Any]:
    return {"errors": [{"message": "m", "path": ["x"], "extensions": {"code": code}}], "data": None}


@pytest.mark.parametrize("answer", [
    Answer(500, "Internal Server Error"), Answer(503, {"errors": []}), Answer(200, _error("INTERNAL_SERVER_ERROR")),
])
def test_server_errors_fail_the_check(answer: Answer) -> None:
    with pytest.raises(AssertionError):
        no_server_error(None, answer, None)


@pytest.mark.parametrize("answer", [
    Answer(200, {"data": {"x": 1}}), Answer(400, {"errors": [{"message": "Syntax Error"}]}),
    Answer(200, _error("NOT_ALLOWED")), Answer(200, _error("VALIDATION_FAILED")), Answer(429, "slow down"),
])
def test_refusals_of_generated_input_pass_it(answer: Answer) -> None:
    no_server_error(None, answer, None)
