/** What the scoreboard views render; phase-independent of how the data arrives. */
export type Band = 'GREEN' | 'YELLOW' | 'RED';

export const INDICATORS = ['acceptanceSpeed', 'answerSpeed', 'answeredOnTime', 'timelinessRating', 'effortsRating'] as const;
export type Indicator = (typeof INDICATORS)[number];

/** One indicator for one country (or the EEA) over a period; `value` is null when there is no data. */
export interface IndicatorReading {
  indicator: Indicator;
  value: number | null;
  band: Band | null;
  requests: number;
}

export interface ScoreboardRow {
  country: string;
  overall: Band | null;
  score: number | null;
  indicators: IndicatorReading[];
}

export interface Period {
  from: string;
  to: string;
}

export interface ScoreboardReport {
  period: Period;
  rows: ScoreboardRow[];
  eeaAverage: IndicatorReading[];
}

export interface TrendPoint {
  period: string;
  indicator: Indicator;
  value: number | null;
}

export interface CountryTrend {
  country: string;
  overall: Band | null;
  points: TrendPoint[];
}

export type ExchangeKind = 'REQUEST' | 'ALERT' | 'NOTIFICATION' | 'CASE';

export interface UsageStatistics {
  period: Period;
  exchangesPerYear: { year: number; kind: ExchangeKind; count: number }[];
  requestsPerQuarter: { quarter: string; legalArea: string; count: number }[];
  bySendingCountry: { country: string; count: number }[];
  byReceivingCountry: { country: string; count: number }[];
}
