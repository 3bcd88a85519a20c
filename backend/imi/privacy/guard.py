"""Database triggers that keep the audit log unchangeable, on SQLite and PostgreSQL: no entry may be updated or
deleted (nor the table truncated), and the chain's head may only move forward and never be removed.

They stop the application and anyone using its database account; whoever can drop a trigger can still tamper,
and the hash chain (`imi privacy verify-audit`) then shows it.
"""

from tortoise.backends.base.client import BaseDBAsyncClient

REFUSED = "the audit log cannot be changed"
ENTRY, HEAD = "audit_entry", "audit_head"


def _postgres(conn: BaseDBAsyncClient) -> bool:
    return conn.capabilities.dialect == "postgres"


def create_statements(postgres: bool) -> list[str]:
    if postgres:
        return [
            "CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"RAISE EXCEPTION '{REFUSED} (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege'; "
            "END $$",
            f"CREATE TRIGGER {ENTRY}_no_change BEFORE UPDATE OR DELETE ON {ENTRY} FOR EACH ROW "
            "EXECUTE FUNCTION audit_refuse_change()",
            f"CREATE TRIGGER {ENTRY}_no_truncate BEFORE TRUNCATE ON {ENTRY} FOR EACH STATEMENT "
            "EXECUTE FUNCTION audit_refuse_change()",
            f"CREATE TRIGGER {HEAD}_forward_only BEFORE UPDATE ON {HEAD} FOR EACH ROW "
            "WHEN (NEW.seq < OLD.seq OR NEW.id <> OLD.id) EXECUTE FUNCTION audit_refuse_change()",
            f"CREATE TRIGGER {HEAD}_no_delete BEFORE DELETE ON {HEAD} FOR EACH ROW "
            "EXECUTE FUNCTION audit_refuse_change()",
            f"CREATE TRIGGER {HEAD}_no_truncate BEFORE TRUNCATE ON {HEAD} FOR EACH STATEMENT "
            "EXECUTE FUNCTION audit_refuse_change()",
        ]
    refuse = f"BEGIN SELECT RAISE(ABORT, '{REFUSED}'); END"
    return [
        f"CREATE TRIGGER {ENTRY}_no_update BEFORE UPDATE ON {ENTRY} {refuse}",
        f"CREATE TRIGGER {ENTRY}_no_delete BEFORE DELETE ON {ENTRY} {refuse}",
        f"CREATE TRIGGER {HEAD}_forward_only BEFORE UPDATE ON {HEAD} WHEN NEW.seq < OLD.seq OR NEW.id <> OLD.id "
        f"{refuse}",
        f"CREATE TRIGGER {HEAD}_no_delete BEFORE DELETE ON {HEAD} {refuse}",
    ]


def drop_statements(postgres: bool) -> list[str]:
    if postgres:
        return [f"DROP TRIGGER IF EXISTS {ENTRY}_no_change ON {ENTRY}",
                f"DROP TRIGGER IF EXISTS {ENTRY}_no_truncate ON {ENTRY}",
                f"DROP TRIGGER IF EXISTS {HEAD}_forward_only ON {HEAD}",
                f"DROP TRIGGER IF EXISTS {HEAD}_no_delete ON {HEAD}",
                f"DROP TRIGGER IF EXISTS {HEAD}_no_truncate ON {HEAD}",
                "DROP FUNCTION IF EXISTS audit_refuse_change()"]
    return [f"DROP TRIGGER IF EXISTS {name}" for name in
            (f"{ENTRY}_no_update", f"{ENTRY}_no_delete", f"{HEAD}_forward_only", f"{HEAD}_no_delete")]


async def install(conn: BaseDBAsyncClient) -> None:
    for statement in create_statements(_postgres(conn)):
        await conn.execute_script(statement)


async def uninstall(conn: BaseDBAsyncClient) -> None:
    """Remove the triggers (migrating down; emptying a test database between tests)."""
    for statement in drop_statements(_postgres(conn)):
        await conn.execute_script(statement)
