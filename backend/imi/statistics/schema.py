"""GraphQL for statisticians and the scoreboard pages: thin, each query authorises through the service."""

import datetime as dt
from typing import Annotated, Any

import strawberry

from imi.clock import day_of
from imi.graphql.context import Info
from imi.graphql.errors import NotAllowed, ValidationFailed, attempt
from imi.reference.schema import Country, ExchangeKind, LegalArea
from imi.statistics import indicators, service, usage
from imi.statistics.indicators import DEFINITIONS, Assessment

ScoreboardIndicator = indicators.Indicator
ScoreboardColour = indicators.Colour
IndicatorUnit = indicators.Unit
ScoreboardRounding = indicators.Rounding
UsageGroupBy = usage.GroupBy
strawberry.enum(ScoreboardIndicator, name="ScoreboardIndicator", description="The five indicators, in order.")
strawberry.enum(ScoreboardColour, name="ScoreboardColour")
strawberry.enum(IndicatorUnit, name="IndicatorUnit")
strawberry.enum(ScoreboardRounding, name="ScoreboardRounding",
                description="HALF_UP: values are rounded half up to whole numbers before banding (the method); "
                            "NONE: values are banded as read.")
strawberry.enum(UsageGroupBy, name="UsageGroupBy",
                description="QUARTER and MONTH are of a year: grouping by them also groups by YEAR.")


@strawberry.type(description="What an indicator measures and its bands.")
class IndicatorDefinition:
    indicator: ScoreboardIndicator
    number: int
    title: str
    description: str
    unit: IndicatorUnit
    green: str = strawberry.field(description="For example ≥ 80.")
    yellow: str = strawberry.field(description="For example 60–79.")
    red: str = strawberry.field(description="For example < 60.")


DEFINITION_TYPES = [
    IndicatorDefinition(indicator=d.indicator, number=d.number, title=d.title, description=d.description,
                        unit=d.unit, green=str(d.green), yellow=d.yellow, red=str(d.red))
    for d in DEFINITIONS
]


@strawberry.type(description="One indicator of one country (or of the EEA). Without data it has no value and no "
                             "colour and is left out of the total score.")
class IndicatorReading:
    indicator: ScoreboardIndicator
    numerator: int = strawberry.field(description="Accepted in time, total days, answered on time or negative "
                                                  "ratings.")
    denominator: int = strawberry.field(description="The requests (or survey answers) the value is over.")
    value: float | None = strawberry.field(description="The exact reading (percent or mean days); null: no data.")
    rounded: int | None = strawberry.field(description="The reading rounded half up to a whole number.")
    colour: ScoreboardColour | None
    score: int | None = strawberry.field(description="+1 green, 0 yellow, −1 red; null: no data.")
    has_data: bool


def _reading(r: indicators.Reading) -> IndicatorReading:
    return IndicatorReading(indicator=r.indicator, numerator=r.numerator, denominator=r.denominator,
                            value=r.approximate, rounded=r.rounded,
                            colour=r.colour, score=r.score, has_data=r.has_data)


@strawberry.type(description="A country's scoreboard (or, with no country, the EEA average pooled over all "
                             "requests).")
class ScoreboardAssessment:
    country: Country | None = strawberry.field(description="Null for the EEA average.")
    requests: int = strawberry.field(description="Received requests that count, after the exclusion.")
    withdrawn_early: int = strawberry.field(description="Left out: withdrawn within 7 days of sending, never "
                                                        "accepted.")
    awaiting_answer: int = strawberry.field(description="Requests still open and not yet answered.")
    indicators: list[IndicatorReading] = strawberry.field(description="The five readings, in order.")
    total_score: int | None = strawberry.field(description="The sum of the scores; null when no indicator has "
                                                           "data.")
    overall: ScoreboardColour | None = strawberry.field(description="≥ 2 green, −1…1 yellow, ≤ −2 red; null: no "
                                                                    "data.")
    missing_indicators: list[ScoreboardIndicator] = strawberry.field(
        description="Indicators without data, left out of the total score.")

    @strawberry.field(description="One of the five readings.")
    def indicator(self, indicator: ScoreboardIndicator) -> IndicatorReading:
        return next(r for r in self.indicators if r.indicator == indicator)

    @staticmethod
    def of(assessment: Assessment, country: str | None) -> "ScoreboardAssessment":
        counts = assessment.counts
        return ScoreboardAssessment(
            country=Country.of(country) if country else None, requests=counts.requests,
            withdrawn_early=counts.withdrawn_early, awaiting_answer=counts.awaiting_answer,
            indicators=[_reading(r) for r in assessment.readings], total_score=assessment.total_score,
            overall=assessment.overall, missing_indicators=list(assessment.missing),
        )


