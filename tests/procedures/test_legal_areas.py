"""Every legal area has a working procedure: each request of the remaining areas is created, sent, accepted and
answered, and each notification created, sent and received, through the generic mutations with its form from
the catalogue."""

from datetime import timedelta

import pytest

from imi.catalogue import catalogue
from imi.catalogue.model import AnswerType
from imi.clock import FixedClock
from imi.procedures.definitions import definitions
from imi.reference import ExchangeKind, legal_areas, procedures
from tests.forms import required_form
from tests.procedures.conftest import MakeParty, ok

REQUESTS = ["ECOMMERCE_DEROGATION_REQUEST", "TRAIN_DRIVER_REQUEST", "PROCUREMENT_REQUEST", "PUBLIC_DOCUMENT_REQUEST",
            "CPC_INFORMATION_REQUEST", "EJN_REQUEST", "ROAD_TRANSPORT_POSTING_REQUEST", "GDPR_MUTUAL_ASSISTANCE"]
NOTIFICATIONS = ["CULTURAL_OBJECT_NOTIFICATION", "NRMM_TYPE_APPROVAL_NOTIFICATION", "FIREARMS_REFUSAL_NOTIFICATION",
                 "EURO_CASH_LICENCE_NOTIFICATION", "PQ_REGULATED_PROFESSION_NOTIFICATION",
                 "EPC_DOCUMENTS_NOTIFICATION"]
FIRST_ANSWER = {AnswerType.YES_NO_DONT_KNOW: {"yesNo": "YES"}, AnswerType.TEXT: {"text": "Siehe Anlage."},
                AnswerType.DATE: {"date": "2026-04-01"}}


def test_every_legal_area_has_a_procedure_and_every_procedure_a_form() -> None:
    covered = {p.legal_area for p in procedures()}
    assert covered == {area.code for area in legal_areas()}
    assert all(catalogue(p.code).sections for p in procedures())
    assert {d.procedure.kind for d in definitions().values()} == set(ExchangeKind)


@pytest.mark.parametrize("code", REQUESTS)
async def test_a_request_of_each_remaining_area(code: str, party: MakeParty, clock: FixedClock) -> None:
    area = definitions()[code].procedure.legal_area
    requester, responder = await party("DE", area), await party("IT", area)
    first = next(catalogue(code).items())
    draft = ok(await requester.create(code, "Anfrage", counterpartId=responder.authority_gid,
                                      requestedReplyDate=(clock.now() + timedelta(days=10)).date().isoformat(),
                                      questions=[{"item": first.id}]))
    sent = ok(await requester.act(draft, "SEND"))
    accepted = ok(await responder.act(sent, "ACCEPT"))
    answered = ok(await responder.act(accepted, "ANSWER", form=[{"item": first.id, **FIRST_ANSWER[first.type]}]))
    assert (answered["kind"], answered["state"]) == ("REQUEST", "ANSWERED")


@pytest.mark.parametrize("code", NOTIFICATIONS)
async def test_a_notification_of_each_remaining_area(code: str, party: MakeParty) -> None:
    area = definitions()[code].procedure.legal_area
    sender = await party("FR", area)
    incoming = await party("AT", area, coordinator=True)
    draft = ok(await sender.create(code, "Notification", form=required_form(code), countries=["AT"]))
    sent = ok(await sender.act(draft, "SEND"))
    assert (sent["kind"], sent["state"]) == ("NOTIFICATION", "SENT")
    assert (await incoming.detail(sent))["allowedActions"][:2] == ["DISSEMINATE", "ADD_MESSAGE"]
