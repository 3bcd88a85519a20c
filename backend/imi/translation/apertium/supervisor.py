"""Starts `apertium-apy` on 127.0.0.1, restarts it when it dies, stops it (and its pipelines) at shutdown."""

import asyncio
import contextlib
import logging
import os
import signal
import socket
from collections import deque
from pathlib import Path

import httpx

from imi.translation.errors import ProviderError

log = logging.getLogger(__name__)
WRAPPER = Path(__file__).with_name("apy_localhost.py")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class ApySupervisor:
    """One supervised apy process; `url` is where it answers."""

    def __init__(
        self,
        modes_dir: Path,
        *,
        python: str = "/usr/bin/python3",
        port: int = 0,
        startup_timeout: float = 30.0,
        max_backoff: float = 30.0,
    ) -> None:
        self.modes_dir = modes_dir
        self.python = python
        self.port = port or free_port()
        self.startup_timeout = startup_timeout
        self.max_backoff = max_backoff
        self.restarts = 0
        self._process: asyncio.subprocess.Process | None = None
        self._watcher: asyncio.Task[None] | None = None
        self._stderr: deque[str] = deque(maxlen=20)
        self._drainers: set[asyncio.Task[None]] = set()
        self._stopping = False

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process and self._process.returncode is None else None

    async def start(self) -> None:
        """Start apy and wait until it answers; `ProviderError` if it cannot start."""
        if not await asyncio.to_thread(Path(self.python).exists):
            raise ProviderError(f"{self.python} (the system Python with apertium-apy) is missing")
        self._stopping = False
        await self._spawn()
        self._watcher = asyncio.create_task(self._watch(), name="apertium-apy supervisor")

    async def _spawn(self) -> None:
        self._stderr.clear()
        self._process = await asyncio.create_subprocess_exec(
            self.python,
            str(WRAPPER),
            "-p",
            str(self.port),
            "-j",
            "1",
            str(self.modes_dir),
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
            start_new_session=True,
        )
        drainer = asyncio.create_task(self._drain(self._process))
        self._drainers.add(drainer)
        drainer.add_done_callback(self._drainers.discard)
        try:
            await self._wait_ready(self._process)
        except ProviderError:
            await self._kill(self._process)
            raise

    async def _drain(self, process: asyncio.subprocess.Process) -> None:
        assert process.stderr is not None
        async for line in process.stderr:
            text = line.decode(errors="replace").rstrip()
            self._stderr.append(text)
            log.debug("apertium-apy: %s", text)

    async def _wait_ready(self, process: asyncio.subprocess.Process) -> None:
        deadline = asyncio.get_running_loop().time() + self.startup_timeout
        async with httpx.AsyncClient(timeout=2.0) as http:
            while asyncio.get_running_loop().time() < deadline:
                if process.returncode is not None:
                    break
                with contextlib.suppress(httpx.HTTPError):
                    if (await http.get(f"{self.url}/listPairs")).status_code == 200:
                        log.info("apertium-apy answers at %s (pid %s)", self.url, process.pid)
                        return
                await asyncio.sleep(0.1)
        tail = " | ".join(list(self._stderr)[-3:])
        raise ProviderError(f"apertium-apy did not start at {self.url}: {tail or 'no output'}")

    async def _watch(self) -> None:
        backoff = 0.5
        while not self._stopping:
            assert self._process is not None
            started = asyncio.get_running_loop().time()
            code = await self._process.wait()
            if self._stopping:
                return
            self._kill_group(self._process.pid, signal.SIGKILL)
            if asyncio.get_running_loop().time() - started > 60:
                backoff = 0.5
            log.warning("apertium-apy exited with %s; restarting in %.1f s", code, backoff)
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, self.max_backoff)
            try:
                await self._spawn()
                self.restarts += 1
            except (ProviderError, OSError) as error:
                log.error("apertium-apy restart failed: %s", error)

    @staticmethod
    def _kill_group(pid: int, sig: signal.Signals) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pid, sig)

    async def _kill(self, process: asyncio.subprocess.Process) -> None:
        self._kill_group(process.pid, signal.SIGTERM)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(process.wait(), 5.0)
        self._kill_group(process.pid, signal.SIGKILL)
        await process.wait()

    async def stop(self) -> None:
        """Stop apy and its pipelines; the supervisor no longer restarts it."""
        self._stopping = True
        if self._watcher is not None:
            self._watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watcher
            self._watcher = None
        if self._process is not None:
            await self._kill(self._process)
            self._process = None
