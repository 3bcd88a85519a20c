"""Authorities, their coordinator roles and the procedures they are competent for."""

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class Level(StrEnum):
    NATIONAL = "NATIONAL"
    REGIONAL = "REGIONAL"
    LOCAL = "LOCAL"


class AuthorityStatus(StrEnum):
    PENDING = "PENDING"
    ACTIVE = "ACTIVE"
    INACTIVE = "INACTIVE"


class CoordinatorRole(StrEnum):
    NONE = "NONE"
    NATIONAL = "NATIONAL"
    DELEGATED = "DELEGATED"


class Authority(Model):
    """A public authority. Its official name is in its own language and never translated."""

    id = fields.IntField(primary_key=True)
    external_id = fields.CharField(max_length=100, unique=True, null=True)
    country = fields.CharField(max_length=2, db_index=True)
    level = fields.CharEnumField(Level, max_length=16)
    official_name = fields.CharField(max_length=300)
    official_language = fields.CharField(max_length=2)
    informal_names: dict[str, str] = fields.JSONField(default=dict)
    descriptions: dict[str, str] = fields.JSONField(default=dict)
    region = fields.CharField(max_length=200, null=True)
    city = fields.CharField(max_length=200, null=True)
    street = fields.CharField(max_length=300, null=True)
    postcode = fields.CharField(max_length=20, null=True)
    email = fields.CharField(max_length=254, null=True)
    phone = fields.CharField(max_length=40, null=True)
    keyword_ids: list[str] = fields.JSONField(default=list)
    status = fields.CharEnumField(AuthorityStatus, max_length=16, default=AuthorityStatus.PENDING)
    coordinator_role = fields.CharEnumField(CoordinatorRole, max_length=16, default=CoordinatorRole.NONE)
    # Set to the country code for that country's single national coordinator (unique), else null.
    national_coordinator_of = fields.CharField(max_length=2, null=True, unique=True)
    coordinator: fields.ForeignKeyNullableRelation["Authority"] = fields.ForeignKeyField(
        "imi.Authority", related_name="coordinated", null=True, on_delete=fields.RESTRICT
    )
    coordinator_id: int | None
    version = fields.IntField(default=1)
    search_pending = fields.BooleanField(default=True, db_index=True)
    """Changed since last indexed for search: set with every change, cleared by the search indexer."""
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    class Meta:
        table = "authority"
        indexes = (("country", "status"),)

    def __str__(self) -> str:
        return f"{self.official_name} ({self.country})"


class AuthorityProcedure(Model):
    """Access of an authority to one procedure, granted by a coordinator with the procedure's legal area."""

    id = fields.IntField(primary_key=True)
    authority: fields.ForeignKeyRelation[Authority] = fields.ForeignKeyField(
        "imi.Authority", related_name="procedures", on_delete=fields.CASCADE
    )
    authority_id: int
    legal_area = fields.CharField(max_length=40)
    procedure = fields.CharField(max_length=60)
    granted_by: fields.ForeignKeyNullableRelation[Authority] = fields.ForeignKeyField(
        "imi.Authority", related_name="grants_given", null=True, on_delete=fields.SET_NULL
    )
    granted_at = fields.DatetimeField()

    class Meta:
        table = "authority_procedure"
        unique_together = (("authority", "procedure"),)
        indexes = (("procedure", "authority_id"), ("legal_area", "authority_id"))
