"""The method's pure rules, case by case: band edges, rounding, exclusions, windows, no data, pooling."""

from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest

from imi.statistics.indicators import (
    DEFINITION,
    Colour,
    Counts,
    Indicator,
    Period,
    RequestFacts,
    Rounding,
    assess,
    days_between,
    in_scope,
    last_day_with_known_acceptance,
    overall_colour,
    read,
    round_half_up,
    tally,
    total,
    withdrawn_early,
)

K = Indicator
G, Y, R = Colour.GREEN, Colour.YELLOW, Colour.RED
SENT = datetime(2024, 5, 6, 10, 0, tzinfo=UTC)  # a Monday
LATER = date(2025, 1, 1)  # a day on which every 2024 acceptance window has ended


def counts_for(indicator: Indicator, numerator: int, denominator: int) -> Counts:
    """Counts giving one indicator exactly numerator / denominator."""
    fields = {
        K.SPEED_IN_ACCEPTING: ("accepted_in_time", "acceptance_judged"),
        K.SPEED_IN_ANSWERING: ("answer_days", "answered"),
        K.ANSWERED_BY_AGREED_DATE: ("answered_by_agreed_date", "answers_with_agreed_date"),
        K.TIMELINESS_RATED: ("timeliness_negative", "timeliness_ratings"),
        K.EFFORTS_RATED: ("efforts_negative", "efforts_ratings"),
    }[indicator]
    return Counts(**{fields[0]: numerator, fields[1]: denominator})


# (indicator, numerator, denominator, exact value, rounded, colour rounded half up, colour as read)
EDGES = [
    (K.SPEED_IN_ACCEPTING, 397, 500, Fraction(794, 10), 79, Y, Y),  # 79.4
    (K.SPEED_IN_ACCEPTING, 159, 200, Fraction(795, 10), 80, G, Y),  # 79.5: rounds up to green
    (K.SPEED_IN_ACCEPTING, 4, 5, Fraction(80), 80, G, G),  # 80
    (K.SPEED_IN_ACCEPTING, 119, 200, Fraction(595, 10), 60, Y, R),  # 59.5
    (K.SPEED_IN_ACCEPTING, 297, 500, Fraction(594, 10), 59, R, R),  # 59.4
    (K.ANSWERED_BY_AGREED_DATE, 159, 200, Fraction(795, 10), 80, G, Y),  # 79.5
    (K.ANSWERED_BY_AGREED_DATE, 397, 500, Fraction(794, 10), 79, Y, Y),  # 79.4
    (K.SPEED_IN_ANSWERING, 31, 2, Fraction(31, 2), 16, Y, G),  # 15.5 days
    (K.SPEED_IN_ANSWERING, 77, 5, Fraction(154, 10), 15, G, G),  # 15.4 days
    (K.SPEED_IN_ANSWERING, 16, 1, Fraction(16), 16, Y, Y),  # 16 days
    (K.SPEED_IN_ANSWERING, 25, 1, Fraction(25), 25, Y, Y),  # 25 days
    (K.SPEED_IN_ANSWERING, 127, 5, Fraction(254, 10), 25, Y, R),  # 25.4 days: yellow once rounded
    (K.SPEED_IN_ANSWERING, 51, 2, Fraction(51, 2), 26, R, R),  # 25.5 days
    (K.TIMELINESS_RATED, 9, 200, Fraction(45, 10), 5, Y, G),  # 4.5 %
    (K.TIMELINESS_RATED, 11, 250, Fraction(44, 10), 4, G, G),  # 4.4 %
    (K.TIMELINESS_RATED, 1, 20, Fraction(5), 5, Y, Y),  # 5 %
    (K.TIMELINESS_RATED, 29, 200, Fraction(145, 10), 15, R, Y),  # 14.5 %: 0.145 * 100 is 14.4999… in floats
    (K.TIMELINESS_RATED, 72, 500, Fraction(144, 10), 14, Y, Y),  # 14.4 %
    (K.TIMELINESS_RATED, 3, 20, Fraction(15), 15, R, R),  # 15 %
    (K.EFFORTS_RATED, 9, 200, Fraction(45, 10), 5, Y, G),  # 4.5 %
    (K.EFFORTS_RATED, 29, 200, Fraction(145, 10), 15, R, Y),  # 14.5 %
    (K.EFFORTS_RATED, 3, 20, Fraction(15), 15, R, R),  # 15 %
    (K.EFFORTS_RATED, 0, 7, Fraction(0), 0, G, G),  # no negative answer
]


