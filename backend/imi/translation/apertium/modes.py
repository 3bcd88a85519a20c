"""Apertium mode names ↔ our language codes, and the pair graph with its pivot routes.

Installed modes mix two- and three-letter codes and varieties (`es-pt`, `eng-spa`, `eng-hbs_HR`,
`spa-eng_US`). A mode serves one direction only: `ro-es` without `es-ro` is a one-way pair. Varieties
other than the served one are ignored (`pt_BR`, `eng_US`, `hbs_SR`, `hbs_BS`); Serbo-Croatian analysers
(`hbs-…`) accept Croatian input, but only `hbs_HR` generators produce Croatian.
"""

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from imi.reference import languages
from imi.translation.protocol import Capability, Route, Unserved

_SOURCE_ONLY = {"hbs": "hr"}
_VARIETIES = {("hbs", "HR"): "hr", ("hrv", "HR"): "hr", ("por", "PT"): "pt", ("pt", "PT"): "pt"}


@cache
def _codes() -> dict[str, str]:
    """Apertium base code (two or three letters) → our code."""
    table: dict[str, str] = {}
    for lang in languages():
        table[lang.code] = lang.code
        table[lang.iso639_3] = lang.code
    table["nor"] = table["no"] = "nb"
    return table


def our_code(apertium: str, *, as_source: bool) -> str | None:
    """Our language code for an Apertium code, or `None` when it is not a served language or variety."""
    base, _, variety = apertium.partition("_")
    if variety:
        return _VARIETIES.get((base, variety))
    if base in _codes():
        return _codes()[base]
    return _SOURCE_ONLY.get(base) if as_source else None


@dataclass(frozen=True, slots=True)
class Pair:
    """One installed direction: our codes, the CLI mode name and the apy `langpair`."""

    source: str
    target: str
    mode: str
    langpair: str


def pair_from_mode(mode: str) -> Pair | None:
    """`eng-hbs_HR` → Pair(en, hr); `None` for modes that are not a served pair (`Cyrl-Latn`, `eco-es-fr`)."""
    parts = mode.split("-")
    if len(parts) != 2:
        return None
    return pair_from_codes(parts[0], parts[1], mode=mode)


def pair_from_codes(source: str, target: str, *, mode: str | None = None) -> Pair | None:
    ours_source = our_code(source, as_source=True)
    ours_target = our_code(target, as_source=False)
    if ours_source is None or ours_target is None or ours_source == ours_target:
        return None
    return Pair(ours_source, ours_target, mode or f"{source}-{target}", f"{source}|{target}")


class PairGraph:
    """The directed graph of installed pairs; routes through pivot languages where no direct pair exists."""

    def __init__(self, pairs: Iterable[Pair], *, pivots: tuple[str, ...] = ("es", "en"), max_pivots: int = 1):
        self.pairs: dict[tuple[str, str], Pair] = {}
        for pair in sorted(pairs, key=lambda p: (len(p.mode), p.mode)):
            self.pairs.setdefault((pair.source, pair.target), pair)
        self.pivots = pivots
        self.max_pivots = max_pivots

    def __bool__(self) -> bool:
        return bool(self.pairs)

    def languages(self) -> set[str]:
        return {code for key in self.pairs for code in key}

    def _next(self, language: str) -> list[str]:
        return sorted(
            (t for (s, t) in self.pairs if s == language),
            key=lambda code: self.pivots.index(code) if code in self.pivots else len(self.pivots),
        )

    def route(self, source: str, target: str) -> Capability:
        """The shortest route (pivots preferred in their configured order), or why there is none."""
        if (source, target) in self.pairs:
            return Route(source, target)
        queue: deque[tuple[str, ...]] = deque([(source,)])
        while queue:
            path = queue.popleft()
            if len(path) - 1 > self.max_pivots:
                continue
            for step in self._next(path[-1]):
                if step in path or step not in self.pivots:
                    continue
                if (step, target) in self.pairs and len(path) <= self.max_pivots:
                    return Route(source, target, (*path[1:], step))
                queue.append((*path, step))
        return Unserved(self._why(source, target))

    def _why(self, source: str, target: str) -> str:
        served = self.languages()
        if (target, source) in self.pairs:
            return f"apertium's {self.pairs[(target, source)].mode} is one-way: only {target}→{source}"
        if source not in {s for s, _ in self.pairs}:
            if source in served:
                return f"apertium has language data only into {source}, not from it"
            return f"apertium has no installed language data for {source}"
        if target not in {t for _, t in self.pairs}:
            if target in served:
                return f"apertium has language data only from {target}, not into it"
            return f"apertium has no installed language data for {target}"
        pivots = "/".join(self.pivots) or "none"
        limit = f"up to {self.max_pivots} pivot(s)"
        return f"no apertium path {source}→{target} (direct, or through {pivots}, {limit})"

    def hops(self, route: Route) -> list[Pair]:
        """The installed pairs along a route."""
        path = route.path
        return [self.pairs[(path[i], path[i + 1])] for i in range(len(path) - 1)]
