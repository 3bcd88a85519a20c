"""Reading workflow definitions from YAML, keeping line numbers for clear errors."""

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from imi import yamlfiles
from imi.accounts.profiles import Profile
from imi.workflows.definition import (
    Condition,
    CountryRule,
    Deadline,
    DeadlineEffect,
    Party,
    PartySource,
    Start,
    Transition,
    Workflow,
    WorkflowError,
    validate,
    validate_labels,
)

DATA_DIR = Path(__file__).parent / "data"
LINE = "__line__"
KEY_LINES = "__lines__"


def load_yaml(path: Path) -> Any:
    """One file's mappings with their lines (`__line__`, and `__lines__` per key)."""
    try:
        return yamlfiles.load(path.read_text(encoding="utf-8"), lines=True)
    except yaml.MarkedYAMLError as error:
        raise WorkflowError(path, error.problem_mark.line + 1 if error.problem_mark else None,
                            str(error.problem)) from error


def read(path: Path, labelled: Mapping[str, set[str]] | None = None) -> tuple[dict[str, Any], Workflow]:
    """The raw mapping and the parsed, validated workflow of one file; with `labelled` (label codes by kind),
    its states, actions and parties must also be labelled."""
    raw = load_yaml(path)
    flow = parse(path, raw)
    validate(flow)
    if labelled is not None:
        validate_labels(flow, labelled)
    return raw, flow


def strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value or ())


def _line(node: Any) -> int | None:
    return node.get(LINE) if isinstance(node, dict) else None


def _profiles(node: dict[str, Any]) -> frozenset[Profile]:
    return frozenset(Profile(p) for p in strings(node.get("profiles")))


def _parties(raw: Any) -> tuple[tuple[str, ...], tuple[Party, ...]]:
    """A list of names (the kind's own rules decide), or a mapping of each name to where it comes from."""
    if isinstance(raw, dict):
        specs = []
        for name, spec in raw.items():
            if name in (LINE, KEY_LINES):
                continue
            if isinstance(spec, dict):
                specs.append(Party(str(name), PartySource(spec["source"]), CountryRule(spec.get("country", "any"))))
            else:
                specs.append(Party(str(name), PartySource(spec)))
        return tuple(p.name for p in specs), tuple(specs)
    names = strings(raw)
    return names, tuple(Party(name) for name in names)


def _transition(node: dict[str, Any]) -> Transition:
    return Transition(
        action=str(node["action"]), by=str(node["by"]), from_states=frozenset(strings(node["from"])),
        to=str(node["to"]) if node.get("to") else None, profiles=_profiles(node),
        requires=strings(node.get("requires")), form=node.get("form"), assign=node.get("assign"),
        stamps=strings(node.get("stamps")), line=_line(node),
    )


def _start(node: Any) -> Start | None:
    if node is None:
        return None
    return Start(by=str(node["by"]), profiles=_profiles(node), form=node.get("form"),
                 requires=strings(node.get("requires")), assign=node.get("assign"), stamps=strings(node.get("stamps")),
                 line=_line(node))


def _condition(node: Any) -> Condition | None:
    if node is None:
        return None
    values = strings(node["in"]) if "in" in node else strings(node["equals"])
    return Condition(item=str(node["item"]), values=frozenset(values))


def parse_deadlines(nodes: Any) -> tuple[Deadline, ...]:
    """Deadlines of a workflow (or of a procedure, added to its workflow's). A deadline may name several states
    (one deadline each); `days`, `weeks` or `months` give its length."""
    found: list[Deadline] = []
    for node in nodes or []:
        for state in strings(node["state"]):
            count = sum(1 for d in found if d.state == state) + 1
            found.append(Deadline(
                state=state, days=int(node.get("days", 0)) + 7 * int(node.get("weeks", 0)),
                months=int(node.get("months", 0)), from_field=str(node["from"]),
                effect=DeadlineEffect(node["effect"]), then=node.get("then"), when=_condition(node.get("when")),
                key=str(node.get("id") or f"{state}.{count}"), line=_line(node),
            ))
    return tuple(found)


def parse(path: Path, raw: Any) -> Workflow:
    if not isinstance(raw, dict):
        raise WorkflowError(path, None, "a workflow is a mapping")
    try:
        names, specs = _parties(raw["parties"])
        return Workflow(
            name=str(raw["name"]), parties=names, states=strings(raw["states"]), initial=str(raw["initial"]),
            terminal=frozenset(strings(raw.get("terminal"))),
            transitions=tuple(_transition(t) for t in raw["transitions"]),
            deadlines=parse_deadlines(raw.get("deadlines")), party_specs=specs, start=_start(raw.get("start")),
            source=path.name, lines=dict(raw.get(KEY_LINES, {})),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise WorkflowError(path, raw.get(LINE), f"invalid definition: {error!r}") from error
