"""The committed schema.graphql is exactly the schema the code serves (the web app is typed from it)."""

from pathlib import Path

from imi.graphql.schema import schema


def test_schema_file_matches_the_code(repo_root: Path) -> None:
    committed = (repo_root / "schema.graphql").read_text(encoding="utf-8")
    assert committed == schema.as_str() + "\n", "schema.graphql is stale: run `make schema` and commit it"
