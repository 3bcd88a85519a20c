"""The eTranslation provider: the European Commission's asynchronous machine-translation service.

A request is a JSON POST with HTTP Digest authentication; the service answers with a request id (a
positive number; a negative number is an error code) and later POSTs the result to `requesterCallback`
(form fields `request-id`, `target-language`, `translated-text`, `external-reference`) or the failure to
`errorCallback` (`request-id`, `target-languages`, `error-code`, `error-message`, `external-reference`).
Both callback URLs carry a signed single-use token (see `callbacks`); `routes` receives them.
"""

import httpx

from imi.reference import LANGUAGE_CODES
from imi.translation.errors import ConfigurationError, PairUnavailableError, ProviderError
from imi.translation.protocol import Capability, Job, Route, Submitted, Unserved
from imi.translation.settings import ETranslationSettings

SERVED = frozenset(code for code in LANGUAGE_CODES)
DONE_PATH = "/translation/etranslation/{token}/done"
ERROR_PATH = "/translation/etranslation/{token}/error"


def service_code(code: str) -> str:
    """eTranslation's language code: ISO 639-1 in capitals."""
    return code.upper()


class ETranslationTranslator:
    """`Translator` for eTranslation (asynchronous: results arrive through `routes`)."""

    name = "etranslation"
    asynchronous = True

    def __init__(self, settings: ETranslationSettings) -> None:
        self.settings = settings
        self._http: httpx.AsyncClient | None = None

    async def start(self) -> None:
        missing = [
            name
            for name, value in (
                ("IMI_ETRANSLATION_USER", self.settings.user),
                ("IMI_ETRANSLATION_PASSWORD", self.settings.password),
                ("IMI_PUBLIC_URL", self.settings.public_url),
            )
            if not value
        ]
        if missing:
            raise ConfigurationError(f"eTranslation needs {', '.join(missing)}")
        self._http = httpx.AsyncClient(
            timeout=self.settings.timeout,
            auth=httpx.DigestAuth(self.settings.user or "", self.settings.password or ""),
        )

    async def close(self) -> None:
        if self._http is not None:
            await self._http.aclose()
            self._http = None

    def capability(self, source: str, target: str) -> Capability:
        for code in (source, target):
            if code not in SERVED:
                return Unserved(f"eTranslation does not serve {code}")
        return Route(source, target)

    def callback_urls(self, token: str) -> tuple[str, str]:
        base = (self.settings.public_url or "").rstrip("/")
        return base + DONE_PATH.format(token=token), base + ERROR_PATH.format(token=token)

    def request_body(self, job: Job) -> dict[str, object]:
        """The documented JSON request for one text snippet."""
        done, error = self.callback_urls(job.reference)
        return {
            "priority": 0,
            "externalReference": job.reference,
            "callerInformation": {"application": self.settings.user, "username": self.settings.user},
            "sourceLanguage": service_code(job.source),
            "targetLanguages": [service_code(job.target)],
            "domain": self.settings.domain,
            "requesterCallback": done,
            "errorCallback": error,
            "textToTranslate": job.text,
        }

    async def translate(self, job: Job) -> Submitted:
        if job.fmt != "text":
            raise PairUnavailableError("the eTranslation adapter sends plain text only")
        if self._http is None:
            raise ProviderError("eTranslation is not started", retryable=False)
        try:
            response = await self._http.post(self.settings.url, json=self.request_body(job))
        except httpx.TimeoutException:
            raise ProviderError(f"eTranslation timed out after {self.settings.timeout:g} s") from None
        except httpx.HTTPError as error:
            raise ProviderError(f"eTranslation is unreachable: {error!r}") from None
        if response.status_code in (401, 403):
            raise ProviderError(f"eTranslation refused the credentials (HTTP {response.status_code})")
        if response.status_code != 200:
            raise ProviderError(f"eTranslation answered HTTP {response.status_code}")
        try:
            request_id = int(response.text.strip().strip('"'))
        except ValueError:
            raise ProviderError(f"eTranslation answered {response.text[:80]!r}, not a request id") from None
        if request_id <= 0:
            raise ProviderError(f"eTranslation refused the request: error code {request_id}")
        return Submitted(str(request_id))
