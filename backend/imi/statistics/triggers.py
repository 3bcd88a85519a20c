"""Row triggers on `exchange` that keep a summary table exact, in SQLite and PostgreSQL.

Each insert adds the new row's contribution, each delete subtracts the old row's, each update of a watched column
does both, then removes summary rows that nothing counts in any more. A PostgreSQL TRUNCATE empties the table.
"""

from collections.abc import Callable
from dataclasses import dataclass

from imi.statistics.sql import Dialect


@dataclass(frozen=True)
class Summary:
    table: str
    watched: tuple[str, ...]  # the exchange columns a contribution depends on
    scope: Callable[[str], str]  # the condition for row alias `r` to count at all
    apply: Callable[[Dialect, str, str], str]  # (dialect, row alias, '+' or '-'): the upsert of a contribution
    tidy: Callable[[Dialect, str], str]  # (dialect, row alias): delete that row's emptied summary rows


def _sqlite(d: Dialect, s: Summary) -> list[str]:
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in s.watched)
    return [
        f"CREATE TRIGGER {s.table}_insert AFTER INSERT ON exchange WHEN {s.scope('NEW')} "
        f"BEGIN {s.apply(d, 'NEW', '+')}; END",
        f"CREATE TRIGGER {s.table}_update AFTER UPDATE ON exchange WHEN {changed} "
        f"BEGIN {s.apply(d, 'OLD', '-')}; {s.apply(d, 'NEW', '+')}; {s.tidy(d, 'OLD')}; END",
        f"CREATE TRIGGER {s.table}_delete AFTER DELETE ON exchange WHEN {s.scope('OLD')} "
        f"BEGIN {s.apply(d, 'OLD', '-')}; {s.tidy(d, 'OLD')}; END",
    ]


def _postgres(d: Dialect, s: Summary) -> list[str]:
    changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in s.watched)
    apply, clear = f"{s.table}_apply", f"{s.table}_clear"
    return [
        f"CREATE FUNCTION {apply}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN\n"
        f"  IF TG_OP IN ('UPDATE', 'DELETE') THEN {s.apply(d, 'OLD', '-')}; END IF;\n"
        f"  IF TG_OP IN ('INSERT', 'UPDATE') THEN {s.apply(d, 'NEW', '+')}; END IF;\n"
        f"  IF TG_OP IN ('UPDATE', 'DELETE') AND {s.scope('OLD')} THEN {s.tidy(d, 'OLD')}; END IF;\n"
        f"  RETURN NULL;\nEND $$",
        f"CREATE FUNCTION {clear}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN TRUNCATE {s.table}; RETURN NULL; "
        f"END $$",
        f"CREATE TRIGGER {s.table}_insert AFTER INSERT ON exchange FOR EACH ROW EXECUTE FUNCTION {apply}()",
        f"CREATE TRIGGER {s.table}_update AFTER UPDATE ON exchange FOR EACH ROW WHEN ({changed}) "
        f"EXECUTE FUNCTION {apply}()",
        f"CREATE TRIGGER {s.table}_delete AFTER DELETE ON exchange FOR EACH ROW EXECUTE FUNCTION {apply}()",
        f"CREATE TRIGGER {s.table}_truncate AFTER TRUNCATE ON exchange FOR EACH STATEMENT "
        f"EXECUTE FUNCTION {clear}()",
    ]


def create_statements(d: Dialect, summary: Summary) -> list[str]:
    return _postgres(d, summary) if d.postgres else _sqlite(d, summary)


def drop_statements(d: Dialect, summary: Summary) -> list[str]:
    t = summary.table
    if d.postgres:
        return [*(f"DROP TRIGGER IF EXISTS {t}_{e} ON exchange" for e in ("insert", "update", "delete", "truncate")),
                f"DROP FUNCTION IF EXISTS {t}_apply()", f"DROP FUNCTION IF EXISTS {t}_clear()"]
    return [f"DROP TRIGGER IF EXISTS {t}_{e}" for e in ("insert", "update", "delete")]
