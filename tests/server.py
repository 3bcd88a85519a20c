"""A real uvicorn server in a child process, for end-to-end tests over HTTP."""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_server(database_url: str, var_dir: Path, **env: str) -> Iterator[str]:
    """Start `imi serve` on a free port of 127.0.0.1; yield its base URL; stop it."""
    port = free_port()
    environment = {
        **os.environ, "PYTHONPATH": str(ROOT / "backend"), "IMI_DATABASE_URL": database_url,
        "IMI_VAR_DIR": str(var_dir), "IMI_ENV": "test", "IMI_COOKIE_SECURE": "false",
        "IMI_FRONTEND_DIR": str(var_dir / "no-frontend"), **env,
    }
    log = open(var_dir / f"server-{port}.log", "wb")  # noqa: SIM115  (closed below)
    process = subprocess.Popen([sys.executable, "-m", "imi", "serve", "--port", str(port)], env=environment,
                               stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, process, var_dir / f"server-{port}.log")
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def _wait_until_up(base: str, process: subprocess.Popen[bytes], log: Path, timeout: float = 30) -> None:
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
