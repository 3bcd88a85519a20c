"""Shared registers fed by notifications: an entry per country and key, a new version for each modification,
withdrawn with its notification; searchable by country and by text in any language; visible to all users or to
a legal area's users; each entry with its history."""

from typing import Any

from tests.procedures.conftest import MakeParty, Party, answers, ok

PROFESSION = {
    "pqreg.profession.name": "Physiotherapeut",
    "pqreg.profession.regulation": "pqreg.profession.regulation.opt.both",
    "pqreg.profession.activities": "Behandlung von Bewegungsstörungen auf ärztliche Verordnung.",
    "pqreg.profession.competent_authority": "Bundesministerium für Gesundheit",
}
ENTRIES = """query($input: RepositoryEntriesInput!) { repositoryEntries(input: $input) { edges { node {
  id country status version values { item value display }
  history { version status exchangeReference values { item value } } } } } }"""
REPOSITORIES = "{ repositories { code name audience fedBy key legalArea { code } } }"
MODIFY = """mutation($input: ModifyBroadcastInput!) { modifyBroadcast(input: $input) {
  __typename ... on ExchangeSuccess { exchange { id version state } } ... on Error { message } } }"""


async def _entries(reader: Party, repository: str, **given: Any) -> list[dict[str, Any]]:
    data = await reader.gql(ENTRIES, {"input": {"repository": repository, **given}})
    return [edge["node"] for edge in data["repositoryEntries"]["edges"]]


async def _notify(sender: Party, code: str, values: dict[str, Any]) -> dict[str, Any]:
    draft = ok(await sender.create(code, "Meldung", form=answers(values)))
    return ok(await sender.act(draft, "SEND"))


async def test_regulated_professions_fed_by_notifications(party: MakeParty) -> None:
    austria, italy = await party("AT", "PROFESSIONAL_QUALIFICATIONS"), await party("IT", "PROFESSIONAL_QUALIFICATIONS")
    reader = await party("SE", "SERVICES", language="sv")
    registers = (await reader.gql(REPOSITORIES))["repositories"]
    assert [(r["code"], r["name"], r["audience"]) for r in registers] == [
        ("REGULATED_PROFESSIONS", "Reglerade yrken", "ALL_USERS")], "the EPC register is for its area only"

    draft = ok(await austria.create("PQ_REGULATED_PROFESSION_NOTIFICATION", "Physiotherapie",
                                    form=answers(PROFESSION)))
    assert await _entries(reader, "REGULATED_PROFESSIONS") == [], "a draft feeds nothing"
    sent = ok(await austria.act(draft, "SEND"))
    await _notify(italy, "PQ_REGULATED_PROFESSION_NOTIFICATION", {
        **PROFESSION, "pqreg.profession.name": "Fisioterapista",
        "pqreg.profession.regulation": "pqreg.profession.regulation.opt.title",
        "pqreg.profession.competent_authority": "Ministero della Salute"})

    [entry] = await _entries(reader, "REGULATED_PROFESSIONS", countries=["AT"])
    assert (entry["country"], entry["status"], entry["version"]) == ("AT", "CURRENT", 1)
    shown = {v["item"]: v["display"] for v in entry["values"]}
    assert shown["pqreg.profession.regulation"] == "Både titeln och förbehållna verksamheter"
    assert len(await _entries(reader, "REGULATED_PROFESSIONS")) == 2
    assert [e["country"] for e in await _entries(reader, "REGULATED_PROFESSIONS", text="skyddad yrkestitel")] == [
        "IT"], "options are found by their label in any language"
    assert [e["country"] for e in await _entries(reader, "REGULATED_PROFESSIONS", text="physiotherapeut")] == ["AT"]
    assert await _entries(reader, "REGULATED_PROFESSIONS", text="physiotherapeut zahnarzt") == []

    modified = (await austria.gql(MODIFY, {"input": {"exchangeId": sent["id"], "version": sent["version"],
                                                     "form": answers({"pqreg.profession.legal_basis":
                                                                      "Physiotherapiegesetz"})}}))["modifyBroadcast"]
    assert modified["__typename"] == "ExchangeSuccess", modified
    [entry] = await _entries(reader, "REGULATED_PROFESSIONS", countries=["AT"])
    assert entry["version"] == 2 and [h["version"] for h in entry["history"]] == [1, 2]
    assert "pqreg.profession.legal_basis" not in {v["item"] for v in entry["history"][0]["values"]}
    assert entry["history"][1]["exchangeReference"].startswith("NTF-")

    withdrawn = ok(await austria.act(modified["exchange"], "WITHDRAW"))
    assert withdrawn["state"] == "WITHDRAWN"
    assert [e["country"] for e in await _entries(reader, "REGULATED_PROFESSIONS")] == ["IT"]
    [kept] = await _entries(reader, "REGULATED_PROFESSIONS", countries=["AT"], includeWithdrawn=True)
    assert (kept["status"], [h["status"] for h in kept["history"]]) == ("WITHDRAWN", ["CURRENT", "CURRENT",
                                                                                     "WITHDRAWN"])


async def test_a_register_for_one_legal_area(party: MakeParty) -> None:
    sender = await party("PT", "EUROPEAN_PROFESSIONAL_CARD")
    colleague = await party("PL", "EUROPEAN_PROFESSIONAL_CARD")
    outsider = await party("PL", "SERVICES")
    await _notify(sender, "EPC_DOCUMENTS_NOTIFICATION", {
        "epcdocs.requirement.profession": "epcdocs.requirement.profession.opt.pharmacist",
        "epcdocs.requirement.purpose": "epcdocs.requirement.purpose.opt.establishment",
        "epcdocs.requirement.documents": "Diploma de farmacêutico; certificado de inscrição na Ordem."})
    assert [e["country"] for e in await _entries(colleague, "EPC_REQUIRED_DOCUMENTS")] == ["PT"]
    data = await outsider.client.post(ENTRIES, {"input": {"repository": "EPC_REQUIRED_DOCUMENTS"}})
    assert data.json()["errors"][0]["message"] == "no such repository"
    assert "EPC_REQUIRED_DOCUMENTS" not in {r["code"] for r in (await outsider.gql(REPOSITORIES))["repositories"]}
