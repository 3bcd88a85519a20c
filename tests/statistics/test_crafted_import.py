"""A crafted history, imported from CSV, whose 2025 scoreboard was computed by hand (below), read over GraphQL.

Today is 2026-03-02 (the test clock), so every 2025 request's 7-day acceptance window has ended. Days are UTC
calendar days.

FR receives (rows 2–9):
  FR-1 PQ   sent 03-03 10:00, accepted 03-10 23:00 (7 days: in time), agreed empty → the requested 03-20,
            answered 03-20 (17 days, on the agreed day: on time), closed; timeliness 2 (negative), efforts 4
  FR-2 PQ   sent 03-04, accepted 03-12 (8 days: late), agreed 03-31, answered 04-01 (28 days, a day late), closed;
            timeliness 5, efforts 1 (negative)
  FR-3 SERV sent 06-02 10:00, withdrawn 06-09 18:00, never accepted: 7 days → excluded
  FR-4 SERV sent 06-02 10:00, withdrawn 06-10 09:00, never accepted: 8 days → counts, not accepted in time
  FR-5 POST sent 07-01, accepted 07-02 (in time), withdrawn 07-03: withdrawn early but accepted → counts
  FR-6 PQ   sent 2025-12-31 23:30Z, accepted 2026-01-07 (7 days: in time), not answered → awaiting answer
  FR-7 PQ   sent 2026-01-01T00:30+01:00 = 2025-12-31 23:30Z (in 2025), accepted 01-09 (9 days: late), awaiting
  FR-8 PQ   sent 2024-12-31 23:59:59Z: not in 2025
  FR: requests 6 (1 excluded); accepted in time FR-1, FR-5, FR-6 = 3/6 = 50 % → red (−1)
      answering (17 + 28) / 2 = 22.5 days → 23 → yellow (0); by agreed date 1/2 = 50 % → red (−1)
      timeliness 1/2 = 50 % → red (−1); efforts 1/2 = 50 % → red (−1); total −4 → red; awaiting FR-6, FR-7 = 2
PL receives (rows 10–13):
  PL-1 PQ   sent 02-03 09:00, accepted 02-04, agreed 02-18, answered 02-18 (15 days, on time), closed; 4, 5
  PL-2 PQ   sent 02-03 09:00, accepted 02-05, agreed empty → requested 02-25, answered 02-19 (16 days, on time),
            closed; 3, 3
  PL-3 PAT  sent 05-05, accepted 05-06, not answered → awaiting answer
  PL-4 SERV sent 09-01 10:00, withdrawn 12:00 the same day, never accepted → excluded
  PL: requests 3 (1 excluded); accepting 3/3 = 100 % → green (+1); answering (15 + 16) / 2 = 15.5 days → 16 →
      yellow (0) — as read, 15.5 < 16 is green (+1); by agreed date 2/2 → green (+1); timeliness 0/2 → green (+1);
      efforts 0/2 → green (+1); total 4 → green (as read: 5 → green); awaiting 1
EL receives (rows 14–15):
  EL-1 PQ   sent 10-06 10:00, accepted 10-13 10:00 (7 days: in time), agreed empty → requested 10-31,
            answered 11-01 (26 days, late)
  EL-2 PQ   sent 10-06, accepted 10-08, agreed 11-10, answered 10-31 (25 days, on time)
  EL: requests 2; accepting 2/2 → green (+1); answering 51 / 2 = 25.5 → 26 → red (−1) (as read: > 25, red);
      by agreed date 1/2 = 50 % → red (−1); no survey answers: timeliness and efforts have no data, no colour;
      total −1 → yellow, saying that two indicators are missing
DE receives DE-1 (row 16), sent in 2026: no data in 2025. IS receives nothing: no data.
EEA (pooled over all 2025 requests): requests 11, excluded 2; accepting (3 + 3 + 2) / 11 = 72.73 % → 73 → yellow;
  answering (45 + 31 + 51) / 6 = 21.17 → 21 → yellow; by agreed date (1 + 2 + 1) / 6 = 66.67 % → 67 → yellow;
  timeliness 1/4 = 25 % → red; efforts 1/4 = 25 % → red; total −2 → red; awaiting 3.

Refused rows (17–26), each with its line number: answered before sent (and before accepted), GR for Greece,
rating 7, a procedure of another area, a request inside one country, a timestamp that is no timestamp, FR-1 again,
an authority of FR named as PL's, a request sent in the future, a row with too few cells.
"""

from pathlib import Path

from imi.authorities.models import Authority, AuthorityStatus
from imi.exchanges.models import Exchange, ExchangeEvent
from imi.statistics.importer import import_requests
from tests.statistics.queries import SCOREBOARD

