import { describe, expect, it } from 'vitest';
import { isStale } from './readings';

describe('isStale', () => {
  it('drops a reading older than the one shown', () => {
    expect(isStale({ version: 3 }, { version: 4 })).toBe(true);
  });

  it('takes a newer reading, and one of the same version (a translation may have arrived)', () => {
    expect(isStale({ version: 5 }, { version: 4 })).toBe(false);
    expect(isStale({ version: 4 }, { version: 4 })).toBe(false);
  });
});
