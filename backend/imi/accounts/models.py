"""Users of an authority, their rights, sign-in sessions, invitations and API tokens."""

from tortoise import fields
from tortoise.models import Model

from imi.accounts.profiles import Profile


class User(Model):
    id = fields.IntField(primary_key=True)
    email = fields.CharField(max_length=254, unique=True)
    full_name = fields.CharField(max_length=200)
    password_hash = fields.CharField(max_length=200, null=True)
    authority: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "imi.Authority", related_name="users", on_delete=fields.RESTRICT
    )
    authority_id: int
    language = fields.CharField(max_length=2, default="en")
    is_active = fields.BooleanField(default=True)
    failed_sign_ins = fields.IntField(default=0)
    locked_until = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "account_user"


class UserRight(Model):
    """A right is (user, authority, legal area, profile). A null legal area means every area of the authority."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "imi.User", related_name="rights", on_delete=fields.CASCADE
    )
    user_id: int
    authority: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "imi.Authority", related_name="user_rights", on_delete=fields.CASCADE
    )
    authority_id: int
    legal_area = fields.CharField(max_length=40, null=True)
    profile = fields.CharEnumField(Profile, max_length=32)

    class Meta:
        table = "user_right"
        unique_together = (("user", "legal_area", "profile"),)


class Session(Model):
    """A signed-in browser session. Only the hash of its secret is stored."""

    id = fields.IntField(primary_key=True)
    token_hash = fields.CharField(max_length=64, unique=True)
    csrf_token = fields.CharField(max_length=64)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "imi.User", related_name="sessions", on_delete=fields.CASCADE
    )
    user_id: int
    created_at = fields.DatetimeField()
    expires_at = fields.DatetimeField()

    class Meta:
        table = "session"


class ServiceAccount(Model):
    """A statistics or partner-tool account that holds API tokens but cannot sign in."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=200, unique=True)
    authority: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "imi.Authority", related_name="service_accounts", null=True, on_delete=fields.CASCADE
    )
    authority_id: int | None
    created_at = fields.DatetimeField()

    class Meta:
        table = "service_account"


class ApiToken(Model):
    """A bearer token `imi_<prefix>_<secret>`: the prefix finds it, the hash of the secret proves it."""

    id = fields.IntField(primary_key=True)
    prefix = fields.CharField(max_length=16, unique=True)
    secret_hash = fields.CharField(max_length=64)
    name = fields.CharField(max_length=200)
    user: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "imi.User", related_name="tokens", null=True, on_delete=fields.CASCADE
    )
    user_id: int | None
    service_account: fields.ForeignKeyNullableRelation[ServiceAccount] = fields.ForeignKeyField(
        "imi.ServiceAccount", related_name="tokens", null=True, on_delete=fields.CASCADE
    )
    service_account_id: int | None
    scopes: list[str] = fields.JSONField(default=list)
    created_at = fields.DatetimeField()
    expires_at = fields.DatetimeField()
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "api_token"


class Invitation(Model):
    """An invitation to set a password: for the first administrator of a new authority, or a new user."""

    id = fields.IntField(primary_key=True)
    token_hash = fields.CharField(max_length=64, unique=True)
    email = fields.CharField(max_length=254)
    authority: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "imi.Authority", related_name="invitations", on_delete=fields.CASCADE
    )
    authority_id: int
    invited_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "imi.User", related_name="invitations_sent", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField()
    expires_at = fields.DatetimeField()
    accepted_at = fields.DatetimeField(null=True)

    class Meta:
        table = "invitation"
