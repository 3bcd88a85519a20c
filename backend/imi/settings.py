"""Configuration, read once from `IMI_*` environment variables (documented in the README)."""

import os
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class Environment(StrEnum):
    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def _list(name: str, default: str = "") -> tuple[str, ...]:
    return tuple(part.strip() for part in os.environ.get(name, default).split(",") if part.strip())


@dataclass(frozen=True)
class Settings:
    environment: Environment = Environment.PRODUCTION
    database_url: str = ""
    var_dir: Path = ROOT / "var"
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    cookie_secure: bool = True
    session_hours: int = 10
    attachment_max_bytes: int = 10 * 1024 * 1024
    attachment_dir: Path = ROOT / "var" / "attachments"
    frontend_dir: Path = ROOT / "frontend" / "dist"
    redis_url: str | None = None
    meili_url: str | None = None
    meili_key: str | None = None
    search_dir: Path | None = None
    """The embedded search index (when no Meilisearch URL is set); None: `<var_dir>/search`."""
    translators: tuple[str, ...] = field(default_factory=tuple)
    max_page_size: int = 100
    deadline_interval_seconds: float = 300.0
    """How often a server process applies passed deadlines (0: never; `imi deadlines run` does it on demand)."""
    ws_init_timeout_seconds: float = 5.0
    allowed_origins: tuple[str, ...] = ("http://127.0.0.1:8000", "http://localhost:8000")
    trusted_proxies: tuple[str, ...] = ()
    """Addresses or networks of reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed: the
    client address of rate limits and the audit log is then the one the proxy saw (empty: the peer's)."""
    # Abuse limits (README, "Limits"): requests per minute per client address and per token or session (0: off),
    # failed sign-ins per address in 15 minutes, body sizes, the cost budget of one GraphQL operation.
    rate_limit_address: int = 3000
    rate_limit_credential: int = 1200
    sign_in_failures_address: int = 30
    max_body_bytes: int = 1024 * 1024
    max_query_cost: int = 25_000
    database_timeout_seconds: float = 15.0
    """Longest wait for one database statement (asyncpg command timeout; SQLite busy timeout)."""

    def __post_init__(self) -> None:
        if self.search_dir is None:
            object.__setattr__(self, "search_dir", self.var_dir / "search")

    @property
    def development(self) -> bool:
        return self.environment is Environment.DEVELOPMENT

    @property
    def sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @classmethod
    def from_env(cls) -> "Settings":
        """Build settings from the process environment."""
        env = Environment(os.environ.get("IMI_ENV", Environment.PRODUCTION))
        var_dir = Path(os.environ.get("IMI_VAR_DIR", ROOT / "var")).resolve()
        return cls(
            environment=env,
            database_url=os.environ.get("IMI_DATABASE_URL") or f"sqlite://{var_dir / 'imi.sqlite3'}",
            var_dir=var_dir,
            host=os.environ.get("IMI_HOST", "127.0.0.1"),
            port=_int("IMI_PORT", 8000),
            workers=_int("IMI_WORKERS", 1),
            cookie_secure=_flag("IMI_COOKIE_SECURE", True),
            session_hours=_int("IMI_SESSION_HOURS", 10),
            attachment_max_bytes=_int("IMI_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024),
            attachment_dir=Path(os.environ.get("IMI_ATTACHMENT_DIR", var_dir / "attachments")),
            frontend_dir=Path(os.environ.get("IMI_FRONTEND_DIR", ROOT / "frontend" / "dist")),
            redis_url=os.environ.get("IMI_REDIS_URL") or None,
            meili_url=os.environ.get("IMI_MEILI_URL") or None,
            meili_key=os.environ.get("IMI_MEILI_KEY") or None,
            search_dir=Path(os.environ.get("IMI_SEARCH_DIR") or var_dir / "search"),
            translators=_list("IMI_TRANSLATORS"),
            max_page_size=_int("IMI_MAX_PAGE_SIZE", 100),
            deadline_interval_seconds=float(os.environ.get("IMI_DEADLINE_INTERVAL", "300")),
            ws_init_timeout_seconds=float(os.environ.get("IMI_WS_INIT_TIMEOUT", "5")),
            allowed_origins=_list("IMI_ALLOWED_ORIGINS", "http://127.0.0.1:8000,http://localhost:8000"),
            trusted_proxies=_list("IMI_TRUSTED_PROXIES"),
            rate_limit_address=_int("IMI_RATE_LIMIT_ADDRESS", 3000),
            rate_limit_credential=_int("IMI_RATE_LIMIT_TOKEN", 1200),
            sign_in_failures_address=_int("IMI_SIGN_IN_FAILURES_ADDRESS", 30),
            max_body_bytes=_int("IMI_MAX_BODY_BYTES", 1024 * 1024),
            max_query_cost=_int("IMI_MAX_QUERY_COST", 25_000),
            database_timeout_seconds=float(os.environ.get("IMI_DATABASE_TIMEOUT") or 15),
        )