HEADER = ("reference,legal_area,procedure,requesting_country,requesting_authority,responding_country,"
          "responding_authority,sent_at,accepted_at,requested_reply_date,agreed_reply_date,answered_at,"
          "withdrawn_at,closed_at,timeliness_rating,efforts_rating")
PQ = "PROFESSIONAL_QUALIFICATIONS,PQ_REQUEST"
ROWS = [
    f'FR-1,{PQ},DE,AUTH-DE-1,FR,"Ordre, Paris",2025-03-03T10:00:00Z,2025-03-10T23:00:00Z,2025-03-20,,'
    "2025-03-20T09:00:00Z,,2025-03-25T08:00:00Z,2,4",
    f'FR-2,{PQ},DE,AUTH-DE-1,FR,"Ordre, Paris",2025-03-04T08:00:00Z,2025-03-12T08:00:00Z,2025-03-25,2025-03-31,'
    "2025-04-01T10:00:00Z,,2025-04-02T10:00:00Z,5,1",
    "FR-3,SERVICES,SERVICES_REQUEST,DE,AUTH-DE-2,FR,AUTH-FR-2,2025-06-02T10:00:00Z,,2025-06-20,,,"
    "2025-06-09T18:00:00Z,,,",
    "FR-4,SERVICES,SERVICES_REQUEST,DE,AUTH-DE-2,FR,AUTH-FR-2,2025-06-02T10:00:00Z,,2025-06-20,,,"
    "2025-06-10T09:00:00Z,,,",
    "FR-5,POSTING_OF_WORKERS,POSTING_REQUEST,PL,AUTH-PL-1,FR,AUTH-FR-3,2025-07-01T10:00:00Z,2025-07-02T10:00:00Z,"
    "2025-07-20,,,2025-07-03T10:00:00Z,,,",
    f'FR-6,{PQ},DE,AUTH-DE-1,FR,"Ordre, Paris",2025-12-31T23:30:00Z,2026-01-07T22:00:00Z,2026-01-30,,,,,,',
    f'FR-7,{PQ},DE,AUTH-DE-1,FR,"Ordre, Paris",2026-01-01T00:30:00+01:00,2026-01-09T10:00:00Z,2026-01-30,,,,,,',
    f'FR-8,{PQ},DE,AUTH-DE-1,FR,"Ordre, Paris",2024-12-31T23:59:59Z,2025-01-02T10:00:00Z,2025-01-20,,,,,,',
    f"PL-1,{PQ},DE,AUTH-DE-1,PL,AUTH-PL-1,2025-02-03T09:00:00Z,2025-02-04T09:00:00Z,2025-02-20,2025-02-18,"
    "2025-02-18T15:00:00Z,,2025-02-20T09:00:00Z,4,5",
    f'PL-2,{PQ},FR,"Ordre, Paris",PL,AUTH-PL-1,2025-02-03T09:00:00Z,2025-02-05T09:00:00Z,2025-02-25,,'
    "2025-02-19T09:00:00Z,,2025-02-21T09:00:00Z,3,3",
    "PL-3,PATIENTS_RIGHTS,PATIENTS_REQUEST,IS,AUTH-IS-1,PL,AUTH-PL-2,2025-05-05T10:00:00Z,2025-05-06T10:00:00Z,"
    "2025-05-30,,,,,,",
    "PL-4,SERVICES,SERVICES_REQUEST,DE,AUTH-DE-2,PL,AUTH-PL-2,2025-09-01T10:00:00Z,,2025-09-30,,,"
    "2025-09-01T12:00:00Z,,,",
    f"EL-1,{PQ},DE,AUTH-DE-1,EL,AUTH-EL-1,2025-10-06T10:00:00Z,2025-10-13T10:00:00Z,2025-10-31,,"
    "2025-11-01T10:00:00Z,,,,",
    f"EL-2,{PQ},DE,AUTH-DE-1,EL,AUTH-EL-1,2025-10-06T10:00:00Z,2025-10-08T10:00:00Z,2025-10-20,2025-11-10,"
    "2025-10-31T10:00:00Z,,,,",
    f'DE-1,{PQ},FR,"Ordre, Paris",DE,AUTH-DE-1,2026-01-15T10:00:00Z,,2026-02-15,,,,,,',
    # refused
    f"BAD-1,{PQ},DE,AUTH-DE-1,PL,AUTH-PL-1,2025-04-10T10:00:00Z,2025-04-11T10:00:00Z,2025-04-30,,"
    "2025-04-09T10:00:00Z,,,,",
    f"BAD-2,{PQ},DE,AUTH-DE-1,GR,AUTH-EL-1,2025-04-10T10:00:00Z,,2025-04-30,,,,,,",
    f"BAD-3,{PQ},DE,AUTH-DE-1,PL,AUTH-PL-1,2025-04-10T10:00:00Z,2025-04-11T10:00:00Z,2025-04-30,,"
    "2025-04-20T10:00:00Z,,2025-04-21T10:00:00Z,7,3",
    "BAD-4,SERVICES,PQ_REQUEST,DE,AUTH-DE-1,PL,AUTH-PL-1,2025-04-10T10:00:00Z,,2025-04-30,,,,,,",
    f"BAD-5,{PQ},DE,AUTH-DE-1,DE,AUTH-DE-2,2025-04-10T10:00:00Z,,2025-04-30,,,,,,",
    f"BAD-6,{PQ},DE,AUTH-DE-1,PL,AUTH-PL-1,yesterday,,2025-04-30,,,,,,",
    f'FR-1,{PQ},DE,AUTH-DE-1,FR,"Ordre, Paris",2025-03-03T10:00:00Z,,2025-03-20,,,,,,',
    f"BAD-7,{PQ},PL,AUTH-FR-2,EL,AUTH-EL-1,2025-04-10T10:00:00Z,,2025-04-30,,,,,,",
    f"BAD-8,{PQ},DE,AUTH-DE-1,PL,AUTH-PL-1,2027-01-04T10:00:00Z,,2027-01-30,,,,,,",
    f"BAD-9,{PQ},DE,AUTH-DE-1,PL",
]
REFUSED = [
    (17, "answered_at is before sent_at; answered_at is before accepted_at"),
    (18, "responding_country: unknown country 'GR' (Greece is EL)"),
    (19, "timeliness_rating: '7' is not a rating from 1 (very dissatisfied) to 5 (very satisfied)"),
    (20, "procedure: PQ_REQUEST belongs to PROFESSIONAL_QUALIFICATIONS, not SERVICES"),
    (21, "responding_country: a request goes to an authority in another country"),
    (22, "sent_at: 'yesterday' is not an ISO 8601 timestamp"),
    (23, "reference FR-1 is also on line 2"),
    (24, "requesting_authority: AUTH-FR-2 is an authority of FR, not PL"),
    (25, "a timestamp lies in the future"),
    (26, "fewer cells than the header has columns"),
]


