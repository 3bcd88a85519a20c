export function checkCatalogues(languages: string[]): string[];
export function checkLanguage(
  english: Record<string, string>,
  translated: Record<string, unknown>,
  language: string,
  allowlist: { identical_texts: string[]; identical: Record<string, string[]>; detection: Record<string, string[]> },
): string[];
export function requiredKeys(english: Record<string, string>, language: string): Set<string>;
