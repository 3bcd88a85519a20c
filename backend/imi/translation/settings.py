"""Translation settings, read from `IMI_*` environment variables (see the README's configuration section)."""

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_ETRANSLATION_URL = "https://webgate.ec.europa.eu/etranslation/si/translate"


def _list(value: str | None, default: tuple[str, ...]) -> tuple[str, ...]:
    if value is None or not value.strip():
        return default
    return tuple(part.strip().lower() for part in value.split(",") if part.strip())


def _flag(value: str | None, default: bool) -> bool:
    if value is None or not value.strip():
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class ApertiumSettings:
    url: str | None = None
    supervise: bool = True
    python: str = "/usr/bin/python3"
    port: int = 0
    data_dir: Path = Path("/usr/share/apertium")
    pivots: tuple[str, ...] = ("es", "en")
    max_pivots: int = 1
    timeout: float = 10.0

    @property
    def modes_dir(self) -> Path:
        return self.data_dir / "modes"


@dataclass(frozen=True)
class DeeplSettings:
    auth_key: str | None = None
    url: str | None = None
    timeout: float = 15.0

    @property
    def endpoint(self) -> str:
        """The configured URL, else the free API for `:fx` keys and the pro API for others."""
        if self.url:
            return self.url.rstrip("/")
        free = (self.auth_key or "").endswith(":fx")
        return "https://api-free.deepl.com" if free else "https://api.deepl.com"


@dataclass(frozen=True)
class ETranslationSettings:
    url: str = DEFAULT_ETRANSLATION_URL
    user: str | None = None
    password: str | None = None
    public_url: str | None = None
    domain: str = "GEN"
    timeout: float = 15.0
    callback_timeout: float = 900.0


@dataclass(frozen=True)
class TranslationSettings:
    translators: tuple[str, ...] = ("apertium",)
    max_chars: int = 10_000
    wait: float = 3.0
    max_attempts: int = 6
    retry_base: float = 30.0
    retry_max: float = 6 * 3600.0
    poll: float = 5.0
    secret: str | None = None
    detector: str = "high"
    apertium: ApertiumSettings = field(default_factory=ApertiumSettings)
    deepl: DeeplSettings = field(default_factory=DeeplSettings)
    etranslation: ETranslationSettings = field(default_factory=ETranslationSettings)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "TranslationSettings":
        """Read the settings from the environment (or from the mapping given)."""
        env = os.environ if environ is None else environ

        def get(name: str, default: str | None = None) -> str | None:
            value = env.get(name)
            return value if value not in (None, "") else default

        return cls(
            translators=tuple(t for t in _list(get("IMI_TRANSLATORS"), ("apertium",)) if t != "none"),
            max_chars=int(get("IMI_TRANSLATION_MAX_CHARS", "10000") or 10000),
            wait=float(get("IMI_TRANSLATION_WAIT", "3") or 3),
            max_attempts=int(get("IMI_TRANSLATION_MAX_ATTEMPTS", "6") or 6),
            retry_base=float(get("IMI_TRANSLATION_RETRY_BASE", "30") or 30),
            retry_max=float(get("IMI_TRANSLATION_RETRY_MAX", "21600") or 21600),
            poll=float(get("IMI_TRANSLATION_POLL", "5") or 5),
            secret=get("IMI_TRANSLATION_SECRET"),
            detector=(get("IMI_LANGUAGE_DETECTOR", "high") or "high").lower(),
            apertium=ApertiumSettings(
                url=get("IMI_APERTIUM_URL"),
                supervise=_flag(get("IMI_APERTIUM_APY"), True),
                python=get("IMI_APERTIUM_PYTHON", "/usr/bin/python3") or "/usr/bin/python3",
                port=int(get("IMI_APERTIUM_PORT", "0") or 0),
                data_dir=Path(get("IMI_APERTIUM_DATA_DIR", "/usr/share/apertium") or "/usr/share/apertium"),
                pivots=_list(get("IMI_APERTIUM_PIVOTS"), ("es", "en")),
                max_pivots=int(get("IMI_APERTIUM_MAX_PIVOTS", "1") or 1),
                timeout=float(get("IMI_APERTIUM_TIMEOUT", "10") or 10),
            ),
            deepl=DeeplSettings(
                auth_key=get("IMI_DEEPL_AUTH_KEY"),
                url=get("IMI_DEEPL_URL"),
                timeout=float(get("IMI_DEEPL_TIMEOUT", "15") or 15),
            ),
            etranslation=ETranslationSettings(
                url=get("IMI_ETRANSLATION_URL", DEFAULT_ETRANSLATION_URL) or DEFAULT_ETRANSLATION_URL,
                user=get("IMI_ETRANSLATION_USER"),
                password=get("IMI_ETRANSLATION_PASSWORD"),
                public_url=get("IMI_PUBLIC_URL"),
                domain=get("IMI_ETRANSLATION_DOMAIN", "GEN") or "GEN",
                timeout=float(get("IMI_ETRANSLATION_TIMEOUT", "15") or 15),
                callback_timeout=float(get("IMI_ETRANSLATION_CALLBACK_TIMEOUT", "900") or 900),
            ),
        )
