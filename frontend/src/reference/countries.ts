import { EEA_NUMERIC_CODES } from '../../build/eeaCountries';

/** The 30 EEA countries by EU code (Greece is EL). */
export const EEA_COUNTRIES: readonly string[] = Object.keys(EEA_NUMERIC_CODES);
