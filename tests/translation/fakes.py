"""Local stand-ins for the two SaaS translation services, speaking their documented HTTP protocols.

Each is a real HTTP server on 127.0.0.1 (a thread). Their "translation" is a visible marker
(`[PT-PT] text`), enough to check what was sent and what came back.
"""

import contextlib
import hashlib
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx


class FakeServer:
    """A threaded HTTP server on 127.0.0.1:<free port>."""

    def __init__(self) -> None:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    owner.handle(self, "GET")

            def do_POST(self) -> None:
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    owner.handle(self, "POST")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def handle(self, request: BaseHTTPRequestHandler, method: str) -> None:
        raise NotImplementedError

    @staticmethod
    def body(request: BaseHTTPRequestHandler) -> bytes:
        length = int(request.headers.get("Content-Length") or 0)
        return request.rfile.read(length) if length else b""

    @staticmethod
    def reply(request: BaseHTTPRequestHandler, status: int, body: bytes, content_type: str, **headers: str) -> None:
        request.send_response(status)
        request.send_header("Content-Type", content_type)
        request.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            request.send_header(name.replace("_", "-"), value)
        request.end_headers()
        request.wfile.write(body)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# ---- DeepL API v2 ------------------------------------------------------------------------------------------

DEEPL_SOURCES = ["BG", "CS", "DA", "DE", "EL", "EN", "ES", "ET", "FI", "FR", "HU", "ID", "IT", "JA", "KO"]
DEEPL_SOURCES += ["LT", "LV", "NB", "NL", "PL", "PT", "RO", "RU", "SK", "SL", "SV", "TR", "UK", "ZH"]
DEEPL_TARGETS = [c for c in DEEPL_SOURCES if c not in ("EN", "PT")] + ["EN-GB", "EN-US", "PT-BR", "PT-PT"]


class FakeDeepL(FakeServer):
    """`POST /v2/translate` and `GET /v2/languages`, `Authorization: DeepL-Auth-Key <key>`.

    `status` other than 200 answers that HTTP status with DeepL's `{"message": …}` body; `delay` sleeps
    before answering (for timeouts).
    """

    def __init__(self, auth_key: str = "test-key:fx") -> None:
        self.auth_key = auth_key
        self.status = 200
        self.delay = 0.0
        self.requests: list[dict[str, Any]] = []
        super().__init__()

    def handle(self, request: BaseHTTPRequestHandler, method: str) -> None:
        path = urlsplit(request.path).path
        if request.headers.get("Authorization") != f"DeepL-Auth-Key {self.auth_key}":
            self.reply(request, 403, b'{"message":"Wrong endpoint or invalid auth key"}', "application/json")
            return
        if method == "GET" and path == "/v2/languages":
            kind = parse_qs(urlsplit(request.path).query).get("type", ["source"])[0]
            codes = DEEPL_SOURCES if kind == "source" else DEEPL_TARGETS
            rows = [{"language": code, "name": code} for code in codes]
            self.reply(request, 200, json.dumps(rows).encode(), "application/json")
            return
        if method != "POST" or path != "/v2/translate":
            self.reply(request, 404, b'{"message":"Not found"}', "application/json")
            return
        body = json.loads(self.body(request) or b"{}")
        self.requests.append(body)
        time.sleep(self.delay)
        if self.status != 200:
            messages = {456: "Quota exceeded", 429: "Too many requests", 500: "Internal error"}
            message = json.dumps({"message": messages.get(self.status, "Error")}).encode()
            self.reply(request, self.status, message, "application/json")
            return
        if not isinstance(body.get("text"), list) or "target_lang" not in body:
            self.reply(request, 400, b'{"message":"Parameter \'text\' not specified."}', "application/json")
            return
        if body["target_lang"] not in DEEPL_TARGETS:
            message = {"message": f"Value for 'target_lang' not supported: {body['target_lang']}"}
            self.reply(request, 400, json.dumps(message).encode(), "application/json")
            return
        translations = [
            {
                "detected_source_language": body.get("source_lang", "EN"),
                "text": f"[{body['target_lang']}] {text}",
            }
            for text in body["text"]
        ]
        self.reply(request, 200, json.dumps({"translations": translations}).encode(), "application/json")


