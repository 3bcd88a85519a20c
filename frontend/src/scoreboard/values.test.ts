import { describe, expect, it } from 'vitest';
import { formatIndicatorValue, roundHalfUp, shownValue } from './values';

describe('scoreboard values', () => {
  it('round half up before banding', () => {
    expect([79.5, 79.49, 15.5, 0.5].map(roundHalfUp)).toEqual([80, 79, 16, 1]);
  });

  it('show one decimal when the raw reading is asked for', () => {
    expect(shownValue(79.46, true)).toBe(79.5);
    expect(shownValue(79.46, false)).toBe(79);
  });

  it('format per locale, days without a percent sign, and say when there is no data', () => {
    expect(formatIndicatorValue('de', 'acceptanceSpeed', 79.46, true, '–')).toBe('79,5 %');
    expect(formatIndicatorValue('en', 'answerSpeed', 12.2, false, '–')).toBe('12');
    expect(formatIndicatorValue('fr', 'effortsRating', null, false, 'Pas de données')).toBe('Pas de données');
  });
});
