"""The workflows of the data folder, by name."""

from functools import cache

from imi.workflows.definition import Workflow
from imi.workflows.loader import DATA_DIR, read


@cache
def workflows() -> dict[str, Workflow]:
    found = {}
    for path in sorted(DATA_DIR.glob("*.yaml")):
        _, flow = read(path)
        found[flow.name] = flow
    return found


def workflow(name: str) -> Workflow:
    """The workflow with this name; `KeyError` if unknown."""
    return workflows()[name]
