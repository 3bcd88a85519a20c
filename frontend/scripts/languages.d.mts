export const LANGUAGES: string[];
