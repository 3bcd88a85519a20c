"""The origin of a request as the audit log records it (pure)."""

from imi.privacy.origin import origin_of


def scope(*headers: tuple[str, str], client: tuple[str, int] | None = ("192.0.2.5", 51000)) -> dict:
    return {"type": "http", "client": client, "headers": [(k.encode(), v.encode()) for k, v in headers]}


def test_address_agent_request_id_and_token_prefix() -> None:
    found = origin_of(scope(("User-Agent", "Mozilla/5.0 " + "x" * 400), ("X-Request-Id", "abc-123.4"),
                            ("Authorization", "Bearer imi_Ab12Cd34_secretpart")))
    assert (found.client_address, found.request_id, found.token_prefix) == ("192.0.2.5", "abc-123.4", "Ab12Cd34")
    assert found.user_agent is not None and len(found.user_agent) == 300


def test_a_request_id_is_made_when_none_or_an_odd_one_is_given() -> None:
    made = origin_of(scope(("X-Request-Id", "no spaces\nor newlines"), client=None))
    assert made.request_id and made.request_id != "no spaces\nor newlines" and len(made.request_id) == 32
    assert (made.client_address, made.user_agent, made.token_prefix) == (None, None, None)
    assert origin_of(scope()).request_id != origin_of(scope()).request_id
