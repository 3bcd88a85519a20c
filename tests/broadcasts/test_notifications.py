"""The services notification through GraphQL: created, sent to selected countries, disseminated inside a
country, commented, modified, closed or withdrawn; each step on the timeline, each wrong step refused, typed."""

from dataclasses import dataclass

import pytest

from imi.accounts.profiles import Profile
from tests import world
from tests.broadcasts.operations import (
    ACK,
    BOX,
    CLOSE,
    COMMENT,
    CREATE,
    HAND_ON,
    MODIFY,
    SEND,
    VIEW,
    WITHDRAW,
    ok,
)
from tests.forms import required_form

AREA = "SERVICES"
PROCEDURE = "SERVICES_NOTIFICATION"


@dataclass
class Cast:
    sender: world.Official  # a German ministry notifying a new requirement
    incoming: world.Official  # the Polish national coordinator (receives it for Poland)
    handler: world.Official  # a Polish authority it is disseminated to
    french: world.Official  # the French national coordinator (receives it for France)
    outsider: world.Official  # an Austrian authority (Austria is not selected)
    viewer: world.Official  # a German official of the sender's authority who may only read


@pytest.fixture
async def cast(clean_db: str, clock) -> Cast:
    now = clock.now()
    coordinating = [(None, Profile.ALLOCATOR), (None, Profile.REQUEST_HANDLER), (None, Profile.VALIDATOR)]
    handling = [(AREA, Profile.REQUEST_HANDLER)]
    sender_authority = await world.authority("DE", now, areas=(AREA,))
    return Cast(
        sender=await world.official(sender_authority, now, rights=handling, language="de"),
        incoming=await world.official(await world.coordinator("PL", now), now, rights=coordinating, language="pl"),
        handler=await world.official(await world.authority("PL", now, areas=(AREA,)), now, rights=handling,
                                     language="pl"),
        french=await world.official(await world.coordinator("FR", now), now, rights=coordinating, language="fr"),
        outsider=await world.official(await world.authority("AT", now, areas=(AREA,)), now, rights=handling),
        viewer=await world.official(sender_authority, now, rights=[(AREA, Profile.VIEWER)]),
    )


def _timeline(view: dict) -> list[str]:
    return [step["action"] for step in view["timeline"]]


