"""Stored translations: one row per (text, source, target, provider); the original text is never changed."""

import hashlib
from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class TranslationStatus(StrEnum):
    PENDING = "PENDING"  # being translated, or submitted and awaiting the provider's callback
    DONE = "DONE"  # translated_text holds the translation
    FAILED = "FAILED"  # the provider failed (reason); retried at next_attempt_at unless that is empty
    UNAVAILABLE = "UNAVAILABLE"  # the provider does not serve the pair (reason); not retried


def text_hash(text: str, fmt: str = "text") -> str:
    """SHA-256 of the format and the exact text: the cache key of a translation."""
    return hashlib.sha256(f"{fmt}\n{text}".encode()).hexdigest()


class Translation(Model):
    """A machine translation of a text into one language by one provider."""

    id = fields.BigIntField(primary_key=True)
    text_hash = fields.CharField(max_length=64, db_index=True)
    fmt = fields.CharField(max_length=8, default="text")
    source = fields.CharField(max_length=8)
    target = fields.CharField(max_length=8)
    provider = fields.CharField(max_length=32)
    route = fields.CharField(max_length=64, default="")
    status = fields.CharEnumField(TranslationStatus, max_length=16, default=TranslationStatus.PENDING)
    reason = fields.TextField(null=True)
    source_text = fields.TextField()
    translated_text = fields.TextField(null=True)
    attempts = fields.IntField(default=0)
    attempted_at = fields.DatetimeField(null=True)
    next_attempt_at = fields.DatetimeField(null=True, db_index=True)
    external_id = fields.CharField(max_length=64, null=True)
    callback_digest = fields.CharField(max_length=64, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "translation"
        unique_together = (("text_hash", "source", "target", "provider"),)

    def __str__(self) -> str:
        return f"{self.source}→{self.target} by {self.provider}: {self.status}"
