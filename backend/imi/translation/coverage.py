"""Which of the 26 × 25 language pairs a provider serves, directly or by pivot, from its live capability.

python -m imi.translation.coverage [provider ...]     # prints a markdown table (default: apertium)
"""

import asyncio
import sys

from imi.reference import LANGUAGE_CODES
from imi.translation.protocol import Capability, Route, Translator
from imi.translation.registry import build_registry
from imi.translation.settings import TranslationSettings


def coverage(translator: Translator) -> dict[tuple[str, str], Capability]:
    """Every ordered pair of distinct served languages with the translator's capability for it."""
    return {(s, t): translator.capability(s, t) for s in LANGUAGE_CODES for t in LANGUAGE_CODES if s != t}


def summary(pairs: dict[tuple[str, str], Capability]) -> dict[str, int]:
    routes = [c for c in pairs.values() if isinstance(c, Route)]
    direct = sum(1 for r in routes if r.direct)
    return {"direct": direct, "pivot": len(routes) - direct, "unserved": len(pairs) - len(routes)}


def markdown(pairs: dict[tuple[str, str], Capability]) -> str:
    """A source × target matrix: `D` direct, `P` through a pivot, `·` not served."""
    header = "| from \\ to | " + " | ".join(LANGUAGE_CODES) + " |"
    lines = [header, "|---" * (len(LANGUAGE_CODES) + 1) + "|"]
    for source in LANGUAGE_CODES:
        cells = []
        for target in LANGUAGE_CODES:
            capability = pairs.get((source, target))
            if source == target:
                cells.append("—")
            elif isinstance(capability, Route):
                cells.append("D" if capability.direct else "P")
            else:
                cells.append("·")
        lines.append(f"| **{source}** | " + " | ".join(cells) + " |")
    counts = summary(pairs)
    total = sum(counts.values())
    lines.append("")
    lines.append(
        f"{counts['direct']} direct + {counts['pivot']} through a pivot = "
        f"{counts['direct'] + counts['pivot']} of {total} pairs served; {counts['unserved']} not served."
    )
    routed = sorted((k, c) for k, c in pairs.items() if isinstance(c, Route) and not c.direct)
    if routed:
        lines.append("")
        lines.append("Pivot routes: " + ", ".join(c.describe() for _, c in routed if isinstance(c, Route)))
    return "\n".join(lines)


async def _main(names: list[str]) -> None:
    settings = TranslationSettings.from_env()
    settings = TranslationSettings(**{**settings.__dict__, "translators": tuple(names or ["apertium"])})
    registry = build_registry(settings)
    await registry.start()
    try:
        for provider in registry.providers:
            print(f"### {provider.name}\n")
            print(markdown(coverage(provider)))
            print()
    finally:
        await registry.close()


if __name__ == "__main__":
    asyncio.run(_main(sys.argv[1:]))
