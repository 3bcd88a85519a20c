"""What the generic engine keeps beside an exchange: the authorities playing a party of many (e.g. the
supervisory authorities concerned), and the clock of the current state's deadlines."""

from tortoise import fields
from tortoise.models import Model


class CaseParty(Model):
    """One authority playing a party whose workflow names it among participants, with its own form answers."""

    id = fields.IntField(primary_key=True)
    exchange: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "imi.Exchange", related_name="case_parties", on_delete=fields.CASCADE
    )
    exchange_id: int
    authority: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "imi.Authority", related_name="case_parts", on_delete=fields.RESTRICT
    )
    authority_id: int
    party = fields.CharField(max_length=40)
    country = fields.CharField(max_length=2)
    added_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "imi.Authority", related_name="case_parts_added", null=True, on_delete=fields.SET_NULL
    )
    added_at = fields.DatetimeField()
    answers: dict[str, object] = fields.JSONField(default=dict)
    answered_at = fields.DatetimeField(null=True)

    class Meta:
        table = "case_party"
        unique_together = (("exchange", "authority", "party"),)
        indexes = (("authority_id", "party", "exchange_id"),)


class StateClock(Model):
    """The deadlines of an exchange's current state: when it was entered, which deadlines were applied, when the
    next one passes; and whether one already passed (overdue) or was escalated (to which coordinator)."""

    exchange: fields.OneToOneRelation = fields.OneToOneField(
        "imi.Exchange", related_name="clock", on_delete=fields.CASCADE, primary_key=True
    )
    exchange_id: int
    state = fields.CharField(max_length=40)
    entered_at = fields.DatetimeField()
    due_at = fields.DatetimeField(null=True)
    done: list[str] = fields.JSONField(default=list)
    overdue_since = fields.DatetimeField(null=True)
    escalated_to: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "imi.Authority", related_name="escalations", null=True, on_delete=fields.SET_NULL
    )
    escalated_to_id: int | None
    revision = fields.IntField(default=0)

    class Meta:
        table = "state_clock"
        indexes = (("due_at",), ("escalated_to_id",))