@pytest.mark.parametrize(("indicator", "numerator", "denominator", "value", "rounded", "half_up", "raw"), EDGES)
def test_band_edges(indicator: Indicator, numerator: int, denominator: int, value: Fraction, rounded: int,
                    half_up: Colour, raw: Colour) -> None:
    counts = counts_for(indicator, numerator, denominator)
    reading = read(DEFINITION[indicator], counts)
    assert (reading.value, reading.rounded, reading.colour) == (value, rounded, half_up)
    assert (reading.numerator, reading.denominator) == (numerator, denominator)
    assert read(DEFINITION[indicator], counts, Rounding.NONE).colour is raw


@pytest.mark.parametrize("indicator", list(Indicator))
def test_an_empty_denominator_is_no_data_not_zero(indicator: Indicator) -> None:
    reading = read(DEFINITION[indicator], counts_for(indicator, 0, 0))
    assert reading.value is None and reading.rounded is None and reading.colour is None and reading.score is None
    assert not reading.has_data


def test_round_half_up_is_exact() -> None:
    assert [round_half_up(n, 10) for n in (5, 15, 25, 794, 795, 145, 144, 0)] == [1, 2, 3, 79, 80, 15, 14, 0]
    assert round_half_up(29 * 100, 200) == 15 and round_half_up(2 * 100, 3) == 67 and round_half_up(1, 3) == 0
    assert round(2.5) == 2  # what Python's banker's rounding would have done


def test_scores_and_overall_colour() -> None:
    assert [overall_colour(s) for s in (5, 2, 1, 0, -1, -2, -5)] == [G, G, Y, Y, Y, R, R]
    greens = Counts(acceptance_judged=10, accepted_in_time=10, answered=10, answer_days=50,
                    answers_with_agreed_date=10, answered_by_agreed_date=10, timeliness_ratings=10,
                    efforts_ratings=10, efforts_negative=1)
    result = assess(greens)
    assert [r.colour for r in result.readings] == [G, G, G, G, Y]  # efforts: 10 % negative
    assert (result.total_score, result.overall, result.missing) == (4, G, ())


def test_no_data_is_left_out_of_the_sum_and_said() -> None:
    only_two = Counts(acceptance_judged=10, accepted_in_time=5, answered=2, answer_days=60)  # 50 %, 30 days
    result = assess(only_two)
    assert [r.colour for r in result.readings] == [R, R, None, None, None]
    assert result.total_score == -2 and result.overall is R
    assert result.missing == (K.ANSWERED_BY_AGREED_DATE, K.TIMELINESS_RATED, K.EFFORTS_RATED)
    one_yellow = assess(Counts(answered=1, answer_days=20))
    assert (one_yellow.total_score, one_yellow.overall) == (0, Y)
    nothing = assess(Counts())
    assert (nothing.total_score, nothing.overall, len(nothing.missing)) == (None, None, 5)


def test_the_eea_average_is_pooled_over_requests_not_averaged_over_countries() -> None:
    big = Counts(acceptance_judged=90, accepted_in_time=90)  # 100 %
    small = Counts(acceptance_judged=10, accepted_in_time=0)  # 0 %
    pooled = assess(total([big, small])).reading(K.SPEED_IN_ACCEPTING)
    assert pooled.value == 90  # not (100 + 0) / 2
    assert total([]) == Counts()


def at(days: float, hour: int = 10) -> datetime:
    return (SENT + timedelta(days=days)).replace(hour=hour)


