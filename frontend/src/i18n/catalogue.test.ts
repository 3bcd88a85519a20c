import { describe, expect, it } from 'vitest';
import { checkCatalogues, checkLanguage, requiredKeys } from '../../scripts/catalogue.mjs';
import { LANGUAGES as SCRIPT_LANGUAGES } from '../../scripts/languages.mjs';
import { LANGUAGES } from './languages';

const noExceptions = { identical_texts: [], identical: {}, detection: {} };

describe('the interface catalogue', () => {
  it('is complete and consistent in all 26 languages', () => {
    expect(checkCatalogues([...LANGUAGES])).toEqual([]);
  });

  it('lists the same languages as the checking scripts', () => {
    expect(SCRIPT_LANGUAGES).toEqual([...LANGUAGES]);
  });
});

describe('the catalogue checks', () => {
  const english = { 'a.title': 'Title', 'a.greeting': 'Hello {{name}}', 'a.items_one': '{{count}} item', 'a.items_other': '{{count}} items' };

  it('ask each language for its own plural forms', () => {
    expect([...requiredKeys(english, 'pl')].filter((key) => key.startsWith('a.items'))).toEqual(['a.items_few', 'a.items_many', 'a.items_one', 'a.items_other']);
    expect([...requiredKeys(english, 'ga')]).toContain('a.items_two');
  });

  it('find missing keys, stray keys, changed placeholders and English left in place', () => {
    const german = { 'a.title': 'Title', 'a.greeting': 'Hallo {{nom}}', 'a.items_one': 'ein Eintrag', 'a.items_other': '{{count}} Einträge', 'a.extra': 'x' };
    expect(new Set(checkLanguage(english, german, 'de', noExceptions))).toEqual(
      new Set([
        'a.title [de] identical to English',
        'a.greeting [de] placeholders {nom} differ from English {name}',
        'a.extra [de] not a key of the English catalogue (or a plural form this language does not use)',
      ]),
    );
  });

  it('accept English spellings that are allow-listed', () => {
    const allow = { ...noExceptions, identical: { 'a.title': ['de'] } };
    const german = { 'a.title': 'Title', 'a.greeting': 'Hallo {{name}}', 'a.items_one': 'ein Eintrag', 'a.items_other': '{{count}} Einträge' };
    expect(checkLanguage(english, german, 'de', allow)).toEqual([]);
  });

  it('report a missing plural form', () => {
    const polish = { 'a.title': 'Tytuł', 'a.greeting': 'Cześć {{name}}', 'a.items_one': '{{count}} pozycja', 'a.items_other': '{{count}} pozycji' };
    expect(checkLanguage(english, polish, 'pl', noExceptions)).toEqual(['a.items_few [pl] missing', 'a.items_many [pl] missing']);
  });
});
