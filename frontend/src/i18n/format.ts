import { intlLocale, type Language } from './languages';

/** A calendar date (YYYY-MM-DD or a Date) as the reader writes dates. */
export function formatDate(language: Language, value: string | Date): string {
  const date = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : value;
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

export function formatDateTime(language: Language, value: string | Date, timeZone?: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(typeof value === 'string' ? new Date(value) : value);
}

export function formatNumber(language: Language, value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(intlLocale(language), {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

export function formatPercent(language: Language, value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(intlLocale(language), {
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value / 100);
}

/** A country's name in the reader's language (CLDR), from its EU code (Greece is EL). */
export function countryName(language: Language, euCode: string): string {
  const iso = euCode === 'EL' ? 'GR' : euCode;
  return new Intl.DisplayNames([intlLocale(language)], { type: 'region' }).of(iso) ?? euCode;
}

export function languageName(inLanguage: Language, language: string): string {
  return new Intl.DisplayNames([intlLocale(inLanguage)], { type: 'language' }).of(language) ?? language;
}
