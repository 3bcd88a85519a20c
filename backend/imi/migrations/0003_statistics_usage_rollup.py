from tortoise import migrations
from tortoise.migrations import operations as ops


async def install(apps, schema_editor) -> None:
    from imi.statistics import usage_rollup

    await usage_rollup.install(schema_editor.client)


async def uninstall(apps, schema_editor) -> None:
    from imi.statistics import usage_rollup

    await usage_rollup.uninstall(schema_editor.client)


class Migration(migrations.Migration):
    """Usage statistics rollup: sent exchanges per month and keys, kept by triggers on `exchange`."""

    dependencies = [("imi", "0002_statistics_rollup")]

    operations = [
        ops.RunPython(install, uninstall),
    ]
