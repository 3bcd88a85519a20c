/** What an API token may do (the API's `Scope`). */
export const SCOPES = ['STATISTICS_READ', 'EXCHANGES_READ', 'EVENTS_SUBSCRIBE', 'PERSONAL_DATA_READ'] as const;
export type Scope = (typeof SCOPES)[number];

/** One of the reader's API tokens; `prefix` is its public part and names it to the API. */
export interface ApiToken {
  name: string;
  prefix: string;
  scopes: Scope[];
  createdAt: string;
  expiresAt: string;
}

export interface NewApiToken {
  name: string;
  scopes: Scope[];
  /** How many days the token is valid (1..366). */
  days: number;
}