@strawberry.type(description="The Single Market Scoreboard of information requests sent in a period.")
class Scoreboard:
    from_: dt.date = strawberry.field(name="from")
    to: dt.date
    areas: list[LegalArea]
    rounding: ScoreboardRounding
    acceptance_judged_until: dt.date | None = strawberry.field(
        description="Indicator 1 reads requests sent up to this day: later ones are still inside their 7-day "
                    "acceptance window. Null: none yet.")
    definitions: list[IndicatorDefinition]
    countries: list[ScoreboardAssessment] = strawberry.field(description="The chosen countries, in order.")
    eea_average: ScoreboardAssessment = strawberry.field(description="Pooled over all requests of the period "
                                                                     "and areas, whatever countries were chosen.")


@strawberry.input
class ScoreboardInput:
    from_: dt.date = strawberry.field(name="from", description="First sending day (UTC), included.")
    to: dt.date = strawberry.field(description="Last sending day (UTC), included.")
    countries: list[str] | None = strawberry.field(default=None, description="EU codes; default: all 30.")
    areas: list[str] | None = strawberry.field(default=None, description="Legal-area codes; default: the four "
                                                                         "scoreboard areas.")
    rounding: ScoreboardRounding = indicators.Rounding.HALF_UP


@strawberry.type(description="One year of a country's trend.")
class TrendYear:
    year: int
    country: ScoreboardAssessment
    eea_average: ScoreboardAssessment
    acceptance_judged_until: dt.date | None


@strawberry.type(description="A country's scoreboard year by year, beside the EEA average.")
class CountryTrend:
    country: Country
    areas: list[LegalArea]
    rounding: ScoreboardRounding
    definitions: list[IndicatorDefinition]
    years: list[TrendYear]


@strawberry.input
class CountryTrendInput:
    country: str
    first_year: int
    last_year: int
    areas: list[str] | None = None
    rounding: ScoreboardRounding = indicators.Rounding.HALF_UP


@strawberry.type(description="One group of sent exchanges and its count; keys not grouped by are null.")
class UsageRow:
    count: int
    period: str | None = strawberry.field(description="2019, 2019-Q1 or 2019-03, by the time grouping.")
    year: int | None
    quarter: int | None
    month: int | None
    exchange_kind: ExchangeKind | None
    legal_area: str | None
    procedure: str | None
    sending_country: str | None
    receiving_country: str | None = strawberry.field(description="Null for alerts and notifications.")


@strawberry.type(description="Exchanges sent in a period, counted per group.")
class UsageStatistics:
    from_: dt.date = strawberry.field(name="from")
    to: dt.date
    group_by: list[UsageGroupBy]
    rows: list[UsageRow]
    total: int = strawberry.field(description="The sum of the rows' counts.")
    truncated: bool = strawberry.field(description=f"True when more than {usage.MAX_ROWS} groups were cut off.")


@strawberry.input
class UsageFiltersInput:
    kinds: list[ExchangeKind] | None = None
    legal_areas: list[str] | None = None
    procedures: list[str] | None = None
    sending_countries: list[str] | None = None
    receiving_countries: list[str] | None = None


@strawberry.input
class UsageStatisticsInput:
    from_: dt.date = strawberry.field(name="from", description="First sending day (UTC), included.")
    to: dt.date = strawberry.field(description="Last sending day (UTC), included.")
    group_by: list[UsageGroupBy] = strawberry.field(default_factory=list)
    filters: UsageFiltersInput | None = None


