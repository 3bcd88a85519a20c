"""Fixtures of the event-stream tests: the local Redis (skipped when it does not answer), and a Redis server of
the test's own that it may kill and start again."""

import os
import shutil
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.server import free_port

LOCAL_REDIS = os.environ.get("IMI_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
# The servers of these tests run without machine translation: loading the language detector and starting
# Apertium would cost each worker tens of seconds and hundreds of megabytes, and the stream does not use them.
WITHOUT_TRANSLATION = {"IMI_LANGUAGE_DETECTOR": "off", "IMI_TRANSLATORS": "none"}


def _answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@pytest.fixture
def redis_url() -> str:
    """The local Redis, on a channel of this test's own (so that concurrent runs do not hear each other)."""
    host_port = LOCAL_REDIS.split("//", 1)[1].split("/", 1)[0]
    host, _, port = host_port.partition(":")
    if not _answers(host, int(port or 6379)):
        pytest.skip(f"Redis at {LOCAL_REDIS} does not answer")
    return f"{LOCAL_REDIS}?channel=imi-test-{uuid.uuid4().hex}"


class RedisServer:
    """A redis-server on a free port, without persistence, that the test kills and restarts."""

    def __init__(self, workdir: Path) -> None:
        self.port = free_port()
        self.workdir = workdir
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.workdir)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while not _answers("127.0.0.1", self.port):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[RedisServer]:
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    server = RedisServer(tmp_path)
    server.start()
    try:
        yield server
    finally:
        server.kill()
