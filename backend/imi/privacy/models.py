"""The audit log: one row per read of personal data and per change, chained by hashes, never changed.

The rows refer to users, authorities and exchanges by plain identifiers (no foreign keys): an audit entry
outlives what it names, and nothing may cascade into it. Database triggers refuse every UPDATE and DELETE
(`privacy.guard`); each entry holds the hash of the previous one and of its own content (`privacy.chain`).
"""

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class AuditAction(StrEnum):
    READ_PERSONAL_DATA = "READ_PERSONAL_DATA"  # personal data, personal form answers or the file list shown
    DOWNLOAD_ATTACHMENT = "DOWNLOAD_ATTACHMENT"
    CHANGE = "CHANGE"  # an action on an exchange (its timeline event is `event_id`)
    BLOCK = "BLOCK"  # the retention job blocked an exchange's personal data
    DELETE = "DELETE"  # the retention job deleted it
    EXPORT = "EXPORT"  # an exchange's data exported for a data subject's access request


class ActorKind(StrEnum):
    USER = "USER"  # a signed-in official
    TOKEN = "TOKEN"  # an API token (of a user or a service account)
    SYSTEM = "SYSTEM"  # the retention job
    OPERATOR = "OPERATOR"  # the command line, run by whoever operates the installation


class AuditEntry(Model):
    """Who did what to which exchange, when and from where. `id` is the entry's place in the hash chain."""

    id = fields.BigIntField(primary_key=True, generated=False)
    at = fields.DatetimeField()
    action = fields.CharEnumField(AuditAction, max_length=24)
    actor = fields.CharEnumField(ActorKind, max_length=8)
    user_id = fields.IntField(null=True)
    authority_id = fields.IntField(null=True)  # the acting authority; for the job, the exchange's owner
    country = fields.CharField(max_length=2, null=True)  # that authority's country
    service_account_id = fields.IntField(null=True)
    token_prefix = fields.CharField(max_length=32, null=True)  # the public part of an API token
    exchange_id = fields.IntField(null=True)
    exchange_reference = fields.CharField(max_length=40, null=True)
    event_id = fields.BigIntField(null=True)  # the timeline event of a change
    attachment_id = fields.IntField(null=True)
    personal_fields: list[str] = fields.JSONField(default=list)  # the personal-data fields or form items read
    detail: dict[str, object] = fields.JSONField(default=dict)  # never personal data
    client_address = fields.CharField(max_length=64, null=True)
    user_agent = fields.CharField(max_length=300, null=True)
    request_id = fields.CharField(max_length=64, null=True)
    previous_hash = fields.CharField(max_length=64)
    hash = fields.CharField(max_length=64)

    class Meta:
        table = "audit_entry"
        indexes = (("authority_id", "id"), ("exchange_id", "id"), ("country", "id"), ("at",))


class AuditHead(Model):
    """The end of the chain (one row): appending moves it forward in the appending transaction, which also
    serialises appenders. A head ahead of the last entry shows entries removed from the end."""

    id = fields.SmallIntField(primary_key=True, generated=False)
    seq = fields.BigIntField()
    hash = fields.CharField(max_length=64)

    class Meta:
        table = "audit_head"
