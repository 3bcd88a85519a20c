import { createContext, useContext } from 'react';
import type { AuthorityRegistration, ManagedAuthority, ManagedUser, NewUser } from '../admin/types';
import type { BroadcastCommand, BroadcastDetail, BroadcastDraft, BroadcastList, BroadcastSummary } from '../alerts/types';
import type { CatalogueSection } from '../catalogue/types';
import type { DirectoryQuery, DirectoryResult } from '../directory/types';
import type { LegalArea } from '../reference/types';
import type { RequestCommand, RequestDetail, RequestDraft } from '../requests/types';
import type { CountryTrend, Period, ScoreboardReport, UsageStatistics } from '../scoreboard/types';
import type { Right, SessionUser } from '../session/types';
import type { ApiToken, NewApiToken } from '../tokens/types';
import type { ExchangeEvent, WorkItem, WorkList } from '../work/types';

/**
 * Where the views read their data from and send their changes to. Reads that return text for people take the
 * interface `language`; changes take the `version` the reader saw, and fail as `staleVersion` if it is no longer current.
 * Every failure is a `DataError` (see ./errors).
 */
export interface DataSources {
  /** The signed-in official, or null when nobody is signed in. */
  me(): Promise<SessionUser | null>;
  signIn(email: string, password: string): Promise<SessionUser>;
  signOut(): Promise<void>;

  legalAreas(language: string): Promise<LegalArea[]>;
  questionCatalogue(procedure: string, language: string): Promise<CatalogueSection[]>;

  workList(list: WorkList, language: string): Promise<WorkItem[]>;
  /** Calls `listener` for every step taken on an exchange the reader may see, from now on; returns the way to stop. */
  watchExchanges(listener: (event: ExchangeEvent) => void): () => void;

  /** Saves a new request as a draft and, when `send` is true, sends it; its id. */
  createRequest(draft: RequestDraft, send: boolean): Promise<string>;
  request(id: string, language: string): Promise<RequestDetail>;
  /** Acts on a request; the request as it now is, or null when it is no longer the reader's (it was forwarded). */
  performOnRequest(id: string, version: number, command: RequestCommand, language: string): Promise<RequestDetail | null>;

  broadcasts(list: BroadcastList, language: string): Promise<BroadcastSummary[]>;
  broadcast(id: string, language: string): Promise<BroadcastDetail>;
  /** Saves a new alert or notification as a draft; its id. */
  createBroadcast(draft: BroadcastDraft): Promise<string>;
  performOnBroadcast(id: string, version: number, command: BroadcastCommand, language: string): Promise<BroadcastDetail>;

  searchAuthorities(query: DirectoryQuery): Promise<DirectoryResult>;

  /** The authorities a coordinator manages: those of its country. */
  managedAuthorities(country: string): Promise<ManagedAuthority[]>;
  registerAuthority(registration: AuthorityRegistration): Promise<{ invitationToken: string | null }>;
  validateAuthority(authority: ManagedAuthority): Promise<void>;
  setAuthorityActive(authority: ManagedAuthority, active: boolean): Promise<void>;
  grantLegalArea(authorityId: string, legalArea: string): Promise<void>;
  revokeLegalArea(authorityId: string, legalArea: string): Promise<void>;
  /** The users of the reader's authority (for its local data administrators). */
  users(): Promise<ManagedUser[]>;
  addUser(user: NewUser): Promise<{ setPasswordToken: string }>;
  setUserRights(userId: string, rights: Right[]): Promise<void>;
  setUserActive(userId: string, active: boolean): Promise<void>;

  /** The reader's own active API tokens, newest first. */
  apiTokens(): Promise<ApiToken[]>;
  /** Creates an API token for the reader; the bearer token, which the server shows only this once. */
  createApiToken(token: NewApiToken): Promise<{ token: string }>;
  revokeApiToken(prefix: string): Promise<void>;

  scoreboard(period: Period, raw: boolean): Promise<ScoreboardReport>;
  countryTrend(country: string, period: Period, raw: boolean): Promise<CountryTrend>;
  usage(period: Period, language: string): Promise<UsageStatistics>;
}

export const DataSourcesContext = createContext<DataSources | null>(null);

export function useDataSources(): DataSources {
  const sources = useContext(DataSourcesContext);
  if (!sources) throw new Error('useDataSources outside <DataSourcesContext.Provider>');
  return sources;
}
