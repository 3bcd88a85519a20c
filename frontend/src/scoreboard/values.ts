import { formatNumber } from '../i18n/format';
import type { Language } from '../i18n/languages';
import type { Indicator } from './types';

/** Rounds half up to a whole number, as the scoreboard does before banding. */
export function roundHalfUp(value: number): number {
  return Math.sign(value) * Math.floor(Math.abs(value) + 0.5);
}

/** An indicator's reading as shown: rounded, or with one decimal when the raw reading is asked for. */
export function shownValue(value: number, raw: boolean): number {
  return raw ? Math.round(value * 10) / 10 : roundHalfUp(value);
}

export function formatIndicatorValue(language: Language, indicator: Indicator, value: number | null, raw: boolean, noData: string): string {
  if (value === null) return noData;
  const number = formatNumber(language, shownValue(value, raw), raw ? 1 : 0);
  return indicator === 'answerSpeed' ? number : `${number} %`;
}

export const INDICATOR_UNIT_KEYS: Record<Indicator, string> = {
  acceptanceSpeed: 'indicators.acceptanceSpeedUnit',
  answerSpeed: 'indicators.answerSpeedUnit',
  answeredOnTime: 'indicators.answeredOnTimeUnit',
  timelinessRating: 'indicators.timelinessRatingUnit',
  effortsRating: 'indicators.effortsRatingUnit',
};
