import { describe, expect, it } from 'vitest';
import { daysUntil } from './Deadline';

describe('daysUntil', () => {
  const today = new Date('2025-11-10T15:30:00Z');
  it('counts calendar days, negative once passed', () => {
    expect(daysUntil('2025-11-10', today)).toBe(0);
    expect(daysUntil('2025-11-13', today)).toBe(3);
    expect(daysUntil('2025-11-08', today)).toBe(-2);
  });
});
