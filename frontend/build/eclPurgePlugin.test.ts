import postcss from 'postcss';
import { describe, expect, it } from 'vitest';
import { isNeeded, purgeEcl, usedEclClasses } from './eclPurgePlugin';

describe('the ECL purge', () => {
  const used = usedEclClasses([`<div className="ecl-select__container ecl-select__container--m">`, `'ecl-u-type-heading-2'`, 'ecl-button']);

  it('keeps the components the sources name, with their elements and modifiers', () => {
    expect(isNeeded('ecl-select__icon', used)).toBe(true);
    expect(isNeeded('ecl-select', used)).toBe(true);
    expect(isNeeded('ecl-button--ghost', used)).toBe(true);
    expect(isNeeded('ecl-carousel', used)).toBe(false);
  });

  it('keeps only the utilities named', () => {
    expect(isNeeded('ecl-u-type-heading-2', used)).toBe(true);
    expect(isNeeded('ecl-u-type-heading-3', used)).toBe(false);
  });

  it('drops rules of other components, and selectors of them in shared rules', () => {
    const root = postcss.parse(':root{--x:1}.ecl-carousel{a:b}.ecl-button,.ecl-menu{c:d}@media (min-width:1px){.ecl-menu{e:f}}');
    purgeEcl(root, used);
    expect(root.toString()).toBe(':root{--x:1}.ecl-button{c:d}');
  });
});