# ---- eTranslation ------------------------------------------------------------------------------------------


def _md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()


@dataclass
class Callback:
    url: str
    form: dict[str, str]
    status: int = 0


@dataclass
class ETranslationBehaviour:
    """What the fake does with the next requests."""

    answer: int | None = None  # a fixed (negative) answer instead of a request id
    callback: str = "done"  # "done", "error" or "none"
    delay: float = 0.05  # seconds between answering and calling back
    error: tuple[str, str] = ("-20001", "Invalid source language")
    sent: list[Callback] = field(default_factory=list)


class FakeETranslation(FakeServer):
    """The eTranslation REST endpoint: JSON request, Digest auth (MD5, qop=auth), request id, callback."""

    realm = "eTranslation"

    def __init__(self, user: str = "IMI-test", password: str = "s3cret") -> None:
        self.user = user
        self.password = password
        self.behaviour = ETranslationBehaviour()
        self.requests: list[dict[str, Any]] = []
        self.challenges = 0
        self._nonces: set[str] = set()
        self._next_id = 4000
        self._lock = threading.Lock()
        super().__init__()

    def _challenge(self, request: BaseHTTPRequestHandler) -> None:
        nonce = secrets.token_hex(16)
        self._nonces.add(nonce)
        self.challenges += 1
        header = f'Digest realm="{self.realm}", qop="auth", nonce="{nonce}", algorithm=MD5'
        self.reply(request, 401, b"Unauthorized", "text/plain", WWW_Authenticate=header)

    def _authorised(self, request: BaseHTTPRequestHandler, method: str) -> bool:
        header = request.headers.get("Authorization", "")
        if not header.startswith("Digest "):
            return False
        fields: dict[str, str] = {}
        for part in header[len("Digest ") :].split(","):
            name, _, value = part.strip().partition("=")
            fields[name] = value.strip('"')
        if fields.get("username") != self.user or fields.get("nonce") not in self._nonces:
            return False
        ha1 = _md5(f"{self.user}:{self.realm}:{self.password}")
        ha2 = _md5(f"{method}:{fields.get('uri', '')}")
        expected = _md5(f"{ha1}:{fields['nonce']}:{fields.get('nc')}:{fields.get('cnonce')}:auth:{ha2}")
        return secrets.compare_digest(expected, fields.get("response", ""))

    def handle(self, request: BaseHTTPRequestHandler, method: str) -> None:
        if method != "POST":
            self.reply(request, 405, b"", "text/plain")
            return
        payload = self.body(request)
        if not self._authorised(request, method):
            self._challenge(request)
            return
        body = json.loads(payload)
        self.requests.append(body)
        behaviour = self.behaviour
        required = (
            "sourceLanguage",
            "targetLanguages",
            "textToTranslate",
            "requesterCallback",
            "errorCallback",
        )
        if behaviour.answer is not None or any(name not in body for name in required):
            answer = behaviour.answer if behaviour.answer is not None else -20000
            self.reply(request, 200, str(answer).encode(), "text/plain")
            return
        with self._lock:
            self._next_id += 1
            request_id = self._next_id
        self.reply(request, 200, str(request_id).encode(), "text/plain")
        if behaviour.callback != "none":
            timer = threading.Timer(behaviour.delay, self._call_back, (body, request_id, behaviour))
            timer.daemon = True
            timer.start()

    def _call_back(self, body: dict[str, Any], request_id: int, behaviour: ETranslationBehaviour) -> None:
        target = body["targetLanguages"][0]
        if behaviour.callback == "error":
            url = body["errorCallback"]
            form = {
                "request-id": str(request_id),
                "target-languages": target,
                "error-code": behaviour.error[0],
                "error-message": behaviour.error[1],
                "external-reference": body.get("externalReference", ""),
            }
        else:
            url = body["requesterCallback"]
            form = {
                "request-id": str(request_id),
                "target-language": target,
                "translated-text": f"[{target}] {body['textToTranslate']}",
                "external-reference": body.get("externalReference", ""),
            }
        callback = Callback(url, form)
        try:
            callback.status = httpx.post(url, data=form, timeout=10).status_code
        except httpx.HTTPError:
            callback.status = -1
        behaviour.sent.append(callback)
