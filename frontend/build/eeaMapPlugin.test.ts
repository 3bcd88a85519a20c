import { describe, expect, it } from 'vitest';
import { buildEeaMap } from './eeaMapPlugin';

describe('the EEA map', () => {
  const map = buildEeaMap();

  it('has all 30 EEA countries, each with a shape inside the frame', () => {
    expect(map.countries.map((country) => country.code).sort()).toHaveLength(30);
    for (const country of map.countries) {
      expect(country.path.length).toBeGreaterThan(10);
      const [x, y] = country.centroid;
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(map.width);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(map.height);
    }
  });

  it('marks the states too small to see', () => {
    const small = map.countries.filter((country) => country.small).map((country) => country.code);
    expect(small).toEqual(expect.arrayContaining(['LI', 'LU', 'MT']));
    expect(small).not.toContain('DE');
  });
});
