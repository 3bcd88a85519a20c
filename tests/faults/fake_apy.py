"""A stand-in for apertium-apy speaking its HTTP protocol (`/listPairs`, `/translate`), which the test stops and
starts again on the same port. Its "translation" is a visible marker: `[por] text`."""

import contextlib
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

from tests.server import free_port

PAIRS = [{"sourceLanguage": "spa", "targetLanguage": "por"}]


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _reply(self, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._reply({"responseData": PAIRS, "responseStatus": 200})

    def do_POST(self) -> None:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            form = parse_qs(self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode())
            target = form["langpair"][0].split("|")[1]
            self._reply({"responseData": {"translatedText": f"[{target}] {form['q'][0]}"}, "responseStatus": 200})


class FakeApy:
    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._httpd: ThreadingHTTPServer | None = None

    def start(self) -> "FakeApy":
        self._httpd = ThreadingHTTPServer(("127.0.0.1", self.port), _Handler)
        self._httpd.daemon_threads = True
        threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def stop(self) -> None:
        """Down: connections are refused."""
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