def request(**changes) -> RequestFacts:
    return RequestFacts(**{"receiving_country": "PL", "legal_area": "SERVICES", "sent_at": SENT, **changes})


def test_days_are_utc_calendar_days() -> None:
    assert days_between(SENT, SENT.replace(hour=23, minute=59)) == 0
    assert days_between(SENT.replace(hour=23, minute=59), at(1, hour=0)) == 1
    evening_in_athens = datetime(2024, 5, 6, 23, 30, tzinfo=UTC).astimezone(
        ZoneInfo("Europe/Athens"))  # 02:30 on 7 May locally, still 6 May in UTC
    assert days_between(SENT, evening_in_athens) == 0


def test_withdrawn_within_7_days_and_never_accepted_is_excluded() -> None:
    assert withdrawn_early(request(withdrawn_at=at(0)))
    assert withdrawn_early(request(withdrawn_at=at(7, hour=23)))
    assert not withdrawn_early(request(withdrawn_at=at(8, hour=0)))  # on the 8th day: it counts (as not accepted)
    assert not withdrawn_early(request(accepted_at=at(1), withdrawn_at=at(2)))  # accepted first: it counts
    assert not withdrawn_early(request())
    assert tally(request(withdrawn_at=at(3)), LATER) == Counts(withdrawn_early=1)
    late_withdrawal = tally(request(withdrawn_at=at(9)), LATER)
    assert (late_withdrawal.requests, late_withdrawal.acceptance_judged, late_withdrawal.accepted_in_time) == (1, 1, 0)
    assert late_withdrawal.awaiting_answer == 0


def test_accepted_within_7_calendar_days() -> None:
    assert tally(request(accepted_at=at(7, hour=23)), LATER).accepted_in_time == 1
    assert tally(request(accepted_at=at(8, hour=0)), LATER).accepted_in_time == 0
    assert tally(request(), LATER).accepted_in_time == 0


def test_acceptance_is_judged_once_the_window_has_ended() -> None:
    sent_day = SENT.date()
    assert last_day_with_known_acceptance(sent_day + timedelta(days=8)) == sent_day
    still_open = tally(request(accepted_at=at(1)), sent_day + timedelta(days=7))
    assert (still_open.requests, still_open.acceptance_judged, still_open.accepted_in_time) == (1, 0, 0)
    ended = tally(request(accepted_at=at(1)), sent_day + timedelta(days=8))
    assert (ended.acceptance_judged, ended.accepted_in_time) == (1, 1)


def test_answers_agreed_dates_and_surveys() -> None:
    answered = tally(request(accepted_at=at(1), answered_at=at(12), agreed_reply_date=at(12).date(),
                             closed_at=at(13), timeliness=2, efforts=3), LATER)
    assert (answered.answered, answered.answer_days, answered.answers_with_agreed_date,
            answered.answered_by_agreed_date) == (1, 12, 1, 1)
    assert (answered.timeliness_ratings, answered.timeliness_negative) == (1, 1)
    assert (answered.efforts_ratings, answered.efforts_negative) == (1, 0)
    late = tally(request(accepted_at=at(1), answered_at=at(13), agreed_reply_date=at(12).date()), LATER)
    assert (late.answers_with_agreed_date, late.answered_by_agreed_date) == (1, 0)
    undated = tally(request(accepted_at=at(1), answered_at=at(3)), LATER)
    assert (undated.answered, undated.answers_with_agreed_date) == (1, 0)
    waiting = tally(request(accepted_at=at(1)), LATER)
    assert (waiting.answered, waiting.awaiting_answer) == (0, 1)


def test_scope_is_the_sending_day_in_the_period_and_the_area() -> None:
    period = Period(date(2024, 5, 6), date(2024, 5, 6))
    assert in_scope(request(), period, ["SERVICES"])
    assert not in_scope(request(), period, ["PROFESSIONAL_QUALIFICATIONS"])
    assert not in_scope(request(sent_at=at(1)), period, ["SERVICES"])
    with pytest.raises(ValueError, match="ends before"):
        Period(date(2024, 5, 6), date(2024, 5, 5))
