"""Database set-up: the Tortoise configuration, migrations and transactions."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
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
)
APP = "imi"


def tortoise_config(database_url: str) -> dict[str, Any]:
    """The Tortoise configuration for one database URL (`sqlite://path` or `postgres://...`)."""
    return {
        "connections": {"default": database_url},
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
    """Apply every committed migration not yet applied."""
    from tortoise.migrations.api import migrate

    await migrate(config=tortoise_config(database_url), progress=progress)


def connection() -> BaseDBAsyncClient:
    return connections.get("default")


@asynccontextmanager
async def transaction() -> AsyncIterator[BaseDBAsyncClient]:
    """One atomic unit of work: a service's changes and their events commit together."""
    async with in_transaction("default") as conn:
        yield conn


# For Tortoise's own command line (`tortoise -c imi.db.TORTOISE_ORM makemigrations`).
TORTOISE_ORM = tortoise_config("sqlite://:memory:")
