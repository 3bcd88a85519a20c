"""Definitions the generic engine runs are validated when loaded: party sources, assignments, requirements,
SYSTEM steps for legal effects, deadline moments and conditions, labels in the catalogue, forms that are
sections of the procedure's catalogue; each error names the file and line."""

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from imi.procedures import sources
from imi.procedures.definitions import definitions
from imi.workflows import WorkflowError, workflows
from imi.workflows.loader import read
from imi.workflows.registry import labelled_codes

CASE = """\
name: tiny_case
parties:
  ASKING: requesting_authority
  ANSWERING: {source: responding_authority, country: other}
states: [DRAFT, SENT, DONE]
initial: DRAFT
terminal: [DONE]
start: {by: ASKING, profiles: [REQUEST_HANDLER]}
transitions:
  - {action: SEND, by: ASKING, from: [DRAFT], to: SENT, profiles: [REQUEST_HANDLER], requires: [to_authority],
     assign: ANSWERING, stamps: [sent_at]}
  - {action: FINISH, by: SYSTEM, from: [SENT], to: DONE}
deadlines:
  - {state: SENT, months: 1, from: sent_at, effect: LEGAL_EFFECT, then: FINISH}
"""
LABELS = {"workflow_states": {"DRAFT", "SENT", "DONE"}, "workflow_actions": {"SEND", "FINISH"},
          "workflow_parties": {"ASKING", "ANSWERING"}}


