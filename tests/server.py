"""A real uvicorn server in a child process, for end-to-end tests over HTTP; several may share one database."""

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import httpx

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """`imi serve` on a port of 127.0.0.1 (a free one unless given), which may be killed and started again."""

    def __init__(self, database_url: str, var_dir: Path, port: int | None = None, **env: str) -> None:
        self.port = port or free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.var_dir = var_dir
        self.log_path = var_dir / f"server-{self.port}.log"
        self.environment = {
            **os.environ, "PYTHONPATH": str(ROOT / "backend"), "IMI_DATABASE_URL": database_url,
            "IMI_VAR_DIR": str(var_dir), "IMI_ENV": "test", "IMI_COOKIE_SECURE": "false",
            "IMI_FRONTEND_DIR": str(var_dir / "no-frontend"),
            # Machine translation and the language detector are off unless a test asks for them.
            "IMI_TRANSLATORS": "none", "IMI_LANGUAGE_DETECTOR": "off", **env,
        }
        self.process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    def start(self) -> "Server":
        return self.spawn().wait_until_up()

    def spawn(self) -> "Server":
        """Start the process without waiting for it to serve."""
        self._log = open(self.log_path, "ab")  # noqa: SIM115  (closed in stop/kill)
        self.process = subprocess.Popen([sys.executable, "-m", "imi", "serve", "--port", str(self.port)],
                                        env=self.environment, stdout=self._log, stderr=subprocess.STDOUT)
        return self

    def wait_until_up(self) -> "Server":
        assert self.process is not None
        try:
            _wait_until_up(self.base, self.process, self.log_path)
        except BaseException:
            self.kill()
            raise
        return self

    def kill(self) -> None:
        """SIGKILL: the worker dies at once, as in a crash, with whatever it had not finished."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)
        self._close_log()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self._close_log()

    def _close_log(self) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


@contextmanager
def running_server(database_url: str, var_dir: Path, **env: str) -> Iterator[str]:
    """Start `imi serve` on a free port of 127.0.0.1; yield its base URL; stop it."""
    with running_servers(database_url, var_dir, 1, **env) as servers:
        yield servers[0].base


@contextmanager
def running_servers(database_url: str, var_dir: Path, count: int, **env: str) -> Iterator[list[Server]]:
    """`count` servers on one database (the app workers of one installation); all stopped at the end. Each
    worker keeps its embedded search index in a folder of its own (one process owns an embedded index; several
    workers share Meilisearch)."""
    servers = [Server(database_url, var_dir, **env) for _ in range(count)]
    if count > 1 and "IMI_SEARCH_DIR" not in env:
        for server in servers:
            server.environment["IMI_SEARCH_DIR"] = str(var_dir / f"search-{server.port}")
    try:
        for server in servers:
            server.spawn()
        for server in servers:
            server.wait_until_up()
        yield servers
    finally:
        for server in servers:
            server.stop()


def _wait_until_up(base: str, process: subprocess.Popen[bytes], log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited: {log.read_text(errors='replace')[-3000:]}")
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"the server did not start: {log.read_text(errors='replace')[-3000:]}")