async def test_a_notification_from_draft_to_closure(cast: Cast, client_for) -> None:
    sender, incoming, handler = (await client_for(cast.sender), await client_for(cast.incoming),
                                 await client_for(cast.handler))
    french, outsider = await client_for(cast.french), await client_for(cast.outsider)
    form = required_form(PROCEDURE)

    own = await sender.gql(CREATE, {"input": {"procedure": PROCEDURE, "subject": "Neue Anforderung", "form": form,
                                              "countries": ["PL", "DE"]}})
    assert own["createBroadcast"]["__typename"] == "ValidationFailed", "not to one's own country"
    unknown = await sender.gql(CREATE, {"input": {"procedure": PROCEDURE, "subject": "x", "countries": ["XX"]}})
    assert unknown["createBroadcast"]["problems"][0]["field"] == "countries"
    reader = await client_for(cast.viewer)
    refused = await reader.gql(CREATE, {"input": {"procedure": PROCEDURE, "subject": "x", "countries": ["PL"]}})
    assert refused["createBroadcast"]["__typename"] == "NotAllowed", "a viewer creates nothing"

    draft = ok(await sender.gql(CREATE, {"input": {"procedure": PROCEDURE, "subject": "Neue Anforderung",
                                                   "form": form[:1], "countries": ["PL", "FR"]}}), "createBroadcast")
    gid = draft["id"]
    assert draft["state"] == "DRAFT" and draft["reference"].startswith("NTF-") and draft["countries"] == ["PL", "FR"]
    assert (await incoming.gql(VIEW, {"id": gid}))["exchange"] is None, "a draft is the sender's only"
    incomplete = (await sender.gql(SEND, {"input": {"exchangeId": gid, "version": draft["version"]}}))
    assert incomplete["sendNotification"]["__typename"] == "ValidationFailed", "the form is incomplete"
    completed = ok(await sender.gql(MODIFY, {"input": {"exchangeId": gid, "version": draft["version"], "form": form}}),
                   "modifyBroadcast")
    stale = await sender.gql(SEND, {"input": {"exchangeId": gid, "version": draft["version"]}})
    assert stale["sendNotification"]["currentVersion"] == completed["version"], stale
    sent = ok(await sender.gql(SEND, {"input": {"exchangeId": gid, "version": completed["version"]}}),
              "sendNotification")
    assert sent["state"] == "SENT"
    again = await sender.gql(SEND, {"input": {"exchangeId": gid, "version": sent["version"]}})
    assert again["sendNotification"]["__typename"] == "InvalidTransition"
    late = await sender.gql(MODIFY, {"input": {"exchangeId": gid, "version": sent["version"], "countries": ["AT"]}})
    assert late["modifyBroadcast"]["__typename"] == "ValidationFailed", "countries are fixed once sent"

    received = (await incoming.gql(VIEW, {"id": gid}))["exchange"]
    assert received["state"] == "SENT" and not received["limitedView"], "a notification has no limited view"
    assert {a["item"] for a in received["answers"]} == {a["item"] for a in form}
    assert [p["country"] for p in received["participants"]] == ["PL"], "its own country's rows only"
    assert "DISSEMINATE" in received["allowedActions"]
    assert [e["node"]["id"] for e in (await incoming.gql(BOX, {"box": "INCOMING", "kinds": ["NOTIFICATION"]})
                                      )["exchanges"]["edges"]] == [gid]
    assert (await french.gql(VIEW, {"id": gid}))["exchange"]["state"] == "SENT"
    assert (await outsider.gql(VIEW, {"id": gid}))["exchange"] is None, "Austria was not selected"
    assert (await handler.gql(VIEW, {"id": gid}))["exchange"] is None, "not yet disseminated to it"

    foreign = await incoming.gql(HAND_ON, {"input": {"exchangeId": gid, "authorityIds": [cast.outsider.authority_gid]}})
    assert foreign["handOnBroadcast"]["__typename"] == "ValidationFailed", "only inside its own country"
    stranger = await outsider.gql(HAND_ON, {"input": {"exchangeId": gid,
                                                      "authorityIds": [cast.outsider.authority_gid]}})
    assert stranger["handOnBroadcast"]["__typename"] == "NotFound"
    by_sender = await sender.gql(HAND_ON, {"input": {"exchangeId": gid, "authorityIds": [cast.handler.authority_gid]}})
    assert by_sender["handOnBroadcast"]["__typename"] == "NotAllowed", "the sender does not disseminate"
    spread = await incoming.gql(HAND_ON, {"input": {"exchangeId": gid, "authorityIds": [cast.handler.authority_gid]}})
    assert spread["handOnBroadcast"]["__typename"] == "HandOnSuccess" and spread["handOnBroadcast"]["added"] == 1
    twice = await incoming.gql(HAND_ON, {"input": {"exchangeId": gid, "authorityIds": [cast.handler.authority_gid]}})
    assert twice["handOnBroadcast"]["__typename"] == "ValidationFailed", "an authority is added once"
    assert (await handler.gql(VIEW, {"id": gid}))["exchange"]["state"] == "SENT"
    assert (await french.gql(VIEW, {"id": gid}))["exchange"]["participants"] == [
        {"country": "FR", "role": "RECIPIENT_COORDINATOR", "acknowledgedAt": None,
         "authority": {"id": cast.french.authority_gid}}], "France does not see Poland's dissemination"

    for client, text in ((sender, "Frist: 1. Juni"), (incoming, "Przekazano"), (handler, "Pytanie o zakres")):
        comment = (await client.gql(COMMENT, {"input": {"exchangeId": gid, "text": text}}))["addMessage"]
        assert comment["__typename"] == "MessageSuccess" and comment["exchangeMessage"]["text"] == text
    blank = await sender.gql(COMMENT, {"input": {"exchangeId": gid, "text": "  "}})
    assert blank["addMessage"]["__typename"] == "ValidationFailed"
    assert (await outsider.gql(COMMENT, {"input": {"exchangeId": gid, "text": "?"}}))["addMessage"]["__typename"] == \
        "NotFound"
    unacknowledged = await handler.gql(ACK, {"input": {"exchangeId": gid}})
    assert unacknowledged["acknowledgeBroadcast"]["__typename"] == "NotAllowed", "a notification is not acknowledged"

    modified = ok(await sender.gql(MODIFY, {"input": {"exchangeId": gid, "version": sent["version"],
                                                      "subject": "Neue Anforderung (geändert)"}}), "modifyBroadcast")
    assert (await handler.gql(VIEW, {"id": gid}))["exchange"]["subject"] == "Neue Anforderung (geändert)"
    not_theirs = await incoming.gql(MODIFY, {"input": {"exchangeId": gid, "version": modified["version"],
                                                       "subject": "x"}})
    assert not_theirs["modifyBroadcast"]["__typename"] == "NotAllowed"
    nothing = await sender.gql(MODIFY, {"input": {"exchangeId": gid, "version": modified["version"]}})
    assert nothing["modifyBroadcast"]["__typename"] == "ValidationFailed"
    assert (await incoming.gql(CLOSE, {"input": {"exchangeId": gid, "version": modified["version"]}})
            )["closeBroadcast"]["__typename"] == "NotAllowed", "only the sender closes"

    closed = ok(await sender.gql(CLOSE, {"input": {"exchangeId": gid, "version": modified["version"]}}),
                "closeBroadcast")
    assert closed["state"] == "CLOSED" and closed["allowedActions"] == []
    after = (await handler.gql(COMMENT, {"input": {"exchangeId": gid, "text": "Noch eine Frage"}}))["addMessage"]
    assert after == {"__typename": "InvalidTransition", "message": after["message"], "state": "CLOSED",
                     "action": "ADD_MESSAGE"}
    withdrawn = await sender.gql(WITHDRAW, {"input": {"exchangeId": gid, "version": closed["version"]}})
    assert withdrawn["withdrawBroadcast"]["__typename"] == "InvalidTransition"

    view = (await sender.gql(VIEW, {"id": gid}))["exchange"]
    steps = _timeline(view)
    assert steps[:4] == ["CREATE", "MODIFY", "SEND", "DISSEMINATE"]
    assert steps[4:7] == ["ADD_MESSAGE"] * 3
    assert steps[-2:] == ["MODIFY", "CLOSE"]
    assert [step["message"]["text"] for step in view["timeline"] if step["action"] == "ADD_MESSAGE"] == [
        "Frist: 1. Juni", "Przekazano", "Pytanie o zakres"]
    assert [m["text"] for m in (await handler.gql(VIEW, {"id": gid}))["exchange"]["messages"]] == [
        "Frist: 1. Juni", "Przekazano", "Pytanie o zakres"]


