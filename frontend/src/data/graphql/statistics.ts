import type { Client } from '@urql/core';
import { graphql } from '../../graphql/generated';
import type { IndicatorReadingFieldsFragment, ScoreboardIndicator } from '../../graphql/generated/graphql';
import { read, success } from '../../graphql/operations';
import { trendYears } from '../../scoreboard/trendYears';
import type { CountryTrend, Indicator, IndicatorReading, Period, ScoreboardReport, UsageStatistics } from '../../scoreboard/types';

graphql(`
  fragment IndicatorReadingFields on IndicatorReading {
    indicator
    value
    colour
    denominator
  }
`);

const ScoreboardQuery = graphql(`
  query Scoreboard($input: ScoreboardInput!) {
    scoreboard(input: $input) {
      __typename
      ...Refusal
      ... on Scoreboard {
        from
        to
        countries {
          country {
            code
          }
          overall
          totalScore
          indicators {
            ...IndicatorReadingFields
          }
        }
        eeaAverage {
          indicators {
            ...IndicatorReadingFields
          }
        }
      }
    }
  }
`);

const CountryTrendQuery = graphql(`
  query CountryTrend($input: CountryTrendInput!) {
    countryTrend(input: $input) {
      __typename
      ...Refusal
      ... on CountryTrend {
        years {
          year
          country {
            overall
            indicators {
              ...IndicatorReadingFields
            }
          }
        }
      }
    }
  }
`);

const UsageQuery = graphql(`
  query Usage($from: Date!, $to: Date!, $language: String!) {
    legalAreas {
      code
      name(language: $language)
    }
    perYear: usageStatistics(input: { from: $from, to: $to, groupBy: [YEAR, EXCHANGE_KIND] }) {
      __typename
      ...Refusal
      ... on UsageStatistics {
        rows {
          count
          year
          exchangeKind
        }
      }
    }
    perQuarter: usageStatistics(input: { from: $from, to: $to, groupBy: [QUARTER, LEGAL_AREA], filters: { kinds: [REQUEST] } }) {
      __typename
      ...Refusal
      ... on UsageStatistics {
        rows {
          count
          period
          legalArea
        }
      }
    }
    bySending: usageStatistics(input: { from: $from, to: $to, groupBy: [SENDING_COUNTRY], filters: { kinds: [REQUEST] } }) {
      __typename
      ...Refusal
      ... on UsageStatistics {
        rows {
          count
          sendingCountry
        }
      }
    }
    byReceiving: usageStatistics(input: { from: $from, to: $to, groupBy: [RECEIVING_COUNTRY], filters: { kinds: [REQUEST] } }) {
      __typename
      ...Refusal
      ... on UsageStatistics {
        rows {
          count
          receivingCountry
        }
      }
    }
  }
`);

const INDICATORS: Record<ScoreboardIndicator, Indicator> = {
  SPEED_IN_ACCEPTING: 'acceptanceSpeed',
  SPEED_IN_ANSWERING: 'answerSpeed',
  ANSWERED_BY_AGREED_DATE: 'answeredOnTime',
  TIMELINESS_RATED: 'timelinessRating',
  EFFORTS_RATED: 'effortsRating',
};

function reading(reading: IndicatorReadingFieldsFragment): IndicatorReading {
  return { indicator: INDICATORS[reading.indicator], value: reading.value ?? null, band: reading.colour ?? null, requests: reading.denominator };
}

function rounding(raw: boolean) {
  return raw ? 'NONE' : 'HALF_UP';
}

export async function scoreboard(client: Client, period: Period, raw: boolean): Promise<ScoreboardReport> {
  const data = await read(client, ScoreboardQuery, { input: { from: period.from, to: period.to, rounding: rounding(raw) } });
  const board = success(data.scoreboard, 'Scoreboard');
  return {
    period: { from: board.from, to: board.to },
    rows: board.countries.flatMap((assessment) =>
      assessment.country
        ? [{ country: assessment.country.code, overall: assessment.overall ?? null, score: assessment.totalScore ?? null, indicators: assessment.indicators.map(reading) }]
        : [],
    ),
    eeaAverage: board.eeaAverage.indicators.map(reading),
  };
}

export async function countryTrend(client: Client, country: string, period: Period, raw: boolean): Promise<CountryTrend> {
  const data = await read(client, CountryTrendQuery, { input: { country, ...trendYears(period), rounding: rounding(raw) } });
  const trend = success(data.countryTrend, 'CountryTrend');
  return {
    country,
    overall: trend.years.at(-1)?.country.overall ?? null,
    points: trend.years.flatMap((year) => year.country.indicators.map((item) => ({ period: String(year.year), indicator: INDICATORS[item.indicator], value: item.value ?? null }))),
  };
}

export async function usage(client: Client, period: Period, language: string): Promise<UsageStatistics> {
  const data = await read(client, UsageQuery, { from: period.from, to: period.to, language });
  const areaNames = new Map(data.legalAreas.map((area) => [area.code, area.name]));
  return {
    period,
    exchangesPerYear: success(data.perYear, 'UsageStatistics').rows.flatMap((row) => (row.year && row.exchangeKind ? [{ year: row.year, kind: row.exchangeKind, count: row.count }] : [])),
    requestsPerQuarter: success(data.perQuarter, 'UsageStatistics').rows.flatMap((row) =>
      row.period && row.legalArea ? [{ quarter: row.period, legalArea: areaNames.get(row.legalArea) ?? row.legalArea, count: row.count }] : [],
    ),
    bySendingCountry: success(data.bySending, 'UsageStatistics').rows.flatMap((row) => (row.sendingCountry ? [{ country: row.sendingCountry, count: row.count }] : [])),
    byReceivingCountry: success(data.byReceiving, 'UsageStatistics').rows.flatMap((row) => (row.receivingCountry ? [{ country: row.receivingCountry, count: row.count }] : [])),
  };
}
