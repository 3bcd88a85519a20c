"""Reading workflow definitions from YAML, keeping line numbers for clear errors."""

from pathlib import Path
from typing import Any

import yaml

from imi.accounts.profiles import Profile
from imi.workflows.definition import Deadline, DeadlineEffect, Transition, Workflow, WorkflowError, validate

DATA_DIR = Path(__file__).parent / "data"


class _LineLoader(yaml.SafeLoader):
    """Records each mapping's line as `__line__`."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def read(path: Path) -> tuple[dict[str, Any], Workflow]:
    """The raw mapping and the parsed, validated workflow of one file."""
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.MarkedYAMLError as error:
        raise WorkflowError(path, error.problem_mark.line + 1 if error.problem_mark else None,
                            str(error.problem)) from error
    flow = parse(path, raw)
    validate(path, raw, flow)
    return raw, flow


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value or ())


def parse(path: Path, raw: Any) -> Workflow:
    if not isinstance(raw, dict):
        raise WorkflowError(path, None, "a workflow is a mapping")
    try:
        transitions = tuple(
            Transition(
                action=str(t["action"]), by=str(t["by"]), from_states=frozenset(_strings(t["from"])),
                to=str(t["to"]) if t.get("to") else None,
                profiles=frozenset(Profile(p) for p in _strings(t.get("profiles"))),
                requires=_strings(t.get("requires")), form=t.get("form"),
            )
            for t in raw["transitions"]
        )
        deadlines = tuple(
            Deadline(state=str(d["state"]), days=int(d["days"]), from_field=str(d["from"]),
                     effect=DeadlineEffect(d["effect"]), then=d.get("then"))
            for d in raw.get("deadlines", [])
        )
        return Workflow(
            name=str(raw["name"]), parties=_strings(raw["parties"]), states=_strings(raw["states"]),
            initial=str(raw["initial"]), terminal=frozenset(_strings(raw.get("terminal"))),
            transitions=transitions, deadlines=deadlines,
        )
    except (KeyError, TypeError, ValueError) as error:
        raise WorkflowError(path, raw.get("__line__"), f"invalid definition: {error!r}") from error
