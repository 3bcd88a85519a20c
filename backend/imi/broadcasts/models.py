"""The authorities an alert or notification involves besides its sender, and what each has done with it."""

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class Role(StrEnum):
    SENDER_COORDINATOR = "SENDER_COORDINATOR"  # validates the sender's alert before it goes out
    RECIPIENT_COORDINATOR = "RECIPIENT_COORDINATOR"  # receives it for a country and allocates or disseminates it
    HANDLER = "HANDLER"  # an authority it was allocated or disseminated to


class Participant(Model):
    """One authority's part in a broadcast, with its allocation and acknowledgement."""

    id = fields.IntField(primary_key=True)
    exchange: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "imi.Exchange", related_name="participants", on_delete=fields.CASCADE
    )
    exchange_id: int
    authority: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "imi.Authority", related_name="participations", on_delete=fields.RESTRICT
    )
    authority_id: int
    country = fields.CharField(max_length=2)
    role = fields.CharEnumField(Role, max_length=24)
    added_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "imi.Authority", related_name="allocations", null=True, on_delete=fields.SET_NULL
    )
    added_at = fields.DatetimeField()
    acknowledged_at = fields.DatetimeField(null=True)
    acknowledged_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "imi.User", related_name="acknowledgements", null=True, on_delete=fields.SET_NULL
    )

    class Meta:
        table = "exchange_participant"
        unique_together = (("exchange", "authority", "role"),)
        indexes = (("authority_id", "role", "exchange_id"),)
