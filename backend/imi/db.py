"""Database set-up: the Tortoise configuration, migrations and transactions."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from tortoise import Tortoise, connections
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

MODEL_MODULES: tuple[str, ...] = (
    "imi.authorities.models",
    "imi.accounts.models",
    "imi.exchanges.models",
    "imi.broadcasts.models",
    "imi.translation.models",
    "imi.procedures.models",
    "imi.repositories.models",
    "imi.privacy.models",
)
APP = "imi"


DEFAULT_TIMEOUT = 15.0
"""Seconds a statement may wait for the database (settings: IMI_DATABASE_TIMEOUT)."""


def connection_config(database_url: str, timeout: float = DEFAULT_TIMEOUT) -> dict[str, Any]:
    """The connection of a database URL with its timeouts, unless the URL sets them: on PostgreSQL, asyncpg's
    connect timeout and command timeout; on SQLite, how long a statement waits for a lock (busy timeout). The
    folder of a SQLite file is created here: SQLite creates its file but not the folder, and a connection to a
    file it cannot create never answers."""
    from tortoise.backends.base.config_generator import expand_db_url

    config = expand_db_url(database_url)
    credentials = config["credentials"]
    if database_url.startswith("sqlite"):
        credentials.setdefault("busy_timeout", int(timeout * 1000))
        if credentials["file_path"] != ":memory:":
            Path(credentials["file_path"]).parent.mkdir(parents=True, exist_ok=True)
    else:
        credentials.setdefault("timeout", max(1, min(int(timeout), 10)))
        credentials.setdefault("command_timeout", timeout)
    return config


def tortoise_config(database_url: str, timeout: float = DEFAULT_TIMEOUT) -> dict[str, Any]:
    """The Tortoise configuration for one database URL (`sqlite://path` or `postgres://...`)."""
    return {
        "connections": {"default": connection_config(database_url, timeout)},
        "apps": {
            APP: {
                "models": list(MODEL_MODULES),
                "default_connection": "default",
                "migrations": "imi.migrations",
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


async def init(database_url: str, *, create_schema: bool = False) -> None:
    """Open the connections (tests and tools; the web app uses `RegisterTortoise`)."""
    await Tortoise.init(config=tortoise_config(database_url), _enable_global_fallback=True)
    if create_schema:
        await Tortoise.generate_schemas(safe=True)


async def close() -> None:
    await Tortoise.close_connections()


async def upgrade(database_url: str, progress: Any = None) -> None:
    """Apply every committed migration not yet applied, then close the connections the migrations opened (an open
    SQLite connection's thread would keep the process from exiting)."""
    from tortoise.migrations.api import migrate

    try:
        await migrate(config=tortoise_config(database_url), progress=progress)
    finally:
        await Tortoise.close_connections()


def connection() -> BaseDBAsyncClient:
    return connections.get("default")


@asynccontextmanager
async def transaction() -> AsyncIterator[BaseDBAsyncClient]:
    """One atomic unit of work: a service's changes and their events commit together."""
    async with in_transaction("default") as conn:
        yield conn


# For Tortoise's own command line (`tortoise -c imi.db.TORTOISE_ORM makemigrations`).
TORTOISE_ORM = tortoise_config("sqlite://:memory:")
