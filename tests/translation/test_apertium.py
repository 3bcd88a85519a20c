"""The Apertium provider against the installed Debian packages: apy supervised, CLI fallback, pivots."""

import asyncio
import os
import signal
import subprocess
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import httpx
import pytest

from imi.translation.apertium.modes import pair_from_mode
from imi.translation.apertium.provider import ApertiumTranslator
from imi.translation.errors import PairUnavailableError
from imi.translation.protocol import Job, Route, Unserved
from imi.translation.settings import ApertiumSettings

from .conftest import APY, closed_port, needs_apertium, needs_apy

pytestmark = [needs_apertium, pytest.mark.slow]

MESSAGE = (
    'La autoridad "Ministerio de Sanidad" envió el expediente IMI-2024-000123 el 12/03/2024 '
    "a jan.novak@mzv.cz; véase https://example.org/caso?id=7&x=1 para más información."
)
KEPT = [
    '"Ministerio de Sanidad"',
    "IMI-2024-000123",
    "12/03/2024",
    "jan.novak@mzv.cz",
    "https://example.org/caso?id=7&x=1",
]


def job(text: str, source: str, target: str, translator: ApertiumTranslator, fmt: str = "text") -> Job:
    route = translator.capability(source, target)
    assert isinstance(route, Route), route
    return Job(text, source, target, route, fmt)  # type: ignore[arg-type]


@pytest.fixture
async def apy() -> AsyncIterator[ApertiumTranslator]:
    if not APY:
        pytest.skip("apertium-apy is not installed (see system-packages.txt)")
    translator = ApertiumTranslator(ApertiumSettings())
    await translator.start()
    assert translator.supervisor is not None, "apy should be supervised"
    yield translator
    await translator.close()


@pytest.fixture
async def cli() -> AsyncIterator[ApertiumTranslator]:
    translator = ApertiumTranslator(ApertiumSettings(supervise=False))
    await translator.start()
    yield translator
    await translator.close()


def _listening_addresses(port: int) -> set[str]:
    """Local addresses with a socket listening on `port` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, _, hex_port = local.partition(":")
            if state == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


def _live_members(group: int) -> list[int]:
    """Processes of a process group that are still running (zombies awaiting their reaper excluded)."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            members.append(int(stat.parent.name))
    return members


async def test_installed_modes_are_discovered(cli: ApertiumTranslator) -> None:
    listing = await asyncio.to_thread(subprocess.run, ["apertium", "-l"], capture_output=True, text=True)
    modes = listing.stdout.split()
    expected = {(p.source, p.target) for m in modes if (p := pair_from_mode(m))}
    assert set(cli.graph.pairs) == expected
    pairs_of_system_packages = {("es", "pt"), ("hr", "sl"), ("sl", "hr"), ("sv", "nb"), ("nb", "sv"), ("da", "sv")}
    assert pairs_of_system_packages <= expected


@needs_apy
async def test_apy_is_supervised_on_localhost_only(apy: ApertiumTranslator) -> None:
    assert apy.supervisor is not None
    assert _listening_addresses(apy.supervisor.port) == {"0100007F"}  # 127.0.0.1, nothing else
    async with httpx.AsyncClient() as http:
        assert (await http.get(f"{apy.supervisor.url}/listPairs")).status_code == 200


@needs_apy
async def test_direct_pair_through_apy_keeps_protected_content(apy: ApertiumTranslator) -> None:
    result = await apy.translate(job(MESSAGE, "es", "pt", apy))
    assert result.text.startswith("A autoridade")
    for kept in KEPT:
        assert kept in result.text
    assert "enviou" in result.text


@needs_apy
async def test_a_pivoted_pair_goes_through_spanish(apy: ApertiumTranslator) -> None:
    capability = apy.capability("fr", "en")
    assert capability == Route("fr", "en", ("es",))
    result = await apy.translate(job("Le ministère a envoyé le dossier IMI-2024-7 hier.", "fr", "en", apy))
    assert "IMI-2024-7" in result.text
    assert "ministry" in result.text.lower() or "sent" in result.text.lower()


async def test_one_way_and_missing_pairs_are_unavailable(cli: ApertiumTranslator) -> None:
    assert cli.capability("ro", "es") == Route("ro", "es")
    one_way = cli.capability("es", "ro")
    assert isinstance(one_way, Unserved) and "one-way" in one_way.reason
    missing = cli.capability("de", "fi")
    assert isinstance(missing, Unserved) and "no installed language data for de" in missing.reason
    with pytest.raises(PairUnavailableError):
        await cli.translate(Job("Hallo", "de", "fi", Route("de", "fi")))


