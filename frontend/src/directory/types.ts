export type AuthorityLevel = 'NATIONAL' | 'REGIONAL' | 'LOCAL';

export interface AuthoritySummary {
  id: string;
  officialName: string;
  officialNameLanguage: string;
  country: string;
  city: string;
  level: AuthorityLevel;
  legalAreas: string[];
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export interface DirectoryQuery {
  text: string;
  country: string;
  legalArea: string;
  level: string;
}

export interface DirectoryResult {
  total: number;
  hits: AuthoritySummary[];
  facets: { country: FacetValue[]; legalArea: FacetValue[]; level: FacetValue[] };
}
