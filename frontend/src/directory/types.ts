import type { AuthorityLevel } from '../reference/types';

export interface AuthoritySummary {
  id: string;
  officialName: string;
  officialNameLanguage: string;
  country: string;
  city: string | null;
  level: AuthorityLevel;
  legalAreas: string[];
  email: string | null;
  phone: string | null;
  /** Matched parts of the hit as HTML: escaped text with <mark> around the matches. */
  highlights: { field: string; html: string }[];
}

/** A filter value and how many hits it would give (counted with the search's other filters). */
export interface FacetValue {
  value: string;
  count: number;
}

export interface DirectoryQuery {
  text: string;
  /** The language the text is written in: the interface language. */
  language: string;
  country: string;
  legalArea: string;
  level: string;
  procedure: string;
}

export interface DirectoryResult {
  total: number;
  hits: AuthoritySummary[];
  facets: { country: FacetValue[]; legalArea: FacetValue[]; level: FacetValue[] };
}
