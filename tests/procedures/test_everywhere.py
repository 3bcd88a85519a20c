"""Cases go where every exchange goes: usage statistics count them by kind and procedure, the event stream carries
their steps and deadline events and shows them to the authorities concerned, each procedure's definition
(retention included) is readable over GraphQL, and a case's formal closure is recorded for retention."""

from datetime import date

from imi.clock import FixedClock
from imi.events import log as event_log
from imi.exchanges.models import Exchange
from imi.exchanges.visibility import participants_of, view
from imi.graphql.ids import decode
from imi.privacy import job as privacy_job
from imi.procedures.definitions import definitions
from imi.statistics import service as statistics
from imi.statistics.usage import GroupBy
from tests import world
from tests.procedures import operations as ops
from tests.procedures.conftest import MakeParty, answers, ok
from tests.procedures.test_epc import VERIFIED, application
from tests.procedures.test_gdpr_one_stop_shop import DRAFT
from tests.procedures.test_solvit import COMPLAINT, SUBMISSION


async def test_cases_are_counted_streamed_and_shown(party: MakeParty, clock: FixedClock, travel,
                                                   run_deadlines) -> None:
    home, lead = await party("DE", "SOLVIT"), await party("PL", "SOLVIT")
    epc_home, epc_host = await party("AT", "EUROPEAN_PROFESSIONAL_CARD"), await party("FR",
                                                                                      "EUROPEAN_PROFESSIONAL_CARD")
    gdpr_lead, concerned = await party("IE", "GDPR"), await party("NL", "GDPR")

    case = ok(await home.create("SOLVIT_CASE", "Anerkennung", form=answers(COMPLAINT)))
    prepared = ok(await home.act(case, "REPLY_TO_APPLICANT"))
    ok(await home.act(prepared, "SUBMIT", form=answers(SUBMISSION), toAuthorityId=lead.authority_gid))
    filed = ok(await epc_home.create("EPC_APPLICATION", "EPC", form=application(
        "epc.application.recognition_basis.opt.automatic")))
    verifying = ok(await epc_home.act(filed, "ACKNOWLEDGE"))
    ok(await epc_home.act(verifying, "TRANSMIT", form=VERIFIED, toAuthorityId=epc_host.authority_gid))
    draft = ok(await gdpr_lead.create("GDPR_ONE_STOP_SHOP", "Draft", form=answers(DRAFT)))
    shared = ok(await gdpr_lead.act(draft, "SHARE_DRAFT", authorityIds=[concerned.authority_gid]))
    await travel(weeks=5)
    assert {a.action for a in await run_deadlines()} == {"RECOGNISE_TACITLY", "DEEM_AGREED", "DEADLINE_REMINDER"}

    principal = await world.principal_of(home.person)
    today = clock.now().date()
    usage = await statistics.usage_statistics(principal, date(today.year, 1, 1), today,
                                              [GroupBy.EXCHANGE_KIND, GroupBy.PROCEDURE])
    assert {(r.exchange_kind, r.procedure): r.count for r in usage.rows} == {
        ("CASE", "SOLVIT_CASE"): 1, ("CASE", "EPC_APPLICATION"): 1, ("CASE", "GDPR_ONE_STOP_SHOP"): 1}

    streamed = await event_log.assign_positions()
    cases = [e for e in streamed if e.kind == "CASE"]
    assert {e.procedure for e in cases} == {"SOLVIT_CASE", "EPC_APPLICATION", "GDPR_ONE_STOP_SHOP"}
    assert ("GDPR_ONE_STOP_SHOP", "DEEM_AGREED", "AGREED") in {(e.procedure, e.action, e.to_state) for e in cases}
    assert any(e.action == "DEADLINE_REMINDER" and e.procedure == "SOLVIT_CASE" for e in cases)

    row = await Exchange.get(id=decode(shared["id"], "Exchange"))
    seen = view(await world.principal_of(concerned.person), row, (await participants_of([row]))[row.id])
    assert seen is not None and seen.parties == {"CONCERNED_AUTHORITY"}
    assert view(await world.principal_of(lead.person), row, (await participants_of([row]))[row.id]) is None


async def test_every_procedure_definition_is_readable(party: MakeParty) -> None:
    reader = await party("LU", "SERVICES", language="fr")
    for code, found in definitions().items():
        definition = (await reader.gql(ops.DEFINITION, {"code": code}))["procedureDefinition"]
        retention = found.procedure.retention
        assert definition["retention"] == {"blockAfterMonths": retention.block_after_months,
                                           "deleteAfterYears": retention.delete_after_years}
        assert definition["kind"] == found.procedure.kind.value and definition["name"] != code
        assert all(a["label"] != a["action"] for a in definition["actions"])
    epc = (await reader.gql(ops.DEFINITION, {"code": "EPC_APPLICATION", "language": "de"}))["procedureDefinition"]
    decisions = [d for d in epc["deadlines"] if d["key"] == "decision"]
    assert [(d["months"], d["conditionValues"]) for d in decisions] == [
        (1, ["epc.application.recognition_basis.opt.automatic"]),
        (2, ["epc.application.recognition_basis.opt.general"])]
    assert decisions[0]["thenLabel"] == "Stillschweigende Anerkennung nach Fristablauf"
    assert (await reader.gql(ops.DEFINITION, {"code": "NO_SUCH"}))["procedureDefinition"] is None


async def test_a_closed_case_follows_its_procedures_retention(party: MakeParty, clock: FixedClock, travel) -> None:
    home = await party("ES", "SOLVIT")
    case = ok(await home.create("SOLVIT_CASE", "Caso", form=answers(COMPLAINT)))
    declined = ok(await home.act(case, "DECLINE", message="El problema no es transfronterizo."))
    row = await Exchange.get(id=decode(declined["id"], "Exchange"))
    assert row.closed_at == clock.now() and row.withdrawn_at is None
    assert (await home.detail(declined))["personalDataStatus"] == "VISIBLE"
    await travel(days=180)
    assert await privacy_job.run(clock.now()) == privacy_job.Outcome([], 0), "six months from closure: not yet"
    await travel(days=5)
    [blocked] = (await privacy_job.run(clock.now())).done
    assert blocked.exchange_id == row.id
    shown = await home.detail(declined)
    assert shown["personalDataStatus"] == "BLOCKED" and shown["personalData"] is None
