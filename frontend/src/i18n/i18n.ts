import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, intlLocale, isLanguage, preferredLanguage, type Language } from './languages';
import { rememberLanguage, rememberedLanguage } from './storage';

type Catalogue = Record<string, unknown>;

const catalogues = import.meta.glob<Catalogue>('./locales/*.json', { import: 'default' });

async function loadCatalogue(language: Language): Promise<Catalogue> {
  const load = catalogues[`./locales/${language}.json`];
  if (!load) throw new Error(`No catalogue for ${language}`);
  return load();
}

/** The language to start in: the one chosen before, else the signed-in official's, else the browser's, else English. */
export function firstLanguage(officialLanguage: string | undefined): Language {
  return rememberedLanguage() ?? (isLanguage(officialLanguage) ? officialLanguage : undefined) ?? preferredLanguage(navigator.languages) ?? DEFAULT_LANGUAGE;
}

function applyToDocument(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = 'ltr';
}

/** Starts the interface in one language; every catalogue is complete (the catalogue checks see to it), so no other is loaded. */
export async function startI18n(language: Language): Promise<i18n> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    resources: { [language]: { translation: await loadCatalogue(language) } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyToDocument(language);
  return i18next;
}

/** Switches the whole interface to another language and, unless told otherwise, remembers the choice. */
export async function changeLanguage(language: Language, { remember = true } = {}): Promise<void> {
  if (!i18next.hasResourceBundle(language, 'translation')) {
    i18next.addResourceBundle(language, 'translation', await loadCatalogue(language));
  }
  await i18next.changeLanguage(language);
  if (remember) rememberLanguage(language);
  applyToDocument(language);
}

export { intlLocale };
