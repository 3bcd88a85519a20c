"""The statistics over GraphQL and CSV: computed from requests that went through the workflow; given to a
statistics token or a signed-in official, refused (typed, without data) to anyone else."""

import csv
import io
from datetime import timedelta

from imi.exchanges import service as exchanges
from imi.exchanges.models import Exchange
from tests import world
from tests.statistics.queries import SCOREBOARD, TREND, USAGE
from tests.statistics.test_crafted_import import reading

QUESTIONS = [{"item": "pq.establishment.legally_established", "params": {"profession": "Arzt"}}]
YEAR = {"from": "2026-01-01", "to": "2026-12-31"}


async def _workflow(clock) -> None:
    """Three requests DE → PL sent on Monday 2026-03-02 through the real services, as of 2026-04-20:
    one accepted after 2 days, answered after 10 and closed with timeliness 1 (negative) and efforts 5;
    one withdrawn after 3 days without acceptance (left out); one forwarded inside PL and accepted 9 days after
    sending (late), never answered."""
    start = clock.now()
    de, pl = await world.authority("DE", start), await world.authority("PL", start)
    pl2 = await world.authority("PL", start, name="Okręgowa Izba Lekarska")
    requester = await world.principal_of(await world.official(de, start))
    responder = await world.principal_of(await world.official(pl, start))
    colleague = await world.principal_of(await world.official(pl2, start))
    reply = start.date() + timedelta(days=20)

    async def sent() -> Exchange:
        draft = await exchanges.create_request(requester, exchanges.RequestDraft(
            procedure=world.PROCEDURE, subject="Anerkennung", responding_authority_id=pl.id,
            requested_reply_date=reply, questions=QUESTIONS), start)
        return await exchanges.send(requester, draft.id, draft.version, start)

    one, two, three = await sent(), await sent(), await sent()
    one = await exchanges.accept(responder, one.id, one.version, start + timedelta(days=2))
    one = await exchanges.answer(responder, one.id, one.version, start + timedelta(days=10),
                                 {"pq.establishment.legally_established": "YES"})
    await exchanges.close(requester, one.id, one.version, start + timedelta(days=11), timeliness=1, efforts=5)
    await exchanges.withdraw(requester, two.id, two.version, start + timedelta(days=3))
    three = await exchanges.forward(responder, three.id, three.version, start + timedelta(days=1), pl2.id)
    await exchanges.accept(colleague, three.id, three.version, start + timedelta(days=9))
    clock.set(start + timedelta(days=49))


async def test_the_scoreboard_follows_the_workflow(statistician, clock) -> None:
    await _workflow(clock)
    board = (await statistician.gql(SCOREBOARD, {"input": {**YEAR, "countries": ["PL", "DE"]}}))["scoreboard"]
    assert board["acceptanceJudgedUntil"] == "2026-04-12"  # 2026-04-20 minus 8 days
    pl, de = board["countries"]
    assert (pl["requests"], pl["withdrawnEarly"], pl["awaitingAnswer"]) == (2, 1, 1)
    assert reading(pl, "SPEED_IN_ACCEPTING") == (1, 2, 50, "RED")
    assert reading(pl, "SPEED_IN_ANSWERING") == (10, 1, 10, "GREEN")
    assert reading(pl, "ANSWERED_BY_AGREED_DATE") == (1, 1, 100, "GREEN")
    assert reading(pl, "TIMELINESS_RATED") == (1, 1, 100, "RED")
    assert reading(pl, "EFFORTS_RATED") == (0, 1, 0, "GREEN")
    assert (pl["totalScore"], pl["overall"]) == (1, "YELLOW")
    assert de["requests"] == 0 and de["overall"] is None
    assert board["eeaAverage"]["requests"] == 2
    assert [d["indicator"] for d in board["definitions"]] == [
        "SPEED_IN_ACCEPTING", "SPEED_IN_ANSWERING", "ANSWERED_BY_AGREED_DATE", "TIMELINESS_RATED", "EFFORTS_RATED"]
    assert board["definitions"][0] | {"indicator": None} == {
        "indicator": None, "number": 1, "unit": "PERCENT", "green": "≥ 80", "yellow": "60–79", "red": "< 60"}


