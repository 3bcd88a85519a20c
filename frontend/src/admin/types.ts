import type { AuthorityLevel } from '../reference/types';
import type { Right } from '../session/types';

export type AuthorityStatus = 'PENDING' | 'ACTIVE' | 'INACTIVE';

/** An authority as its coordinator manages it. */
export interface ManagedAuthority {
  id: string;
  version: number;
  officialName: string;
  officialNameLanguage: string;
  country: string;
  level: AuthorityLevel;
  city: string | null;
  status: AuthorityStatus;
  legalAreas: string[];
}

export interface AuthorityRegistration {
  country: string;
  level: AuthorityLevel;
  officialName: string;
  officialLanguage: string;
  city: string;
  email: string;
  /** When given, the authority's first administrator is invited at this address. */
  administratorEmail: string;
}

export interface ManagedUser {
  id: string;
  fullName: string;
  email: string;
  language: string;
  active: boolean;
  rights: Right[];
}

export interface NewUser {
  fullName: string;
  email: string;
  language: string;
  rights: Right[];
}
