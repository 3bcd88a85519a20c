// Checks of the interface string catalogue (src/i18n/locales/<lang>.json) against English:
// every key present and no stray key, plural forms as each language's plural rules ask (Intl.PluralRules),
// {{placeholders}} as in English, no surrounding or double blanks, nothing identical to English unless allow-listed.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const LOCALES_DIR = fileURLToPath(new URL('../src/i18n/locales/', import.meta.url));
export const ALLOWLIST_FILE = fileURLToPath(new URL('../src/i18n/allowlist.json', import.meta.url));
export const SOURCE_LANGUAGE = 'en';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const PLACEHOLDER = /\{\{\s*([A-Za-z][\w.]*)\s*\}\}/g;

/** `{a: {b: 'x'}}` → `{'a.b': 'x'}`; a value that is neither text nor object is reported as such. */
export function flatten(tree, prefix = '') {
  const flat = {};
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') Object.assign(flat, flatten(value, path));
    else flat[path] = value;
  }
  return flat;
}

export function intlLocale(language) {
  return language === 'pt' ? 'pt-PT' : language;
}

export function pluralCategories(language) {
  return new Intl.PluralRules(intlLocale(language)).resolvedOptions().pluralCategories;
}

export function placeholders(text) {
  return new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]));
}

/** The keys a language must have: English's, with each plural group in that language's plural categories. */
export function requiredKeys(english, language) {
  const keys = new Set();
  for (const key of Object.keys(english)) {
    if (PLURAL_SUFFIX.test(key)) {
      const base = key.replace(PLURAL_SUFFIX, '');
      for (const category of pluralCategories(language)) keys.add(`${base}_${category}`);
    } else keys.add(key);
  }
  return keys;
}

function englishFor(english, key) {
  return english[key] ?? english[key.replace(PLURAL_SUFFIX, '_other')];
}

function sameSet(a, b) {
  return a.size === b.size && [...a].every((item) => b.has(item));
}

/** Whether this translation may equal the English text. */
function identicalAllowed(allowlist, key, language, text) {
  return allowlist.identical_texts.includes(text) || (allowlist.identical[key] ?? []).includes(language);
}

/** Every problem of one language's catalogue, as `key [lang] reason` lines. */
export function checkLanguage(english, translated, language, allowlist) {
  const problems = [];
  const required = requiredKeys(english, language);
  for (const key of required) if (!(key in translated)) problems.push(`${key} [${language}] missing`);
  for (const [key, text] of Object.entries(translated)) {
    if (!required.has(key)) {
      problems.push(`${key} [${language}] not a key of the English catalogue (or a plural form this language does not use)`);
      continue;
    }
    if (typeof text !== 'string' || text === '') {
      problems.push(`${key} [${language}] not a non-empty text`);
      continue;
    }
    const source = englishFor(english, key);
    const expected = placeholders(source);
    const found = placeholders(text);
    // A singular-like form may say its number in words ("one request"), so {{count}} may be left out there.
    if (!key.endsWith('_other') && PLURAL_SUFFIX.test(key)) found.add('count'), expected.add('count');
    if (!sameSet(found, expected)) problems.push(`${key} [${language}] placeholders {${[...found]}} differ from English {${[...expected]}}`);
    if (text !== text.trim() || text.includes('  ')) problems.push(`${key} [${language}] surrounding or double blanks`);
    if (language !== SOURCE_LANGUAGE && text === source && !identicalAllowed(allowlist, key, language, text)) {
      problems.push(`${key} [${language}] identical to English`);
    }
  }
  return problems;
}

export function readAllowlist(file = ALLOWLIST_FILE) {
  const raw = JSON.parse(readFileSync(file, 'utf8'));
  return { identical_texts: raw.identical_texts ?? [], identical: raw.identical ?? {}, detection: raw.detection ?? {} };
}

export function readCatalogues(dir = LOCALES_DIR) {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => [name.slice(0, -'.json'.length), flatten(JSON.parse(readFileSync(`${dir}${name}`, 'utf8')))]),
  );
}

/** Every problem of the whole catalogue, for the given languages (all 26 must be there). */
export function checkCatalogues(languages, catalogues = readCatalogues(), allowlist = readAllowlist()) {
  const english = catalogues[SOURCE_LANGUAGE];
  if (!english) return [`${SOURCE_LANGUAGE}.json missing`];
  const problems = [];
  for (const language of languages) {
    if (!catalogues[language]) problems.push(`${language}.json missing`);
    else problems.push(...checkLanguage(english, catalogues[language], language, allowlist));
  }
  for (const language of Object.keys(catalogues)) if (!languages.includes(language)) problems.push(`${language}.json is not a served language`);
  return problems;
}
