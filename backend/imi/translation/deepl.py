"""The DeepL provider: REST API v2 (`POST /v2/translate`, `Authorization: DeepL-Auth-Key …`).

Languages are read from `GET /v2/languages` at start (the documented default set when that fails). DeepL
names varieties for some targets: English is sent as `EN-GB` and Portuguese as `PT-PT`. Irish, Croatian,
Icelandic and Maltese are served only when the account's language list includes them.
"""

import logging

import httpx

from imi.reference import LANGUAGE_CODES
from imi.translation.errors import PairUnavailableError, ProviderError
from imi.translation.protocol import Capability, Job, Route, Translated, Unserved
from imi.translation.settings import DeeplSettings

log = logging.getLogger(__name__)

DOCUMENTED = frozenset(
    {"bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "hu"}
    | {"it", "lt", "lv", "nb", "nl", "pl", "pt", "ro", "sk", "sl", "sv"}
)
TARGET_VARIETY = {"en": "EN-GB", "pt": "PT-PT"}
RETRYABLE = {408, 429, 456, 500, 502, 503, 504, 529}


def source_code(code: str) -> str:
    return code.upper()


def target_code(code: str) -> str:
    return TARGET_VARIETY.get(code, code.upper())


def _ours(deepl: str) -> str | None:
    base = deepl.split("-", maxsplit=1)[0].lower()
    return base if base in LANGUAGE_CODES else None


class DeeplTranslator:
    """`Translator` for DeepL (synchronous)."""

    name = "deepl"
    asynchronous = False

    def __init__(self, settings: DeeplSettings) -> None:
        self.settings = settings
        self.sources: frozenset[str] = DOCUMENTED
        self.targets: frozenset[str] = DOCUMENTED
        self._http: httpx.AsyncClient | None = None

    def _client(self) -> httpx.AsyncClient:
        if self._http is None:
            self._http = httpx.AsyncClient(
                base_url=self.settings.endpoint,
                timeout=self.settings.timeout,
                headers={"Authorization": f"DeepL-Auth-Key {self.settings.auth_key}"},
            )
        return self._http

    async def start(self) -> None:
        """Read the account's source and target languages."""
        try:
            found = {}
            for kind in ("source", "target"):
                response = await self._client().get("/v2/languages", params={"type": kind})
                response.raise_for_status()
                found[kind] = frozenset(c for row in response.json() if (c := _ours(row["language"])))
            self.sources, self.targets = found["source"], found["target"]
        except (httpx.HTTPError, ValueError, KeyError, TypeError) as error:
            log.warning("DeepL languages not read (%r); assuming the documented set", error)

    async def close(self) -> None:
        if self._http is not None:
            await self._http.aclose()
            self._http = None

    def capability(self, source: str, target: str) -> Capability:
        if source not in self.sources:
            return Unserved(f"DeepL does not translate from {source}")
        if target not in self.targets:
            return Unserved(f"DeepL does not translate into {target}")
        return Route(source, target)

    async def translate(self, job: Job) -> Translated:
        body: dict[str, object] = {
            "text": [job.text],
            "source_lang": source_code(job.source),
            "target_lang": target_code(job.target),
        }
        if job.fmt == "html":
            body["tag_handling"] = "html"
        else:
            body["preserve_formatting"] = True
        try:
            response = await self._client().post("/v2/translate", json=body)
        except httpx.TimeoutException:
            raise ProviderError(f"DeepL timed out after {self.settings.timeout:g} s") from None
        except httpx.HTTPError as error:
            raise ProviderError(f"DeepL is unreachable: {error!r}") from None
        if response.status_code != 200:
            message = _message(response)
            if response.status_code == 400 and "lang" in message.lower():
                raise PairUnavailableError(f"DeepL refused {job.source}→{job.target}: {message}")
            raise ProviderError(
                f"DeepL answered HTTP {response.status_code}: {message}",
                retryable=response.status_code in RETRYABLE,
            )
        try:
            return Translated(str(response.json()["translations"][0]["text"]))
        except (ValueError, KeyError, IndexError, TypeError):
            raise ProviderError("DeepL answered without a translation") from None


def _message(response: httpx.Response) -> str:
    try:
        return str(response.json().get("message", "")) or response.reason_phrase
    except ValueError:
        return response.text[:200] or response.reason_phrase
