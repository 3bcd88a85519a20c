import { isLanguage, type Language } from './languages';

const KEY = 'imi.language';

export function rememberedLanguage(): Language | undefined {
  try {
    const value = localStorage.getItem(KEY);
    return isLanguage(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(KEY, language);
  } catch {
    // Private browsing may refuse storage: the choice then lasts for this page only.
  }
}
