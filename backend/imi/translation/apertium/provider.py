"""The Apertium provider: offline rule-based translation from the Debian packages.

It reaches `apertium-apy` (a supervised local one, or one at `IMI_APERTIUM_URL`) and falls back to the
`apertium` command when apy does not answer. Pairs come from the installed modes; a pair without a mode
goes through pivot languages (Spanish, then English, by default) or is reported unserved.
"""

import logging
import re

from imi.translation.apertium.apy import ApyClient, ApyUnreachableError
from imi.translation.apertium.cli import ApertiumCli
from imi.translation.apertium.modes import Pair, PairGraph, pair_from_codes, pair_from_mode
from imi.translation.apertium.supervisor import ApySupervisor
from imi.translation.errors import PairUnavailableError, ProviderError
from imi.translation.protect import from_markup, protect, restore, to_markup
from imi.translation.protocol import Capability, Job, Translated, Unserved
from imi.translation.settings import ApertiumSettings

log = logging.getLogger(__name__)


def _unmark(output: str, source: str) -> str:
    """Drop Apertium's diagnostic marks (`#` generation error, `@` missing from the bilingual dictionary)."""
    for mark in "#@":
        if mark not in source:
            output = re.sub(rf"{mark}(?=\w)", "", output)
    return output


class ApertiumTranslator:
    """`Translator` for Apertium (synchronous)."""

    name = "apertium"
    asynchronous = False

    def __init__(self, settings: ApertiumSettings | None = None) -> None:
        self.settings = settings or ApertiumSettings()
        self.cli = ApertiumCli(data_dir=self.settings.data_dir, timeout=max(self.settings.timeout, 30.0))
        self.supervisor: ApySupervisor | None = None
        self.apy: ApyClient | None = None
        self.graph = PairGraph((), pivots=self.settings.pivots, max_pivots=self.settings.max_pivots)
        self._local_modes: set[str] = set()

    async def start(self) -> None:
        """Discover the installed modes, then start or reach apy (the CLI stays as the fallback)."""
        pairs: list[Pair] = []
        if self.cli.installed and self.settings.modes_dir.is_dir():
            modes = await self.cli.modes()
            self._local_modes = set(modes)
            pairs = [pair for mode in modes if (pair := pair_from_mode(mode))]
        url = self.settings.url
        if url is None and self.settings.supervise and pairs:
            self.supervisor = ApySupervisor(
                self.settings.modes_dir, python=self.settings.python, port=self.settings.port
            )
            try:
                await self.supervisor.start()
                url = self.supervisor.url
            except (ProviderError, OSError) as error:
                log.warning("apertium-apy not started, the apertium command will serve: %s", error)
                self.supervisor = None
        if url is not None:
            self.apy = ApyClient(url, timeout=self.settings.timeout)
            if self.settings.url is not None:
                try:
                    remote = await self.apy.pairs()
                    pairs = [pair for s, t in remote if (pair := pair_from_codes(s, t))]
                except ProviderError as error:
                    log.warning("apertium-apy at %s did not list its pairs: %s", url, error)
        self.graph = PairGraph(pairs, pivots=self.settings.pivots, max_pivots=self.settings.max_pivots)
        log.info("apertium serves %d direct pairs", len(self.graph.pairs))

    async def close(self) -> None:
        if self.apy is not None:
            await self.apy.close()
            self.apy = None
        if self.supervisor is not None:
            await self.supervisor.stop()
            self.supervisor = None

    def capability(self, source: str, target: str) -> Capability:
        if not self.graph:
            return Unserved("apertium is not installed (no language pair found)")
        return self.graph.route(source, target)

    async def _hop(self, pair: Pair, markup: str) -> str:
        if self.apy is not None:
            try:
                return await self.apy.translate(pair.langpair, markup)
            except ApyUnreachableError as error:
                if pair.mode not in self._local_modes:
                    raise
                log.warning("falling back to the apertium command: %s", error)
        if pair.mode not in self._local_modes:
            raise ProviderError(f"apertium mode {pair.mode} is not installed locally")
        return await self.cli.translate(pair.mode, markup)

    async def translate(self, job: Job) -> Translated:
        """Translate along the route, protecting references, addresses, dates and quoted names."""
        try:
            hops = self.graph.hops(job.route)
        except KeyError:
            raise PairUnavailableError(f"apertium does not serve {job.route.describe()}") from None
        lead = job.text[: len(job.text) - len(job.text.lstrip())]
        trail = job.text[len(job.text.rstrip()) :]
        protected = protect(job.text.strip(), job.fmt)
        markup = protected.text if job.fmt == "html" else to_markup(protected.text)
        for pair in hops:
            markup = _unmark(await self._hop(pair, markup), markup)
        text = markup.strip() if job.fmt == "html" else from_markup(markup.strip())
        return Translated(lead + restore(text, protected) + trail)
