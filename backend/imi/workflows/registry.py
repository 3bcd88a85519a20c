"""The workflows of the data folders, by name, each validated and its states, actions and parties labelled in
the catalogue."""

from functools import cache
from pathlib import Path

from imi.procedures import sources
from imi.workflows.definition import Workflow, WorkflowError
from imi.workflows.loader import DATA_DIR, read


def workflow_files() -> list[Path]:
    return sources.files("workflows", DATA_DIR)


def labelled_codes() -> dict[str, set[str]]:
    """The codes the catalogue labels, by label kind."""
    from imi.catalogue import catalogue_set

    return {kind: set(codes) for kind, codes in catalogue_set().labels.kinds.items()}


@cache
def workflows() -> dict[str, Workflow]:
    found: dict[str, Workflow] = {}
    labelled = labelled_codes()
    for path in workflow_files():
        _, flow = read(path, labelled)
        if flow.name in found:
            raise WorkflowError(path, flow.lines.get("name"), f"workflow {flow.name} is defined twice")
        found[flow.name] = flow
    return found


sources.on_reload(workflows.cache_clear)


def workflow(name: str) -> Workflow:
    """The workflow with this name; `KeyError` if unknown."""
    return workflows()[name]