async def test_the_command_line_translates_without_apy(cli: ApertiumTranslator) -> None:
    assert cli.apy is None
    result = await cli.translate(job(MESSAGE, "es", "pt", cli))
    for kept in KEPT:
        assert kept in result.text
    assert result.text.startswith("A autoridade")


async def test_markup_and_plain_text_characters_survive(cli: ApertiumTranslator) -> None:
    html = '<p>La <b>autoridad</b> envió <a href="https://x.eu/a">el documento</a>.</p>'
    translated = (await cli.translate(job(html, "es", "pt", cli, fmt="html"))).text
    assert translated == '<p>A <b>autoridade</b> enviou <a href="https://x.eu/a">o documento</a>.</p>'
    plain = "La autoridad & el ministerio: 3 < 5 > 2 <b>\n\nSegunda línea.\n"
    translated = (await cli.translate(job(plain, "es", "pt", cli))).text
    assert "& o ministério" in translated and "3 < 5 > 2 <b>" in translated
    assert translated.startswith("A autoridade") and translated.endswith(" linha.\n")
    assert "<b>\n\nSegund" in translated


@needs_apy
async def test_every_installed_direct_pair_keeps_protected_content(apy: ApertiumTranslator) -> None:
    text = 'Ref IMI-2024-000123 (https://example.org/x) "Ana Lopes" 12/03/2024 ana@example.org.'
    for source, target in apy.graph.pairs:
        result = await apy.translate(Job(text, source, target, Route(source, target)))
        for kept in (
            "IMI-2024-000123",
            "https://example.org/x",
            '"Ana Lopes"',
            "12/03/2024",
            "ana@example.org",
        ):
            assert kept in result.text, (source, target, result.text)


@needs_apy
async def test_a_dead_apy_is_replaced_and_the_cli_serves_meanwhile(apy: ApertiumTranslator) -> None:
    supervisor = apy.supervisor
    assert supervisor is not None and supervisor.pid is not None
    old_pid = supervisor.pid
    os.killpg(old_pid, signal.SIGKILL)
    result = await apy.translate(job("La autoridad envió el documento.", "es", "pt", apy))
    assert result.text == "A autoridade enviou o documento."
    for _ in range(200):
        if supervisor.restarts and supervisor.pid not in (None, old_pid):
            break
        await asyncio.sleep(0.05)
    assert supervisor.restarts == 1 and supervisor.pid != old_pid
    async with httpx.AsyncClient() as http:
        assert (await http.get(f"{supervisor.url}/listPairs")).status_code == 200


@needs_apy
async def test_close_stops_apy_and_its_pipelines() -> None:
    translator = ApertiumTranslator(ApertiumSettings())
    await translator.start()
    assert translator.supervisor is not None
    await translator.translate(job("Hola.", "es", "pt", translator))
    pid, port = translator.supervisor.pid, translator.supervisor.port
    assert pid is not None
    await translator.close()
    for _ in range(100):
        if not _live_members(pid):
            break
        await asyncio.sleep(0.02)
    assert _live_members(pid) == []
    assert not _listening_addresses(port)


@needs_apy
async def test_an_external_apy_url_is_used_for_pairs_and_translation(apy: ApertiumTranslator) -> None:
    assert apy.supervisor is not None
    remote = ApertiumTranslator(ApertiumSettings(url=apy.supervisor.url, supervise=False))
    await remote.start()
    try:
        assert remote.supervisor is None and remote.apy is not None
        assert set(remote.graph.pairs) == set(apy.graph.pairs)
        result = await remote.translate(job("La autoridad envió el documento.", "es", "pt", remote))
        assert result.text == "A autoridade enviou o documento."
    finally:
        await remote.close()


async def test_an_unreachable_apy_url_falls_back_to_the_cli() -> None:
    settings = replace(ApertiumSettings(), url=f"http://127.0.0.1:{closed_port()}", supervise=False)
    translator = ApertiumTranslator(settings)
    await translator.start()
    try:
        assert ("es", "pt") in translator.graph.pairs  # from the local modes
        result = await translator.translate(job("La autoridad envió el documento.", "es", "pt", translator))
        assert result.text == "A autoridade enviou o documento."
    finally:
        await translator.close()
