"""The services alert through GraphQL: to the provider's country of establishment and the countries the sender
selects, validated by the sender's coordinator; the limited view until allocation; returned, modified, withdrawn."""

from dataclasses import dataclass

import pytest

from imi.accounts.profiles import Profile
from tests import world
from tests.broadcasts.operations import (
    ACK,
    BOX,
    CREATE,
    HAND_ON,
    MODIFY,
    SUBMIT,
    VALIDATE,
    VIEW,
    WITHDRAW,
    ok,
)
from tests.forms import required_form

AREA = "SERVICES"
PROCEDURE = "SERVICES_ALERT"
RETURN = """mutation($input: BroadcastStepInput!) { returnAlert(input: $input) {
  __typename ... on ExchangeSuccess { exchange { version state } } ... on Error { message } } }"""
LIMITED = {"services_alert.provider.establishment_state", "services_alert.risk.activity",
           "services_alert.measures.measures"}


@dataclass
class Cast:
    sender: world.Official  # a German trade inspectorate with alert rights
    validator: world.Official  # the German national coordinator
    establishment: world.Official  # the Polish coordinator: the provider is established in Poland
    handler: world.Official  # a Polish inspectorate
    selected: world.Official  # the Austrian coordinator: Austria is selected
    french: world.Official  # the French coordinator: France is not selected


@pytest.fixture
async def cast(clean_db: str, clock) -> Cast:
    now = clock.now()
    coordinating = [(None, Profile.VALIDATOR), (None, Profile.ALLOCATOR), (None, Profile.ALERT_HANDLER)]
    handling = [(AREA, Profile.ALERT_HANDLER), (AREA, Profile.REQUEST_HANDLER)]

    async def coordinator(country: str) -> world.Official:
        return await world.official(await world.coordinator(country, now), now, rights=coordinating)

    return Cast(
        sender=await world.official(await world.authority("DE", now, areas=(AREA,)), now, rights=handling),
        validator=await coordinator("DE"), establishment=await coordinator("PL"),
        handler=await world.official(await world.authority("PL", now, areas=(AREA,)), now, rights=handling),
        selected=await coordinator("AT"), french=await coordinator("FR"),
    )


async def test_a_services_alert_reaches_the_country_of_establishment_and_the_selected_ones(
        cast: Cast, client_for) -> None:
    sender, validator = await client_for(cast.sender), await client_for(cast.validator)
    establishment, handler = await client_for(cast.establishment), await client_for(cast.handler)
    selected, french = await client_for(cast.selected), await client_for(cast.french)
    form = required_form(PROCEDURE, services_alert__provider__name={"text": "Jan Nowak"},
                         services_alert__provider__establishment_state={"text": "Polska"},
                         services_alert__provider__address={"text": "ul. Długa 5, Kraków"},
                         services_alert__measures__measures={"choices": [
                             "services_alert.measures.measures.opt.suspension"]})

    draft = ok(await sender.gql(CREATE, {"input": {"procedure": PROCEDURE, "subject": "Gefährliche Gasinstallation",
                                                   "form": form}}), "createBroadcast")
    nowhere = await sender.gql(SUBMIT, {"input": {"exchangeId": draft["id"], "version": draft["version"]}})
    assert nowhere["submitAlert"]["problems"][0]["field"] == "countries", "a services alert goes to chosen countries"
    only_austria = ok(await sender.gql(MODIFY, {"input": {"exchangeId": draft["id"], "version": draft["version"],
                                                          "countries": ["AT"]}}), "modifyBroadcast")
    awaiting = ok(await sender.gql(SUBMIT, {"input": {"exchangeId": draft["id"], "version": only_austria["version"]}}),
                  "submitAlert")
    assert awaiting["state"] == "AWAITING_VALIDATION"
    returned = (await validator.gql(RETURN, {"input": {"exchangeId": draft["id"], "version": awaiting["version"],
                                                       "message": "Der Niederlassungsstaat Polen fehlt"}}))
    assert returned["returnAlert"]["exchange"]["state"] == "DRAFT"
    chosen = ok(await sender.gql(MODIFY, {"input": {"exchangeId": draft["id"], "countries": ["PL", "AT"],
                                                    "version": returned["returnAlert"]["exchange"]["version"]}}),
                "modifyBroadcast")
    assert chosen["countries"] == ["PL", "AT"]
    again = ok(await sender.gql(SUBMIT, {"input": {"exchangeId": draft["id"], "version": chosen["version"]}}),
               "submitAlert")
    sent = ok(await validator.gql(VALIDATE, {"input": {"exchangeId": draft["id"], "version": again["version"]}}),
              "validateAlert")
    assert sent["state"] == "BROADCAST"
    gid = draft["id"]

    reached = {p["country"] for p in (await sender.gql(VIEW, {"id": gid}))["exchange"]["participants"]
               if p["role"] == "RECIPIENT_COORDINATOR"}
    assert reached == {"PL", "AT"}, "the country of establishment and the selected country, no other"
    assert (await french.gql(VIEW, {"id": gid}))["exchange"] is None
    for coordinator in (establishment, selected):
        limited = (await coordinator.gql(VIEW, {"id": gid}))["exchange"]
        assert limited["limitedView"] and limited["personalDataStatus"] == "LIMITED_VIEW"
        assert {a["item"] for a in limited["answers"]} == LIMITED
        assert "Nowak" not in str(limited) and "Kraków" not in str(limited)
    assert [e["node"]["id"] for e in (await establishment.gql(BOX, {"box": "INCOMING", "kinds": ["ALERT"]})
                                      )["exchanges"]["edges"]] == [gid]

    allocated = await establishment.gql(HAND_ON, {"input": {"exchangeId": gid,
                                                            "authorityIds": [cast.handler.authority_gid]}})
    assert allocated["handOnBroadcast"]["added"] == 1
    assert allocated["handOnBroadcast"]["exchange"]["limitedView"], "the coordinator still sees the limited view"
    full = (await handler.gql(VIEW, {"id": gid}))["exchange"]
    assert not full["limitedView"] and {p["field"] for p in full["personalData"]} == {
        "services_alert.provider.name", "services_alert.provider.address"}
    assert (await handler.gql(ACK, {"input": {"exchangeId": gid}}))["acknowledgeBroadcast"]["__typename"] == \
        "ExchangeSuccess"
    assert (await selected.gql(ACK, {"input": {"exchangeId": gid}}))["acknowledgeBroadcast"]["__typename"] == \
        "ExchangeSuccess"

    corrected = ok(await sender.gql(MODIFY, {"input": {"exchangeId": gid, "version": sent["version"], "form": [
        {"item": "services_alert.provider.name", "text": "Jan Nowak Instalacje"}]}}), "modifyBroadcast")
    assert any(p["value"] == "Jan Nowak Instalacje" for p in (await handler.gql(VIEW, {"id": gid})
                                                              )["exchange"]["personalData"])
    withdrawn = ok(await sender.gql(WITHDRAW, {"input": {"exchangeId": gid, "version": corrected["version"],
                                                         "message": "Irrtum"}}), "withdrawBroadcast")
    assert withdrawn["state"] == "WITHDRAWN"
    timeline = [step["action"] for step in (await sender.gql(VIEW, {"id": gid}))["exchange"]["timeline"]]
    assert timeline == ["CREATE", "MODIFY", "SUBMIT", "RETURN_TO_SENDER", "MODIFY", "SUBMIT", "VALIDATE", "ALLOCATE",
                        "ACKNOWLEDGE", "ACKNOWLEDGE", "MODIFY", "WITHDRAW"]
