"""Workflow definitions are validated when loaded, with errors that name the file and line."""

from pathlib import Path

import pytest

from imi.reference import procedures
from imi.workflows import WorkflowError, workflows
from imi.workflows.loader import read

VALID = """
name: tiny
parties: [SENDER, RECEIVER]
states: [DRAFT, SENT, DONE]
initial: DRAFT
terminal: [DONE]
transitions:
  - {action: SEND, by: SENDER, from: [DRAFT], to: SENT, profiles: [REQUEST_HANDLER]}
  - {action: FINISH, by: RECEIVER, from: [SENT], to: DONE, profiles: [REQUEST_HANDLER]}
deadlines:
  - {state: SENT, days: 10, from: sent_at, effect: LEGAL_EFFECT, then: FINISH}
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "tiny.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_definition_loads(tmp_path: Path) -> None:
    _, flow = read(_write(tmp_path, VALID))
    assert flow.actions == ("SEND", "FINISH") and flow.deadlines[0].then == "FINISH"


@pytest.mark.parametrize(("change", "message", "line"), [
    (("to: DONE, profiles", "to: LIMBO, profiles"), "unknown states ['LIMBO']", 9),
    (("by: RECEIVER", "by: NOBODY"), "party 'NOBODY' is not declared", 9),
    ((", profiles: [REQUEST_HANDLER]}\n  - {action: FINISH", ", profiles: []}\n  - {action: FINISH"),
     "no right allows it", 8),
    (("from: [SENT], to: DONE", "from: [DRAFT], to: SENT"), "unreachable states: ['DONE']", 4),
    (("then: FINISH", "then: EXPLODE"), "`then` must be an action", 11),
    (("initial: DRAFT", "initial: START"), "initial state START", 5),
    (("days: 10", "days: 0"), "days <= 0", 11),
])
def test_broken_definitions_are_refused_naming_file_and_line(tmp_path: Path, change: tuple[str, str], message: str,
                                                            line: int) -> None:
    with pytest.raises(WorkflowError) as refused:
        read(_write(tmp_path, VALID.replace(*change)))
    assert message in str(refused.value) and str(refused.value).startswith(f"tiny.yaml:{line}:"), refused.value


def test_yaml_syntax_errors_name_the_line(tmp_path: Path) -> None:
    with pytest.raises(WorkflowError, match=r"^tiny.yaml:5: .*expected"):
        read(_write(tmp_path, "name: x\nparties: [A]\nstates: [S]\ninitial: [unclosed\n"))


def test_every_procedure_names_a_defined_workflow() -> None:
    defined = set(workflows())
    missing = {p.code: p.workflow for p in procedures() if p.workflow not in defined}
    assert not missing, missing
