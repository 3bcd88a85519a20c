"""The `apertium` command: lists installed modes and translates one text per process (slow but dependable)."""

import asyncio
import shutil
from pathlib import Path

from imi.translation.errors import ProviderError


class ApertiumCli:
    """Runs `apertium -u -f html <mode>`; every call starts the whole pipeline (0.2–0.3 s)."""

    def __init__(self, executable: str = "apertium", *, data_dir: Path | None = None, timeout: float = 30.0):
        self.executable = shutil.which(executable) or ""
        self.data_dir = data_dir
        self.timeout = timeout

    @property
    def installed(self) -> bool:
        return bool(self.executable)

    async def _run(self, *args: str, stdin: str = "") -> str:
        if not self.installed:
            raise ProviderError("the apertium command is not installed")
        process = await asyncio.create_subprocess_exec(
            self.executable,
            *args,
            # With nothing to feed, no pipe: a command that exits at once must not meet a write (uvloop refuses).
            stdin=asyncio.subprocess.PIPE if stdin else asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            start_new_session=True,
        )
        try:
            out, err = await asyncio.wait_for(process.communicate(stdin.encode() if stdin else None), self.timeout)
        except TimeoutError:
            process.kill()
            await process.wait()
            raise ProviderError(f"apertium {' '.join(args)} timed out after {self.timeout:g} s") from None
        if process.returncode != 0:
            message = err.decode(errors="replace").strip().splitlines()[-1:] or ["no message"]
            raise ProviderError(f"apertium {' '.join(args)} failed: {message[0]}")
        return out.decode()

    def _dir_args(self) -> tuple[str, ...]:
        return ("-d", str(self.data_dir)) if self.data_dir else ()

    async def modes(self) -> list[str]:
        """Installed mode names (`apertium -l`)."""
        return (await self._run(*self._dir_args(), "-l")).split()

    async def translate(self, mode: str, markup: str) -> str:
        """Translate HTML-formatted text with one mode, unknown words unmarked."""
        return await self._run(*self._dir_args(), "-u", "-f", "html", mode, stdin=markup)
