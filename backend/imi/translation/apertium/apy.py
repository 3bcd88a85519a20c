"""HTTP client for `apertium-apy`: lists pairs and translates over keep-alive connections (20–25 ms warm)."""

import httpx

from imi.translation.errors import ProviderError


class ApyUnreachableError(ProviderError):
    """apy did not answer at all (down, restarting, refused the connection)."""


class ApyClient:
    """Talks to one apy server (`/listPairs`, `/translate`)."""

    def __init__(self, base_url: str, *, timeout: float = 10.0) -> None:
        self.base_url = base_url.rstrip("/")
        self._http = httpx.AsyncClient(base_url=self.base_url, timeout=timeout)

    async def close(self) -> None:
        await self._http.aclose()

    async def _call(self, method: str, path: str, data: dict[str, str] | None = None) -> dict:
        try:
            response = await self._http.request(method, path, data=data)
        except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError) as error:
            raise ApyUnreachableError(f"apertium-apy at {self.base_url} is unreachable: {error!r}") from error
        except httpx.TimeoutException as error:
            raise ProviderError(f"apertium-apy at {self.base_url} timed out") from error
        try:
            body = response.json()
        except ValueError:
            raise ProviderError(f"apertium-apy answered HTTP {response.status_code} without JSON") from None
        status = body.get("responseStatus", response.status_code)
        if response.status_code != 200 or status != 200:
            detail = body.get("explanation") or body.get("message") or body.get("responseDetails") or ""
            retryable = response.status_code >= 500 or response.status_code == 429
            raise ProviderError(f"apertium-apy answered {status}: {detail}".rstrip(": "), retryable=retryable)
        return body

    async def pairs(self) -> list[tuple[str, str]]:
        """The pairs apy serves, as (source, target) Apertium codes."""
        body = await self._call("GET", "/listPairs")
        return [(row["sourceLanguage"], row["targetLanguage"]) for row in body.get("responseData", [])]

    async def translate(self, langpair: str, markup: str) -> str:
        """Translate HTML-formatted text with one pair (`spa|por`), unknown words unmarked."""
        body = await self._call(
            "POST", "/translate", {"langpair": langpair, "q": markup, "format": "html", "markUnknown": "no"}
        )
        return str(body["responseData"]["translatedText"])