async def test_requests_inside_their_acceptance_window_wait_for_indicator_1(statistician, clock) -> None:
    await _workflow(clock)
    clock.set(clock.now().replace(month=3, day=8))  # 6 days after sending: the window is still open
    pl = (await statistician.gql(SCOREBOARD, {"input": {**YEAR, "countries": ["PL"]}}))["scoreboard"]
    assert pl["acceptanceJudgedUntil"] == "2026-02-28"
    assert reading(pl["countries"][0], "SPEED_IN_ACCEPTING") == (0, 0, None, None)


async def test_statistics_are_refused_without_statistics_access(partner, statistician, http, clock) -> None:
    await _workflow(clock)
    anonymous = world.Client(http)
    for client in (anonymous, partner):
        for query, variables, field in (
            (SCOREBOARD, {"input": YEAR}, "scoreboard"),
            (USAGE, {"input": {**YEAR, "groupBy": ["YEAR"]}}, "usageStatistics"),
            (TREND, {"input": {"country": "PL", "firstYear": 2025, "lastYear": 2026}}, "countryTrend"),
        ):
            result = (await client.gql(query, variables))[field]
            assert result == {"__typename": "NotAllowed", "message": result["message"]}, result
            assert "statistics:read" in result["message"]
    official = world.Client(http)
    person = await world.official(await world.authority("FR", clock.now()), clock.now())
    assert (await official.sign_in(person.email))["__typename"] == "SignInSuccess"
    assert (await official.gql(SCOREBOARD, {"input": YEAR}))["scoreboard"]["__typename"] == "Scoreboard"


async def test_inputs_are_checked(statistician) -> None:
    for variables, field in (
        ({"from": "2026-02-01", "to": "2026-01-01"}, "to"),
        ({**YEAR, "countries": ["GR"]}, "countries"),
        ({**YEAR, "areas": ["NO_SUCH_AREA"]}, "areas"),
    ):
        result = (await statistician.gql(SCOREBOARD, {"input": variables}))["scoreboard"]
        assert result["__typename"] == "ValidationFailed" and result["problems"][0]["field"] == field, result
    trend = (await statistician.gql(TREND, {"input": {"country": "PL", "firstYear": 2026, "lastYear": 2020}}))
    assert trend["countryTrend"]["__typename"] == "ValidationFailed"


async def test_the_trend_of_a_country_year_by_year(statistician, clock) -> None:
    await _workflow(clock)
    trend = (await statistician.gql(TREND, {"input": {"country": "pl", "firstYear": 2025, "lastYear": 2026}}))
    years = trend["countryTrend"]["years"]
    assert [y["year"] for y in years] == [2025, 2026]
    assert years[0]["country"]["requests"] == 0 and years[0]["country"]["overall"] is None
    assert (years[1]["country"]["requests"], years[1]["country"]["totalScore"]) == (2, 1)
    assert years[1]["eeaAverage"]["requests"] == 2 and years[1]["country"]["country"]["code"] == "PL"


