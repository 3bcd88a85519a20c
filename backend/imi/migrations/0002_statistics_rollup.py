from tortoise import migrations
from tortoise.migrations import operations as ops


async def install(apps, schema_editor) -> None:
    from imi.statistics import rollup

    await rollup.install(schema_editor.client)


async def uninstall(apps, schema_editor) -> None:
    from imi.statistics import rollup

    await rollup.uninstall(schema_editor.client)


class Migration(migrations.Migration):
    """The scoreboard rollup: a table kept exact by triggers on `exchange` (SQLite and PostgreSQL variants)."""

    dependencies = [("imi", "0001_initial")]

    operations = [
        ops.RunPython(install, uninstall),
    ]
