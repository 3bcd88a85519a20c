from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from imi.privacy.models import ActorKind, AuditAction
from json import dumps, loads
from tortoise import fields
from tortoise.indexes import Index


async def install_guard(apps, schema_editor) -> None:
    from imi.privacy import chain, guard

    conn = schema_editor.client
    await conn.execute_script(f"INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '{chain.GENESIS}')")
    await guard.install(conn)


async def uninstall_guard(apps, schema_editor) -> None:
    from imi.privacy import guard

    await guard.uninstall(schema_editor.client)


class Migration(migrations.Migration):
    """The audit log: its entries and the head of their hash chain, with the triggers that refuse to change them
    (SQLite and PostgreSQL variants)."""

    dependencies = [('imi', '0003_statistics_usage_rollup')]

    initial = False

    operations = [
        ops.CreateModel(
            name='AuditEntry',
            fields=[
                ('id', fields.BigIntField(generated=False, primary_key=True, unique=True, db_index=True)),
                ('at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('action', fields.CharEnumField(description='READ_PERSONAL_DATA: READ_PERSONAL_DATA\nDOWNLOAD_ATTACHMENT: DOWNLOAD_ATTACHMENT\nCHANGE: CHANGE\nBLOCK: BLOCK\nDELETE: DELETE\nEXPORT: EXPORT', enum_type=AuditAction, max_length=24)),
                ('actor', fields.CharEnumField(description='USER: USER\nTOKEN: TOKEN\nSYSTEM: SYSTEM\nOPERATOR: OPERATOR', enum_type=ActorKind, max_length=8)),
                ('user_id', fields.IntField(null=True)),
                ('authority_id', fields.IntField(null=True)),
                ('country', fields.CharField(null=True, max_length=2)),
                ('service_account_id', fields.IntField(null=True)),
                ('token_prefix', fields.CharField(null=True, max_length=32)),
                ('exchange_id', fields.IntField(null=True)),
                ('exchange_reference', fields.CharField(null=True, max_length=40)),
                ('event_id', fields.BigIntField(null=True)),
                ('attachment_id', fields.IntField(null=True)),
                ('personal_fields', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('detail', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('client_address', fields.CharField(null=True, max_length=64)),
                ('user_agent', fields.CharField(null=True, max_length=300)),
                ('request_id', fields.CharField(null=True, max_length=64)),
                ('previous_hash', fields.CharField(max_length=64)),
                ('hash', fields.CharField(max_length=64)),
            ],
            options={'table': 'audit_entry', 'app': 'imi', 'indexes': [Index(fields=['authority_id', 'id']), Index(fields=['exchange_id', 'id']), Index(fields=['country', 'id']), Index(fields=['at'])], 'pk_attr': 'id', 'table_description': "Who did what to which exchange, when and from where. `id` is the entry's place in the hash chain."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='AuditHead',
            fields=[
                ('id', fields.SmallIntField(generated=False, primary_key=True, unique=True, db_index=True)),
                ('seq', fields.BigIntField()),
                ('hash', fields.CharField(max_length=64)),
            ],
            options={'table': 'audit_head', 'app': 'imi', 'pk_attr': 'id', 'table_description': 'The end of the chain (one row): appending moves it forward in the appending transaction.'},
            bases=['Model'],
        ),
        ops.RunPython(install_guard, uninstall_guard),
    ]
