import { describe, expect, it } from 'vitest';
import { periodFrom } from './PeriodPicker';

describe('periodFrom', () => {
  const today = new Date('2026-03-01T00:00:00Z');
  it('reads the period from the address', () => {
    expect(periodFrom(new URLSearchParams('from=2024-01-01&to=2024-06-30'), today)).toEqual({ from: '2024-01-01', to: '2024-06-30' });
  });

  it('falls back to the last full year when the period is missing or reversed', () => {
    const lastYear = { from: '2025-01-01', to: '2025-12-31' };
    expect(periodFrom(new URLSearchParams(''), today)).toEqual(lastYear);
    expect(periodFrom(new URLSearchParams('from=2024-06-30&to=2024-01-01'), today)).toEqual(lastYear);
  });
});