async def test_usage_statistics_group_and_filter(statistician, clock) -> None:
    await _workflow(clock)
    by_kind = (await statistician.gql(USAGE, {"input": {**YEAR, "groupBy": ["QUARTER", "EXCHANGE_KIND"]}}))
    usage = by_kind["usageStatistics"]
    assert usage["total"] == 3 and not usage["truncated"]
    assert [(r["period"], r["year"], r["quarter"], r["month"], r["exchangeKind"], r["count"])
            for r in usage["rows"]] == [("2026-Q1", 2026, 1, None, "REQUEST", 3)]
    by_country = (await statistician.gql(USAGE, {"input": {
        **YEAR, "groupBy": ["SENDING_COUNTRY", "RECEIVING_COUNTRY", "LEGAL_AREA", "PROCEDURE", "MONTH"],
        "filters": {"kinds": ["REQUEST"], "receivingCountries": ["PL"]}}}))["usageStatistics"]["rows"]
    assert [(r["period"], r["sendingCountry"], r["receivingCountry"], r["legalArea"], r["procedure"], r["count"])
            for r in by_country] == [("2026-03", "DE", "PL", "PROFESSIONAL_QUALIFICATIONS", "PQ_REQUEST", 3)]
    nothing = (await statistician.gql(USAGE, {"input": {**YEAR, "groupBy": ["YEAR"],
                                                         "filters": {"sendingCountries": ["PL"]}}}))
    assert nothing["usageStatistics"]["rows"] == [] and nothing["usageStatistics"]["total"] == 0
    everything = (await statistician.gql(USAGE, {"input": {"from": "2000-01-01", "to": "2099-12-31"}}))
    assert [r["count"] for r in everything["usageStatistics"]["rows"]] == [3]
    before = (await statistician.gql(USAGE, {"input": {"from": "2026-01-01", "to": "2026-03-01"}}))
    assert before["usageStatistics"]["total"] == 0  # sent on 2026-03-02


def _table(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


async def test_csv_downloads_with_a_token_and_refusals_without(statistician, partner, http, clock) -> None:
    await _workflow(clock)
    url = "/statistics/scoreboard.csv?from=2026-01-01&to=2026-12-31&countries=PL,DE"
    assert (await http.get(url)).status_code == 401
    assert (await http.get(url)).headers["www-authenticate"] == "Bearer"
    assert (await http.get(url, headers={"authorization": f"Bearer {partner.bearer}"})).status_code == 403
    assert (await http.get(url, headers={"authorization": "Bearer not-a-token"})).status_code == 401
    auth = {"authorization": f"Bearer {statistician.bearer}"}
    response = await http.get(url, headers=auth)
    assert response.status_code == 200 and response.headers["content-type"] == "text/csv; charset=utf-8"
    assert 'filename="scoreboard-2026-01-01-2026-12-31.csv"' in response.headers["content-disposition"]
    rows = _table(response.text)
    assert [r["country"] for r in rows] == ["PL", "DE", "EEA"]
    pl = rows[0]
    assert (pl["requests"], pl["withdrawn_early"], pl["speed_in_accepting_value"],
            pl["speed_in_accepting_colour"], pl["timeliness_rated_numerator"], pl["total_score"], pl["overall"]) == (
        "2", "1", "50", "RED", "1", "1", "YELLOW")
    assert rows[1]["overall"] == "" and rows[1]["missing_indicators"].split() == [
        "SPEED_IN_ACCEPTING", "SPEED_IN_ANSWERING", "ANSWERED_BY_AGREED_DATE", "TIMELINESS_RATED", "EFFORTS_RATED"]

    usage = await http.get("/statistics/usage.csv?from=2026-01-01&to=2026-12-31&groupBy=YEAR,RECEIVING_COUNTRY"
                           "&kinds=request", headers=auth)
    assert usage.status_code == 200
    assert _table(usage.text) == [{"year": "2026", "receiving_country": "PL", "count": "3"}]
    assert (await http.get("/statistics/usage.csv?from=2026-01-01&to=2026-12-31", headers={
        "authorization": f"Bearer {partner.bearer}"})).status_code == 403

    trend = await http.get("/statistics/trend.csv?country=PL&firstYear=2026&lastYear=2026", headers=auth)
    assert [(r["year"], r["country"], r["requests"]) for r in _table(trend.text)] == [
        ("2026", "PL", "2"), ("2026", "EEA", "2")]

    for bad in ("/statistics/scoreboard.csv?from=2026-01-01", "/statistics/scoreboard.csv?from=x&to=2026-01-01",
                "/statistics/scoreboard.csv?from=2026-01-01&to=2026-12-31&rounding=SOMETIMES",
                "/statistics/usage.csv?from=2026-01-01&to=2026-12-31&groupBy=WEEK",
                "/statistics/trend.csv?country=XX&firstYear=2026&lastYear=2026"):
        assert (await http.get(bad, headers=auth)).status_code == 400, bad
