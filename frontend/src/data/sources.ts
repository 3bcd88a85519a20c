import { createContext, useContext } from 'react';
import type { PendingAuthority } from '../admin/types';
import type { BroadcastSummary } from '../alerts/types';
import type { DirectoryQuery, DirectoryResult } from '../directory/types';
import type { RequestAction, RequestDetail } from '../requests/types';
import type { CountryTrend, Period, ScoreboardReport, UsageStatistics } from '../scoreboard/types';
import type { WorkItem, WorkList } from '../work/types';

export interface Procedure {
  code: string;
  name: string;
}

/** Where the views read their data from and send their changes to. */
export interface DataSources {
  signIn(username: string, password: string): Promise<void>;
  workList(list: WorkList): Promise<WorkItem[]>;
  procedures(): Promise<Procedure[]>;
  request(id: string): Promise<RequestDetail>;
  /** Performs an action on the version of the request the reader saw; a newer version makes it fail as `staleVersion`. */
  perform(requestId: string, version: number, action: RequestAction): Promise<RequestDetail>;
  broadcasts(): Promise<BroadcastSummary[]>;
  searchAuthorities(query: DirectoryQuery): Promise<DirectoryResult>;
  pendingAuthorities(): Promise<PendingAuthority[]>;
  scoreboard(period: Period): Promise<ScoreboardReport>;
  countryTrend(country: string, period: Period): Promise<CountryTrend>;
  usage(period: Period): Promise<UsageStatistics>;
}

/** A read or a change that failed because the server could not be reached. */
export class NetworkError extends Error {
  constructor() {
    super('network');
    this.name = 'NetworkError';
  }
}

export const DataSourcesContext = createContext<DataSources | null>(null);

export function useDataSources(): DataSources {
  const sources = useContext(DataSourcesContext);
  if (!sources) throw new Error('useDataSources outside <DataSourcesContext.Provider>');
  return sources;
}
