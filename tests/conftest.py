"""Shared fixtures: a real database (SQLite, and PostgreSQL when it answers), a controlled clock, the app."""

import os
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from imi import db
from imi.clock import FixedClock
from imi.settings import Environment, Settings

# The database under test: a fresh SQLite file by default; `make test` runs the database tests a second time
# with IMI_TEST_DATABASE_URL pointing at PostgreSQL (Tortoise binds its models to one backend per process).
DATABASE_URL = os.environ.get("IMI_TEST_DATABASE_URL", "sqlite")
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday


def _asyncpg_dsn(url: str) -> str:
    return url.replace("postgres://", "postgresql://", 1)


async def _postgres_available(url: str) -> str | None:
    """None if PostgreSQL answers, else the reason it does not."""
    import asyncpg

    try:
        conn = await asyncpg.connect(_asyncpg_dsn(url), timeout=3)
        await conn.close()
    except Exception as error:  # any failure to connect means: skip, saying why
        return f"PostgreSQL at {url} does not answer ({error.__class__.__name__}: {error})"
    return None


async def _reset_postgres(url: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(_asyncpg_dsn(url))
    try:
        await conn.execute("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;")
    finally:
        await conn.close()


@pytest.fixture(scope="session")
async def database(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[str]:
    """A migrated database for the whole run."""
    if DATABASE_URL.startswith("postgres"):
        reason = await _postgres_available(DATABASE_URL)
        if reason:
            pytest.skip(reason)
        await _reset_postgres(DATABASE_URL)
        url = DATABASE_URL
    else:
        url = f"sqlite://{tmp_path_factory.mktemp('db') / 'imi.sqlite3'}"
    await db.upgrade(url)
    await db.init(url)
    yield url
    await db.close()


async def _truncate(url: str) -> None:
    from tortoise import Tortoise

    from imi.privacy import guard

    tables = [model._meta.db_table for model in Tortoise.apps["imi"].values()]
    conn = db.connection()
    await guard.uninstall(conn)  # the audit log refuses to be emptied, except here
    if url.startswith("postgres"):
        quoted = ", ".join(f'"{t}"' for t in tables)
        await conn.execute_script(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE;")
    else:
        await conn.execute_script("PRAGMA foreign_keys=OFF;" + "".join(f"DELETE FROM {t};" for t in tables)
                                  + "DELETE FROM sqlite_sequence;PRAGMA foreign_keys=ON;")
    await guard.install(conn)


@pytest.fixture
async def clean_db(database: str) -> AsyncIterator[str]:
    """An empty database for one test."""
    await _truncate(database)
    yield database


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(environment=Environment.TEST, database_url="", var_dir=tmp_path, cookie_secure=False,
                    attachment_dir=tmp_path / "attachments", frontend_dir=tmp_path / "no-frontend",
                    attachment_max_bytes=200_000)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests that use the database, so they can be run again on another backend."""
    for item in items:
        if "database" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.db)


@pytest.fixture(scope="session")
def repo_root() -> Iterator[Path]:
    yield Path(__file__).resolve().parents[1]
