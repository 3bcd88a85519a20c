"""Machine-translation benchmark: Apertium latency (apy and command line), cache hits, language detector cost.

    .venv/bin/python bench/translation_bench.py [--repeat N]

Prints a markdown table. Targets: a warm direct pair under 100 ms, a cached hit under 5 ms.
"""

import argparse
import asyncio
import functools
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "backend"))

from tortoise import Tortoise  # noqa: E402

from imi.translation.apertium.provider import ApertiumTranslator  # noqa: E402
from imi.translation.protocol import Job, Route  # noqa: E402
from imi.translation.registry import Registry  # noqa: E402
from imi.translation.service import TranslationService  # noqa: E402
from imi.translation.settings import ApertiumSettings, TranslationSettings  # noqa: E402

# 50 words each, with a reference, a date and an address to protect.
SPANISH = (
    "Estimados colegas: la autoridad competente de Sevilla confirma que recibió la solicitud IMI-2024-000123 "
    "el 12/03/2024. Necesitamos una copia certificada del título profesional del solicitante y una "
    "declaración sobre posibles sanciones disciplinarias. Pueden enviar los documentos a "
    "registro@sevilla.example.es antes del viernes. Muchas gracias por su colaboración y reciban un cordial "
    "saludo."
)
FRENCH = (
    "Chers collègues, l'autorité compétente de Lyon confirme avoir reçu la demande IMI-2024-000123 le "
    "12/03/2024. Nous avons besoin d'une copie certifiée du diplôme professionnel du demandeur et d'une "
    "déclaration concernant d'éventuelles sanctions disciplinaires. Vous pouvez envoyer les documents à "
    "greffe@lyon.example.fr avant vendredi prochain. Merci beaucoup pour votre précieuse coopération et cordialement."
)

Timed = Callable[[], Awaitable[object]]
Row = tuple[str, float, str, str]  # measure, value, unit, target


async def median_ms(call: Timed, repeat: int, warm: int = 2) -> float:
    for _ in range(warm):
        await call()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        await call()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def job(translator: ApertiumTranslator, text: str, source: str, target: str) -> Job:
    route = translator.capability(source, target)
    if not isinstance(route, Route):
        raise SystemExit(f"apertium does not serve {source}→{target}: {route}")
    return Job(text, source, target, route)


async def apertium_rows(repeat: int) -> list[Row]:
    rows = []
    for label, settings in (("apy", ApertiumSettings()), ("CLI", ApertiumSettings(supervise=False))):
        translator = ApertiumTranslator(settings)
        await translator.start()
        if label == "apy" and translator.apy is None:
            raise SystemExit("apertium-apy did not start")
        try:
            for text, source, target in ((SPANISH, "es", "pt"), (FRENCH, "fr", "en")):
                current = job(translator, text, source, target)
                times = repeat if label == "apy" else max(3, repeat // 10)
                value = await median_ms(functools.partial(translator.translate, current), times)
                kind = "direct" if current.route.direct else "pivot"
                goal = "< 100 ms" if kind == "direct" else ""
                name = f"{current.route.describe()} ({kind}), 50 words, warm, via {label}"
                rows.append((name, value, "ms", goal))
        finally:
            await translator.close()
    return rows


async def cached_row(repeat: int) -> Row:
    with tempfile.TemporaryDirectory() as folder:
        await Tortoise.init(db_url=f"sqlite://{folder}/bench.sqlite3", modules={"models": ["imi.translation.models"]})
        await Tortoise.generate_schemas()
        translator = ApertiumTranslator(ApertiumSettings())
        registry = Registry([translator])
        await registry.start()
        try:
            service = TranslationService(registry, TranslationSettings())
            first = await service.request(SPANISH, "es", "pt")
            assert first.status == "DONE", first.reason
            value = await median_ms(lambda: service.request(SPANISH, "es", "pt"), repeat * 5)
        finally:
            await registry.close()
            await Tortoise.close_connections()
    return ("cached hit: `service.request` (SQLite file)", value, "ms", "< 5 ms")


def detector_rows() -> list[Row]:
    rows = []
    for accuracy in ("high", "low"):
        out = subprocess.run(
            [sys.executable, __file__, "--detector", accuracy], capture_output=True, text=True, check=True
        ).stdout
        figures = json.loads(out.strip().splitlines()[-1])
        name = f"language detector, {accuracy} accuracy"
        rows.append((f"{name}: start-up (models preloaded)", figures["seconds"] * 1000, "ms", ""))
        rows.append((f"{name}: memory (RSS delta)", figures["mb"], "MB", ""))
        rows.append((f"{name}: detect 50 words", figures["detect_ms"], "ms", ""))
    return rows


def measure_detector(accuracy: str) -> None:
    """Run in a fresh process: load the detector, print its cost as JSON."""
    from imi.translation.detection import LanguageDetector

    detector = LanguageDetector(accuracy=accuracy)
    detector.detect(SPANISH, "es")
    started = time.perf_counter()
    for _ in range(20):
        detector.detect(FRENCH, "en")
    detect_ms = (time.perf_counter() - started) * 1000 / 20
    print(json.dumps({"seconds": detector.load_seconds, "mb": detector.rss_delta_mb, "detect_ms": detect_ms}))


def table(rows: list[Row]) -> str:
    lines = ["| measure | median | unit | target |", "|---|---:|---|---|"]
    lines += [f"| {name} | {value:.1f} | {unit} | {goal} |" for name, value, unit, goal in rows]
    return "\n".join(lines)


async def run(repeat: int) -> str:
    rows = await apertium_rows(repeat)
    rows.append(await cached_row(repeat))
    rows += detector_rows()
    return table(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--detector", choices=("high", "low"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.detector:
        measure_detector(args.detector)
        return
    print(asyncio.run(run(args.repeat)))


if __name__ == "__main__":
    main()
