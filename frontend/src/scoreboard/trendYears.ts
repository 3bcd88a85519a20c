import type { Period } from './types';

/** How many years a country's trend shows. */
export const TREND_YEARS = 5;

/** The years of a country's trend: the five ending with the year the chosen period ends in. */
export function trendYears(period: Period): { firstYear: number; lastYear: number } {
  const lastYear = Number(period.to.slice(0, 4));
  return { firstYear: lastYear - TREND_YEARS + 1, lastYear };
}