async def test_a_sent_notification_is_withdrawn(cast: Cast, client_for) -> None:
    sender, incoming = await client_for(cast.sender), await client_for(cast.incoming)
    draft = ok(await sender.gql(CREATE, {"input": {"procedure": PROCEDURE, "subject": "Entwurf",
                                                   "form": required_form(PROCEDURE), "countries": ["PL"]}}),
               "createBroadcast")
    sent = ok(await sender.gql(SEND, {"input": {"exchangeId": draft["id"], "version": draft["version"]}}),
              "sendNotification")
    refused = await incoming.gql(WITHDRAW, {"input": {"exchangeId": draft["id"], "version": sent["version"]}})
    assert refused["withdrawBroadcast"]["__typename"] == "NotAllowed"
    withdrawn = ok(await sender.gql(WITHDRAW, {"input": {"exchangeId": draft["id"], "version": sent["version"],
                                                         "message": "Entwurf zurückgezogen"}}), "withdrawBroadcast")
    assert withdrawn["state"] == "WITHDRAWN"
    view = (await incoming.gql(VIEW, {"id": draft["id"]}))["exchange"]
    assert _timeline(view) == ["CREATE", "SEND", "WITHDRAW"]
    assert view["timeline"][-1]["message"]["text"] == "Entwurf zurückgezogen"
    closing = await sender.gql(CLOSE, {"input": {"exchangeId": draft["id"], "version": withdrawn["version"]}})
    assert closing["closeBroadcast"]["__typename"] == "InvalidTransition"
