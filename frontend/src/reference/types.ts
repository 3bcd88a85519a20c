export type ExchangeKind = 'REQUEST' | 'ALERT' | 'NOTIFICATION' | 'CASE';
export type AuthorityLevel = 'NATIONAL' | 'REGIONAL' | 'LOCAL';
export const AUTHORITY_LEVELS: readonly AuthorityLevel[] = ['NATIONAL', 'REGIONAL', 'LOCAL'];

/** A procedure (one kind of exchange in a legal area), named in the reader's language. */
export interface Procedure {
  code: string;
  name: string;
  kind: ExchangeKind;
  legalArea: string;
  defaultReplyDays: number;
  personalDataFields: string[];
}

export interface LegalArea {
  code: string;
  name: string;
  procedures: Procedure[];
}

/** An authority as other views name it: its official name is in its own language and never translated. */
export interface AuthorityName {
  id: string;
  name: string;
  language: string;
  country: string;
}
