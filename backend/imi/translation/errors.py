"""Errors of the translation domain."""


class TranslationError(Exception):
    """Base class: something about machine translation went wrong."""


class TextRejectedError(TranslationError, ValueError):
    """The request cannot be served as asked (empty or too long text, unknown language): nothing stored."""


class ConfigurationError(TranslationError):
    """The translation settings are incomplete or contradictory."""


class PairUnavailableError(TranslationError):
    """The provider does not serve this language pair (not a failure: no retry)."""


class ProviderError(TranslationError):
    """The provider failed: it timed out, answered an error or could not be reached."""

    def __init__(self, reason: str, *, retryable: bool = True) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retryable = retryable


class CallbackRejectedError(TranslationError):
    """A provider callback was forged, replayed or does not match the request it names."""