def _write(tmp_path: Path, text: str, name: str = "tiny_case.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_case_workflow_loads(tmp_path: Path) -> None:
    _, flow = read(_write(tmp_path, CASE), LABELS)
    assert flow.generic and flow.creator == "ASKING"
    assert flow.party("ANSWERING").country.value == "other"
    assert flow.transitions_of("SEND")[0].assign == "ANSWERING"
    assert flow.deadlines[0].months == 1 and flow.deadlines[0].key == "SENT.1"


@pytest.mark.parametrize(("change", "message", "line"), [
    (("ANSWERING: {source: responding_authority, country: other}", "ANSWERING: somewhere"),
     "invalid definition", None),
    (("  ASKING: requesting_authority\n", "  ASKING: responding_authority\n"),
     "exactly one party is the requesting_authority", 2),
    (("assign: ANSWERING", "assign: NOBODY"), "assigns an undeclared party 'NOBODY'", 10),
    (("requires: [to_authority]", "requires: [signature]"), "cannot require ['signature']", 10),
    (("stamps: [sent_at]", "stamps: [sent_on]"), "unknown moments ['sent_on']", 10),
    (("{action: FINISH, by: SYSTEM, from: [SENT], to: DONE}", "{action: FINISH, by: SYSTEM, from: [SENT]}"),
     "a SYSTEM step must change the state", 12),
    (("{action: FINISH, by: SYSTEM", "{action: FINISH, by: ANSWERING"), "FINISH: no right allows it", 12),
    (("from: sent_at, effect", "from: received_at, effect"), "cannot count from 'received_at'", 14),
    (("months: 1", "months: 0"), "days <= 0", 14),
    (("start: {by: ASKING", "start: {by: ANSWERING"), "start: ANSWERING is not the creating party", 8),
])
def test_broken_case_workflows_are_refused_naming_file_and_line(tmp_path: Path, change: tuple[str, str],
                                                               message: str, line: int | None) -> None:
    with pytest.raises(WorkflowError) as refused:
        read(_write(tmp_path, CASE.replace(*change)), LABELS)
    assert message in str(refused.value), refused.value
    if line is not None:
        assert str(refused.value).startswith(f"tiny_case.yaml:{line}:"), refused.value


def test_a_legal_effect_in_a_case_must_be_a_system_step(tmp_path: Path) -> None:
    text = CASE.replace("by: SYSTEM, from: [SENT], to: DONE}",
                        "by: ANSWERING, from: [SENT], to: DONE, profiles: [REQUEST_HANDLER]}")
    with pytest.raises(WorkflowError, match=r"^tiny_case.yaml:14: .*`then` must be a SYSTEM step"):
        read(_write(tmp_path, text), LABELS)


@pytest.mark.parametrize(("kind", "code", "line"), [
    ("workflow_states", "DONE", 5), ("workflow_parties", "ANSWERING", 2), ("workflow_actions", "FINISH", 12)])
def test_missing_labels_are_refused_naming_file_and_line(tmp_path: Path, kind: str, code: str, line: int) -> None:
    labels = {k: v - {code} if k == kind else v for k, v in LABELS.items()}
    with pytest.raises(WorkflowError) as refused:
        read(_write(tmp_path, CASE), labels)
    assert str(refused.value) == f"tiny_case.yaml:{line}: missing translations: {kind} ['{code}']"


def test_every_packaged_workflow_is_labelled_in_the_catalogue() -> None:
    labelled = labelled_codes()
    for flow in workflows().values():
        states, actions, parties = flow.label_codes
        assert states <= labelled["workflow_states"] and actions <= labelled["workflow_actions"]
        assert parties <= labelled["workflow_parties"]
    assert {"CREATE", "DEADLINE_REMINDER", "DEADLINE_ESCALATION"} <= labelled["workflow_actions"]
    assert {"REMINDER", "ESCALATION", "LEGAL_EFFECT"} <= labelled["deadline_effects"]


@pytest.fixture
def broken_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the data-only procedure in a folder the loaders read, to be broken by the test."""
    root = tmp_path / "data"
    shutil.copytree(Path(__file__).parents[1] / "procedures" / "data_only", root)
    monkeypatch.setenv(sources.ENVIRONMENT, str(root))
    sources.reload()
    yield root
    monkeypatch.delenv(sources.ENVIRONMENT)
    sources.reload()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_data_only_procedure_is_valid(broken_copy: Path) -> None:
    assert definitions()["PERMIT_CHECK"].workflow.name == "permit_check"


@pytest.mark.parametrize(("file", "old", "new", "message"), [
    ("workflows/permit_check.yaml", "form: permit_check.permit, requires: [form, to_authority]",
     "form: permit_check.nothing, requires: [form, to_authority]",
     "permit_check.yaml:12: SEND: form permit_check.nothing is not a section of the catalogue of PERMIT_CHECK"),
    ("workflows/permit_check.yaml", "requires: [permit_check.permit.valid]", "requires: [permit_check.permit.x]",
     "permit_check.yaml:14: CONFIRM_PERMIT: requires ['permit_check.permit.x'], not items"),
    ("procedures/PERMIT_CHECK.yaml", "  - permit_check.permit.holder", "  - holder_name",
     "PERMIT_CHECK.yaml:6: personal data ['holder_name'] are not form items"),
    ("procedures/PERMIT_CHECK.yaml", "workflow: permit_check", "workflow: permit_checking",
     "PERMIT_CHECK.yaml:5: no workflow named permit_checking"),
    ("workflows/permit_check.yaml", "from: sent_at, effect: REMINDER",
     "from: permit_check.permit.number, effect: REMINDER",
     "permit_check.yaml:22: deadline in SENT: permit_check.permit.number is not a date item"),
])
def test_a_broken_data_folder_is_refused_naming_file_and_line(broken_copy: Path, file: str, old: str, new: str,
                                                             message: str) -> None:
    _edit(broken_copy / file, old, new)
    sources.reload()
    with pytest.raises(WorkflowError) as refused:
        definitions()
    assert str(refused.value).startswith(message), refused.value


def test_a_procedure_deadline_is_checked_against_its_workflow(broken_copy: Path) -> None:
    _edit(broken_copy / "procedures/PERMIT_CHECK.yaml", "retention:",
          "deadlines:\n  - {state: LIMBO, days: 3, from: sent_at, effect: REMINDER}\nretention:")
    sources.reload()
    with pytest.raises(WorkflowError, match=r"^PERMIT_CHECK.yaml:9: deadline in LIMBO: unknown state"):
        definitions()
