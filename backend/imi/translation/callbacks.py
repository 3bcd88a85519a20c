"""Callback tokens: HMAC-signed, single-use references that authenticate a provider's callback.

A token is `<translation id>.<nonce>.<signature>`. The signature (HMAC-SHA256 under the configured secret)
proves we issued it; the nonce's digest is stored with the pending translation and cleared when a callback
completes it, so a replayed callback finds nothing to complete.
"""

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from imi.translation.errors import CallbackRejectedError, ConfigurationError

MIN_SECRET_LENGTH = 32


@dataclass(frozen=True, slots=True)
class Ticket:
    """A verified token: which translation it names and the digest its row must still hold."""

    translation_id: int
    digest: str


def nonce_digest(nonce: str) -> str:
    return hashlib.sha256(nonce.encode()).hexdigest()


class CallbackSigner:
    """Issues and verifies callback tokens under one secret."""

    def __init__(self, secret: str) -> None:
        if len(secret) < MIN_SECRET_LENGTH:
            raise ConfigurationError(f"IMI_TRANSLATION_SECRET needs at least {MIN_SECRET_LENGTH} characters")
        self._key = secret.encode()

    def _sign(self, message: str) -> str:
        mac = hmac.new(self._key, message.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(mac).decode().rstrip("=")

    def issue(self, translation_id: int) -> tuple[str, str]:
        """A new token for a translation, and the nonce digest to store with it."""
        nonce = secrets.token_urlsafe(18)
        message = f"{translation_id}.{nonce}"
        return f"{message}.{self._sign(message)}", nonce_digest(nonce)

    def verify(self, token: str) -> Ticket:
        """The ticket a genuine token carries; `CallbackRejectedError` for anything we did not issue."""
        parts = token.split(".")
        if len(parts) != 3 or not parts[0].isdigit():
            raise CallbackRejectedError("malformed callback token")
        identifier, nonce, signature = parts
        if not hmac.compare_digest(self._sign(f"{identifier}.{nonce}"), signature):
            raise CallbackRejectedError("callback token signature does not match")
        return Ticket(int(identifier), nonce_digest(nonce))
