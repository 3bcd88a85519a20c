"""A procedure's whole definition: its reference data, its workflow with the procedure's own deadlines added,
and its catalogue; validated together, with errors that name the file and line."""

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from imi.catalogue import catalogue_set
from imi.catalogue.model import AnswerType, Catalogue, Item, Section
from imi.procedures import sources
from imi.reference import ExchangeKind, Procedure, procedures
from imi.reference.procedures import procedure_files
from imi.workflows import Workflow, WorkflowError, workflows
from imi.workflows.definition import validate_deadline
from imi.workflows.loader import KEY_LINES, load_yaml, parse_deadlines


@dataclass(frozen=True)
class Definition:
    """Everything the engine needs to run one procedure's exchanges."""

    procedure: Procedure
    workflow: Workflow
    catalogue: Catalogue | None

    @property
    def code(self) -> str:
        return self.procedure.code

    @property
    def generic(self) -> bool:
        return self.workflow.generic

    def sections(self) -> Iterator[Section]:
        yield from self.catalogue.sections if self.catalogue else ()

    def section(self, section_id: str) -> Section:
        """A section of the procedure's catalogue; `KeyError` if it has none by that id."""
        for section in self.sections():
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def items(self) -> dict[str, Item]:
        return {item.id: item for section in self.sections() for item in section.items}


def _check(proc: Procedure, path: Path, flow: Workflow, catalogue: Catalogue | None) -> None:
    """Forms, required items and conditions name the procedure's own catalogue; a CASE runs on the generic
    engine; its personal data are form items; its name is translated."""
    where = flow.source
    section_ids = {s.id for s in catalogue.sections} if catalogue else set()
    item_ids = {i.id for s in catalogue.sections for i in s.items} if catalogue else set()
    steps = [(t.action, t.form, t.requires, t.line) for t in flow.transitions]
    if flow.start is not None:
        steps.append(("start", flow.start.form, flow.start.requires, flow.start.line))
    for action, form, requires, line in steps:
        if form is not None and form not in section_ids:
            raise WorkflowError(where, line, f"{action}: form {form} is not a section of the catalogue of {proc.code}")
        missing = [r for r in requires if "." in r and r not in item_ids]
        if missing:
            raise WorkflowError(where, line, f"{action}: requires {missing}, not items of {proc.code}'s catalogue")
    dates = {i.id for s in catalogue.sections for i in s.items if i.type is AnswerType.DATE} if catalogue else set()
    for deadline in flow.deadlines:
        if "." in deadline.from_field and deadline.from_field not in dates:
            raise WorkflowError(where, deadline.line, f"deadline in {deadline.state}: {deadline.from_field} is not a "
                                                      f"date item of {proc.code}'s catalogue")
        if deadline.when is not None and deadline.when.item not in item_ids:
            raise WorkflowError(where, deadline.line, f"deadline in {deadline.state}: {deadline.when.item} is not "
                                                      f"an item of {proc.code}'s catalogue")
    raw = load_yaml(path)
    lines = raw.get(KEY_LINES, {})
    if proc.kind is ExchangeKind.CASE and not flow.generic:
        raise WorkflowError(path, lines.get("workflow"), f"a CASE needs a workflow whose parties say where the "
                                                         f"exchange names them; {flow.name} does not")
    if flow.generic:
        odd = [f for f in proc.personal_data if f not in item_ids]
        if odd:
            raise WorkflowError(path, lines.get("personal_data"), f"personal data {odd} are not form items")
    if proc.code not in catalogue_set().labels.kinds.get("procedures", {}):
        raise WorkflowError(path, lines.get("code"), f"missing translations: procedures ['{proc.code}']")


def _own_deadlines(path: Path, flow: Workflow) -> Workflow:
    """The workflow with the deadlines the procedure file adds."""
    raw = load_yaml(path)
    if not raw.get("deadlines"):
        return flow
    try:
        extra = parse_deadlines(raw["deadlines"])
    except (KeyError, TypeError, ValueError) as error:
        raise WorkflowError(path, raw.get(KEY_LINES, {}).get("deadlines"), f"invalid deadline: {error!r}") from error
    combined = flow.with_deadlines(tuple(d for d in extra))
    for deadline in extra:
        validate_deadline(combined, deadline, path)
    return combined


@cache
def definitions() -> dict[str, Definition]:
    """Every procedure's definition, validated; the first problem raises `WorkflowError`."""
    paths = {path.stem: path for path in procedure_files()}
    flows = workflows()
    catalogues = catalogue_set().catalogues
    found: dict[str, Definition] = {}
    for proc in procedures():
        path = paths[proc.code]
        if proc.workflow not in flows:
            raise WorkflowError(path, load_yaml(path).get(KEY_LINES, {}).get("workflow"),
                                f"no workflow named {proc.workflow}")
        flow = _own_deadlines(path, flows[proc.workflow])
        catalogue = catalogues.get(proc.code)
        _check(proc, path, flow, catalogue)
        found[proc.code] = Definition(proc, flow, catalogue)
    return found


sources.on_reload(definitions.cache_clear)


def definition(code: str) -> Definition:
    """The definition of one procedure; `KeyError` if unknown."""
    return definitions()[code]
