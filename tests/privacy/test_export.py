"""Everything held about a data subject, for an access request: found by name in personal data and forms,
blocked data shown as held but not given, deleted data gone, each export audited."""

from imi.clock import FixedClock
from imi.privacy import audit, job, rules
from imi.privacy.export import export_subject
from imi.privacy.models import ActorKind, AuditAction, AuditEntry
from tests.privacy.conftest import PDF, Flows, MakeClient, later

EXPORT = """query($input: SubjectExportInput!) { subjectAccessExport(input: $input) {
  subject generatedAt exchangeCount document } }"""


def by_reference(document: dict) -> dict[str, dict]:
    return {e["reference"]: e for e in document["exchanges"]}


async def test_everything_held_about_a_subject(flows: Flows, clock: FixedClock) -> None:
    old = await flows.request(message="Jan Kowalski ist eingetragen.")
    later(clock, rules.add_months(clock.now(), 7))
    await job.run(clock.now())  # the old request's data is blocked now
    current = await flows.request(name="Kowalski, Jan", attachment=PDF, close=False, message="Diplom anbei.")
    alert = await flows.alert(surname="Kowalski", first_names="Jan Piotr")
    await flows.request(name="Anna Nowak")
    await flows.request(name="Jan Kowalczyk")

    document = await export_subject("jan KOWALSKI", audit.OPERATOR, clock.now())
    found = by_reference(document)
    assert set(found) == {old.reference, current.reference, alert.reference}

    held = found[current.reference]
    assert held["personalDataStatus"] == "HELD" and held["matchedFields"] == ["full_name", "pq.training.content"]
    assert held["personalData"] == {"full_name": "Kowalski, Jan", "registration_number": "PL-2020/4711"}
    assert [m["text"] for m in held["messages"]] == ["Diplom anbei."]
    assert [a["filename"] for a in held["attachments"]] == ["Kowalski, Jan.pdf"]
    assert [e["action"] for e in held["timeline"]] == ["CREATE", "ADD_ATTACHMENT", "SEND", "ACCEPT", "ANSWER"]
    assert {a["part"] for a in held["authorities"]} == {"REQUESTING_AUTHORITY", "RESPONDING_AUTHORITY"}

    blocked = found[old.reference]
    assert blocked["personalDataStatus"] == "BLOCKED" and blocked["personalData"] is None
    assert blocked["personalDataFields"] == ["full_name", "registration_number"], "shown as held, not given"
    assert "Kowalski" not in str(blocked["messages"]) + str(blocked["answers"])
    assert found[alert.reference]["matchedFields"] == ["pq_alert.professional.first_names",
                                                       "pq_alert.professional.surname"]

    entries = await AuditEntry.filter(action=AuditAction.EXPORT).order_by("id")
    assert {e.exchange_reference for e in entries} == set(found)
    assert {e.actor for e in entries} == {ActorKind.OPERATOR}
    assert "Kowalski" not in str([(e.detail, e.personal_fields) for e in entries]), "the subject is not logged"

    later(clock, rules.add_months(clock.now(), 40))
    await job.run(clock.now())
    assert (await export_subject("Jan Kowalski", audit.OPERATOR, clock.now()))["exchanges"] == [], "deleted"
    assert await AuditEntry.filter(action=AuditAction.EXPORT, exchange_id__isnull=True).count() == 1


async def test_coordinators_export_for_their_authorities_only(flows: Flows, client_for: MakeClient,
                                                              clock: FixedClock) -> None:
    cast = flows.cast
    ours = await flows.request(close=False)
    theirs = await flows.request(by=cast.colleague, close=False)
    clock.advance(minutes=5)

    async def export(person) -> set[str]:
        client = await client_for(person)
        data = (await client.gql(EXPORT, {"input": {"subject": "Jan Kowalski"}}))["subjectAccessExport"]
        assert data["exchangeCount"] == len(data["document"]["exchanges"])
        return set(by_reference(data["document"]))

    assert await export(cast.de_coordinator) == {ours.reference, theirs.reference}
    assert await export(cast.pl_coordinator) == {ours.reference, theirs.reference}, "its chamber took part in both"
    assert await export(cast.administrator) == {ours.reference}
    entries = await AuditEntry.filter(action=AuditAction.EXPORT, user_id=cast.administrator.user_id)
    assert [e.exchange_id for e in entries] == [ours.id] and entries[0].at == clock.now()

    official = await client_for(cast.requester)
    refused = (await official.post(EXPORT, {"input": {"subject": "Jan Kowalski"}})).json()
    assert refused["data"] is None and "only a coordinator" in refused["errors"][0]["message"]
    too_broad = (await (await client_for(cast.de_coordinator)).post(EXPORT, {"input": {"subject": "Jan"}})).json()
    assert too_broad["data"] is None and "name and a surname" in too_broad["errors"][0]["message"]
    assert await AuditEntry.filter(action=AuditAction.EXPORT).count() == 2 + 2 + 1, "refusals export nothing"