def crafted(tmp_path: Path) -> Path:
    path = tmp_path / "history.csv"
    path.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    return path


def reading(score: dict, indicator: str) -> tuple:
    found = next(i for i in score["indicators"] if i["indicator"] == indicator)
    return found["numerator"], found["denominator"], found["rounded"], found["colour"]


async def test_the_crafted_history_gives_the_hand_computed_scoreboard(statistician, clock, tmp_path) -> None:
    now = clock.now()
    await Authority.create(external_id="AUTH-DE-1", country="DE", level="NATIONAL", official_name="Kammer",
                           official_language="de", status=AuthorityStatus.ACTIVE, created_at=now, updated_at=now)
    file = crafted(tmp_path)
    lines_seen: list[int] = []
    report = await import_requests(file, now, progress=lines_seen.append, batch_size=4)

    assert [(p.line, p.message) for p in report.problems] == REFUSED
    assert (report.rows, report.imported, report.already_present, report.authorities_created) == (25, 15, 0, 8)
    assert sum(lines_seen) >= 20
    assert await Exchange.all().count() == 15
    assert await ExchangeEvent.filter(action="IMPORT").count() == 15
    fr1 = await Exchange.get(reference="FR-1")
    assert (fr1.state, str(fr1.agreed_reply_date), fr1.survey_timeliness, fr1.kind) == ("CLOSED", "2025-03-20", 2,
                                                                                         "REQUEST")
    assert {e.reference: e.state for e in await Exchange.filter(reference__in=["FR-3", "FR-6", "DE-1"])} == {
        "FR-3": "WITHDRAWN", "FR-6": "ACCEPTED", "DE-1": "SENT"}
    ordre = await Authority.get(external_id="Ordre, Paris")
    assert (ordre.country, ordre.status, ordre.official_language) == ("FR", AuthorityStatus.INACTIVE, "fr")

    data = await statistician.gql(SCOREBOARD, {"input": {
        "from": "2025-01-01", "to": "2025-12-31", "countries": ["FR", "PL", "EL", "DE", "IS"]}})
    board = data["scoreboard"]
    assert board["__typename"] == "Scoreboard"
    assert board["acceptanceJudgedUntil"] == "2025-12-31"
    by_country = {c["country"]["code"]: c for c in board["countries"]}
    assert list(by_country) == ["FR", "PL", "EL", "DE", "IS"]

    fr = by_country["FR"]
    assert (fr["requests"], fr["withdrawnEarly"], fr["awaitingAnswer"]) == (6, 1, 2)
    assert reading(fr, "SPEED_IN_ACCEPTING") == (3, 6, 50, "RED")
    assert reading(fr, "SPEED_IN_ANSWERING") == (45, 2, 23, "YELLOW")
    assert reading(fr, "ANSWERED_BY_AGREED_DATE") == (1, 2, 50, "RED")
    assert reading(fr, "TIMELINESS_RATED") == (1, 2, 50, "RED")
    assert reading(fr, "EFFORTS_RATED") == (1, 2, 50, "RED")
    assert (fr["totalScore"], fr["overall"], fr["missingIndicators"]) == (-4, "RED", [])

    pl = by_country["PL"]
    assert (pl["requests"], pl["withdrawnEarly"], pl["awaitingAnswer"]) == (3, 1, 1)
    assert reading(pl, "SPEED_IN_ACCEPTING") == (3, 3, 100, "GREEN")
    assert reading(pl, "SPEED_IN_ANSWERING") == (31, 2, 16, "YELLOW")
    assert next(i for i in pl["indicators"] if i["indicator"] == "SPEED_IN_ANSWERING")["value"] == 15.5
    assert reading(pl, "ANSWERED_BY_AGREED_DATE") == (2, 2, 100, "GREEN")
    assert reading(pl, "TIMELINESS_RATED") == (0, 2, 0, "GREEN")
    assert reading(pl, "EFFORTS_RATED") == (0, 2, 0, "GREEN")
    assert (pl["totalScore"], pl["overall"]) == (4, "GREEN")

    el = by_country["EL"]
    assert (el["requests"], el["withdrawnEarly"], el["awaitingAnswer"]) == (2, 0, 0)
    assert reading(el, "SPEED_IN_ACCEPTING") == (2, 2, 100, "GREEN")
    assert reading(el, "SPEED_IN_ANSWERING") == (51, 2, 26, "RED")
    assert reading(el, "ANSWERED_BY_AGREED_DATE") == (1, 2, 50, "RED")
    assert reading(el, "TIMELINESS_RATED") == (0, 0, None, None)
    assert reading(el, "EFFORTS_RATED") == (0, 0, None, None)
    assert (el["totalScore"], el["overall"], el["missingIndicators"]) == (-1, "YELLOW",
                                                                          ["TIMELINESS_RATED", "EFFORTS_RATED"])

    for empty in (by_country["DE"], by_country["IS"]):
        assert (empty["requests"], empty["totalScore"], empty["overall"]) == (0, None, None)
        assert len(empty["missingIndicators"]) == 5
        assert all(i["value"] is None and i["colour"] is None for i in empty["indicators"])

    eea = board["eeaAverage"]
    assert eea["country"] is None
    assert (eea["requests"], eea["withdrawnEarly"], eea["awaitingAnswer"]) == (11, 2, 3)
    assert reading(eea, "SPEED_IN_ACCEPTING") == (8, 11, 73, "YELLOW")
    assert reading(eea, "SPEED_IN_ANSWERING") == (127, 6, 21, "YELLOW")
    assert reading(eea, "ANSWERED_BY_AGREED_DATE") == (4, 6, 67, "YELLOW")
    assert reading(eea, "TIMELINESS_RATED") == (1, 4, 25, "RED")
    assert reading(eea, "EFFORTS_RATED") == (1, 4, 25, "RED")
    assert (eea["totalScore"], eea["overall"]) == (-2, "RED")

    # as read, without rounding: PL's 15.5 days is green, so its total is 5
    raw = await statistician.gql(SCOREBOARD, {"input": {
        "from": "2025-01-01", "to": "2025-12-31", "countries": ["PL"], "rounding": "NONE"}})
    raw_pl = raw["scoreboard"]["countries"][0]
    assert reading(raw_pl, "SPEED_IN_ANSWERING")[3] == "GREEN"
    assert (raw_pl["totalScore"], raw_pl["overall"]) == (5, "GREEN")

    # importing the same file again changes nothing
    again = await import_requests(file, now)
    assert (again.imported, again.already_present, again.authorities_created) == (0, 15, 0)
    assert [(p.line, p.message) for p in again.problems] == REFUSED
    assert await Exchange.all().count() == 15
    assert (await statistician.gql(SCOREBOARD, {"input": {
        "from": "2025-01-01", "to": "2025-12-31", "countries": ["FR", "PL", "EL", "DE", "IS"]}})) == data