ScoreboardResult = Annotated[Scoreboard | NotAllowed | ValidationFailed, strawberry.union("ScoreboardResult")]
CountryTrendResult = Annotated[CountryTrend | NotAllowed | ValidationFailed, strawberry.union("CountryTrendResult")]
UsageStatisticsResult = Annotated[UsageStatistics | NotAllowed | ValidationFailed,
                                  strawberry.union("UsageStatisticsResult")]


def to_scoreboard(board: service.Scoreboard) -> Scoreboard:
    return Scoreboard(
        from_=board.period.start, to=board.period.end, areas=[LegalArea.of(a) for a in board.areas],
        rounding=board.rounding, acceptance_judged_until=board.acceptance_judged_until,
        definitions=DEFINITION_TYPES,
        countries=[ScoreboardAssessment.of(c.assessment, c.country) for c in board.countries],
        eea_average=ScoreboardAssessment.of(board.eea_average, None),
    )


def to_trend(found: service.Trend) -> CountryTrend:
    return CountryTrend(
        country=Country.of(found.country), areas=[LegalArea.of(a) for a in found.areas], rounding=found.rounding,
        definitions=DEFINITION_TYPES,
        years=[TrendYear(year=y.year, country=ScoreboardAssessment.of(y.country, found.country),
                         eea_average=ScoreboardAssessment.of(y.eea_average, None),
                         acceptance_judged_until=y.acceptance_judged_until) for y in found.years],
    )


def to_usage(found: service.Usage) -> UsageStatistics:
    return UsageStatistics(
        from_=found.query.period.start, to=found.query.period.end, group_by=list(found.query.group_by),
        rows=[UsageRow(count=r.count, period=r.period, year=r.year, quarter=r.quarter, month=r.month,
                       exchange_kind=ExchangeKind(r.exchange_kind) if r.exchange_kind else None,
                       legal_area=r.legal_area, procedure=r.procedure, sending_country=r.sending_country,
                       receiving_country=r.receiving_country) for r in found.rows],
        total=found.total, truncated=found.truncated,
    )


def usage_filters(given: UsageFiltersInput | None) -> usage.Filters:
    if given is None:
        return usage.Filters()
    return usage.Filters(
        kinds=tuple(k.value for k in given.kinds or ()), legal_areas=tuple(given.legal_areas or ()),
        procedures=tuple(given.procedures or ()), sending_countries=tuple(given.sending_countries or ()),
        receiving_countries=tuple(given.receiving_countries or ()),
    )


@strawberry.type
class StatisticsQueries:
    @strawberry.field(description="The Single Market Scoreboard for requests sent in a period. Needs a signed-in "
                                  "user or an API token with statistics:read.")
    async def scoreboard(self, info: Info, input: ScoreboardInput) -> ScoreboardResult:
        ctx = info.context

        async def run() -> Any:
            return to_scoreboard(await service.scoreboard(
                ctx.principal, input.from_, input.to, day_of(ctx.now), countries=input.countries,
                areas=input.areas, rounding=input.rounding))

        return await attempt(run)

    @strawberry.field(description="One country's scoreboard year by year, beside the EEA average.")
    async def country_trend(self, info: Info, input: CountryTrendInput) -> CountryTrendResult:
        ctx = info.context

        async def run() -> Any:
            return to_trend(await service.trend(
                ctx.principal, input.country, input.first_year, input.last_year, day_of(ctx.now),
                areas=input.areas, rounding=input.rounding))

        return await attempt(run)

    @strawberry.field(description="Exchanges sent in a period, counted by the chosen groupings and filters.")
    async def usage_statistics(self, info: Info, input: UsageStatisticsInput) -> UsageStatisticsResult:
        ctx = info.context

        async def run() -> Any:
            return to_usage(await service.usage_statistics(
                ctx.principal, input.from_, input.to, input.group_by,
                usage_filters(input.filters)))

        return await attempt(run)
