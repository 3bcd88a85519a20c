"""Repository entries and their history."""

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class EntryStatus(StrEnum):
    CURRENT = "CURRENT"
    WITHDRAWN = "WITHDRAWN"


class RepositoryEntry(Model):
    """One register entry of one country: the current content of the notifications that feed it."""

    id = fields.IntField(primary_key=True)
    repository = fields.CharField(max_length=60)
    country = fields.CharField(max_length=2)
    key = fields.CharField(max_length=300)  # the identifying items' values, normalised
    values: dict[str, object] = fields.JSONField(default=dict)
    status = fields.CharEnumField(EntryStatus, max_length=12, default=EntryStatus.CURRENT)
    version = fields.IntField(default=1)
    search_text = fields.TextField(default="")  # values and option labels in every language, lower case
    authority: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "imi.Authority", related_name="repository_entries", on_delete=fields.RESTRICT
    )
    authority_id: int
    exchange: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "imi.Exchange", related_name="repository_entries", null=True, on_delete=fields.SET_NULL
    )
    exchange_id: int | None
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    class Meta:
        table = "repository_entry"
        unique_together = (("repository", "country", "key"),)
        indexes = (("repository", "updated_at"),)


class RepositoryEntryVersion(Model):
    """One version of an entry: what it said, since when, and the notification that said it."""

    id = fields.IntField(primary_key=True)
    entry: fields.ForeignKeyRelation[RepositoryEntry] = fields.ForeignKeyField(
        "imi.RepositoryEntry", related_name="versions", on_delete=fields.CASCADE
    )
    entry_id: int
    version = fields.IntField()
    values: dict[str, object] = fields.JSONField(default=dict)
    status = fields.CharEnumField(EntryStatus, max_length=12)
    exchange: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "imi.Exchange", related_name="repository_versions", null=True, on_delete=fields.SET_NULL
    )
    exchange_id: int | None
    authority: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "imi.Authority", related_name="repository_versions", on_delete=fields.RESTRICT
    )
    authority_id: int
    at = fields.DatetimeField()

    class Meta:
        table = "repository_entry_version"
        unique_together = (("entry", "version"),)
