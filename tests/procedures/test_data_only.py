"""A procedure added from data files alone (a procedure, a workflow, a form and its labels in `data_only/`, named by
`IMI_PROCEDURE_DATA`), run end to end through GraphQL: its definition, creation, the counterpart, the step's
form and required item, its reminder, the tracking lists and the closure. No code knows of it."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from imi.procedures import sources
from imi.reference import procedure
from tests.procedures import operations as ops
from tests.procedures.conftest import MakeParty, answers, ok, refused

DATA = Path(__file__).parent / "data_only"
AREA = "SERVICES"


@pytest.fixture
def data_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(sources.ENVIRONMENT, str(DATA))
    sources.reload()
    yield
    monkeypatch.delenv(sources.ENVIRONMENT)
    sources.reload()


def test_without_the_folder_the_procedure_does_not_exist() -> None:
    with pytest.raises(KeyError):
        procedure("PERMIT_CHECK")


async def test_a_procedure_from_data_files_alone(data_only: None, party: MakeParty, travel, run_deadlines) -> None:
    asking, issuing = await party("BE", AREA, language="fr"), await party("LU", AREA, language="de")
    definition = (await asking.gql(ops.DEFINITION, {"code": "PERMIT_CHECK"}))["procedureDefinition"]
    assert definition["name"] == "Vérification d'un permis d'exploitation" and definition["generic"]
    assert (definition["kind"], definition["workflow"], definition["legalArea"]["code"]) == (
        "CASE", "permit_check", AREA)
    assert [s["label"] for s in definition["states"]] == ["Brouillon", "Envoyé", "Confirmé", "Clôturé"]
    assert {p["code"]: p["source"] for p in definition["parties"]} == {
        "ASKING_AUTHORITY": "requesting_authority", "ISSUING_AUTHORITY": "responding_authority"}
    assert definition["startForm"]["title"] == "Le permis"
    assert [d["days"] for d in definition["deadlines"]] == [10]

    draft = ok(await asking.create("PERMIT_CHECK", "Permis n° 2026-117", form=answers({
        "permit_check.permit.number": "2026-117"})))
    assert draft["state"] == "DRAFT" and draft["allowedActions"] == ["SEND", "ADD_MESSAGE"]
    incomplete = refused(await asking.act(draft, "SEND", toAuthorityId=issuing.authority_gid), "ValidationFailed")
    assert incomplete["problems"] == [{"field": "form.permit_check.permit.holder", "message": "is required"}]
    sent = ok(await asking.act(draft, "SEND", toAuthorityId=issuing.authority_gid, form=answers({
        "permit_check.permit.holder": "Transports Dupont SA"})))
    assert sent["state"] == "SENT"

    seen = await issuing.detail(sent)
    assert seen["stateLabel"] == "Gesendet" and seen["myParties"] == ["ISSUING_AUTHORITY"]
    assert [(a["action"], a["label"]) for a in seen["actions"]] == [
        ("CONFIRM_PERMIT", "Genehmigung bestätigen"), ("ADD_MESSAGE", "Nachricht hinzufügen")]
    assert seen["personalData"] == [{"field": "permit_check.permit.holder", "value": "Transports Dupont SA"}]
    assert await issuing.box("TO_ACT") == [sent["id"]]

    await travel(days=11)
    assert [a.action for a in await run_deadlines()] == ["DEADLINE_REMINDER"]
    assert await issuing.box("TO_ACT_OVERDUE") == [sent["id"]]
    unanswered = refused(await issuing.act(seen, "CONFIRM_PERMIT"), "ValidationFailed")
    assert unanswered["problems"][0]["field"] == "form.permit_check.permit.valid"
    confirmed = ok(await issuing.act(seen, "CONFIRM_PERMIT", form=answers({"permit_check.permit.valid": "YES"})))
    assert confirmed["state"] == "CONFIRMED"
    closed = ok(await asking.act(confirmed, "CLOSE"))
    assert closed["state"] == "CLOSED"
    final = await asking.detail(closed)
    assert [e["actionLabel"] for e in final["timeline"]] == [
        "Création", "Envoyer", "Rappel d'échéance", "Confirmer le permis", "Clôturer"]
