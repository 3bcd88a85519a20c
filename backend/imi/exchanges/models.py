"""Exchanges, their timeline events (also the outbox), messages and attachments."""

from tortoise import fields
from tortoise.models import Model


class Exchange(Model):
    """One exchange between authorities. Personal data lives in `personal_data` only, so it can be blocked."""

    id = fields.IntField(primary_key=True)
    reference = fields.CharField(max_length=40, unique=True)
    kind = fields.CharField(max_length=16)
    procedure = fields.CharField(max_length=60)
    legal_area = fields.CharField(max_length=40)
    state = fields.CharField(max_length=40)  # a state of the procedure's workflow
    version = fields.IntField(default=1)
    requesting_authority: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "imi.Authority", related_name="requests_sent", on_delete=fields.RESTRICT
    )
    requesting_authority_id: int
    responding_authority: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "imi.Authority", related_name="requests_received", null=True, on_delete=fields.RESTRICT
    )
    responding_authority_id: int | None
    referral_coordinator: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "imi.Authority", related_name="referrals", null=True, on_delete=fields.RESTRICT
    )
    referral_coordinator_id: int | None
    requesting_country = fields.CharField(max_length=2)
    responding_country = fields.CharField(max_length=2, null=True)
    created_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "imi.User", related_name="exchanges_created", null=True, on_delete=fields.SET_NULL
    )
    subject = fields.CharField(max_length=300)
    subject_language = fields.CharField(max_length=2)
    questions: list[dict] = fields.JSONField(default=list)
    answers: dict[str, object] = fields.JSONField(default=dict)
    personal_data: dict[str, str] | None = fields.JSONField(null=True)
    personal_data_blocked_at = fields.DatetimeField(null=True)
    personal_data_deleted_at = fields.DatetimeField(null=True)
    requested_reply_date = fields.DateField(null=True)
    proposed_reply_date = fields.DateField(null=True)
    agreed_reply_date = fields.DateField(null=True)
    round = fields.IntField(default=0)
    # Alerts: the date of the decision behind it and the end of the restriction (their deadlines count from them).
    decision_date = fields.DateField(null=True)
    period_end = fields.DateField(null=True)
    # Broadcasts: the countries the sender selected (empty when the procedure reaches every country).
    countries: list[str] = fields.JSONField(default=list)
    related_exchange: fields.ForeignKeyNullableRelation["Exchange"] = fields.ForeignKeyField(
        "imi.Exchange", related_name="related", null=True, on_delete=fields.SET_NULL
    )
    related_exchange_id: int | None
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()
    sent_at = fields.DatetimeField(null=True)
    accepted_at = fields.DatetimeField(null=True)
    answered_at = fields.DatetimeField(null=True)
    closed_at = fields.DatetimeField(null=True)
    withdrawn_at = fields.DatetimeField(null=True)
    survey_timeliness = fields.SmallIntField(null=True)
    survey_efforts = fields.SmallIntField(null=True)

    class Meta:
        table = "exchange"
        indexes = (
            ("responding_authority_id", "state", "updated_at"),
            ("requesting_authority_id", "state", "updated_at"),
            ("referral_coordinator_id", "state"),
            ("responding_authority_id", "state", "agreed_reply_date"),
            ("kind", "sent_at"),
        )


class ExchangeEvent(Model):
    """A step on an exchange's timeline, written in the same transaction as the change it records.

    `position` is the event-stream cursor, assigned in commit order by the dispatcher (the outbox).
    """

    id = fields.BigIntField(primary_key=True)
    exchange: fields.ForeignKeyRelation[Exchange] = fields.ForeignKeyField(
        "imi.Exchange", related_name="events", on_delete=fields.CASCADE
    )
    exchange_id: int
    action = fields.CharField(max_length=40)
    from_state = fields.CharField(max_length=40, null=True)
    to_state = fields.CharField(max_length=40)
    actor_user: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "imi.User", related_name="events", null=True, on_delete=fields.SET_NULL
    )
    actor_user_id: int | None
    actor_authority: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "imi.Authority", related_name="events", null=True, on_delete=fields.SET_NULL
    )
    actor_authority_id: int | None
    at = fields.DatetimeField()
    data: dict[str, object] = fields.JSONField(default=dict)
    position = fields.BigIntField(null=True, unique=True)

    class Meta:
        table = "exchange_event"
        indexes = (("exchange_id", "id"),)


class Message(Model):
    """Free text added to an exchange, kept in its original language."""

    id = fields.IntField(primary_key=True)
    exchange: fields.ForeignKeyRelation[Exchange] = fields.ForeignKeyField(
        "imi.Exchange", related_name="messages", on_delete=fields.CASCADE
    )
    exchange_id: int
    author_user: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "imi.User", related_name="messages", null=True, on_delete=fields.SET_NULL
    )
    author_user_id: int | None
    author_authority: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "imi.Authority", related_name="messages", on_delete=fields.RESTRICT
    )
    author_authority_id: int
    text = fields.TextField()
    language = fields.CharField(max_length=2)  # the language recorded for the original
    declared_language = fields.CharField(max_length=2, null=True)  # the author's interface language
    language_flagged = fields.BooleanField(default=False)  # the text confidently is not in the declared one
    created_at = fields.DatetimeField()

    class Meta:
        table = "message"
        indexes = (("exchange_id", "id"),)


class Attachment(Model):
    """A file on an exchange. Its bytes are stored outside the database, addressed by their SHA-256."""

    id = fields.IntField(primary_key=True)
    exchange: fields.ForeignKeyRelation[Exchange] = fields.ForeignKeyField(
        "imi.Exchange", related_name="attachments", on_delete=fields.CASCADE
    )
    exchange_id: int
    uploaded_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "imi.User", related_name="attachments", null=True, on_delete=fields.SET_NULL
    )
    author_authority: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "imi.Authority", related_name="attachments", on_delete=fields.RESTRICT
    )
    author_authority_id: int
    filename = fields.CharField(max_length=255)
    content_type = fields.CharField(max_length=100)
    size = fields.IntField()
    sha256 = fields.CharField(max_length=64)
    created_at = fields.DatetimeField()
    deleted_at = fields.DatetimeField(null=True)

    class Meta:
        table = "attachment"
        indexes = (("exchange_id", "id"),)
