import { describe, expect, it } from 'vitest';
import { countryName, formatDate, formatNumber } from './format';
import { LANGUAGES, nativeName, preferredLanguage } from './languages';

describe('interface languages', () => {
  it('are the 26 served languages', () => {
    expect(LANGUAGES).toHaveLength(26);
    expect(new Set(LANGUAGES).size).toBe(26);
  });

  it('are named in themselves', () => {
    expect(nativeName('de')).toBe('Deutsch');
    expect(nativeName('el')).toBe('Ελληνικά');
    expect(nativeName('mt')).toBe('Malti');
    expect(nativeName('ga')).toBe('Gaeilge');
  });

  it('start from the browser preference when it is served', () => {
    expect(preferredLanguage(['fr-BE', 'en'])).toBe('fr');
    expect(preferredLanguage(['no'])).toBe('nb');
    expect(preferredLanguage(['ja', 'zh'])).toBeUndefined();
  });
});

describe('locale formats', () => {
  it('write dates and numbers as each locale does', () => {
    expect(formatDate('de', '2025-11-21')).toBe('21. November 2025');
    expect(formatNumber('fr', 12345)).toMatch(/^12\s345$/);
  });

  it('name Greece from its EU code EL', () => {
    expect(countryName('en', 'EL')).toBe('Greece');
  });
});
