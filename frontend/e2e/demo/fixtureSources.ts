import type { PendingAuthority } from '../../src/admin/types';
import type { BroadcastSummary } from '../../src/alerts/types';
import type { DataSources } from '../../src/data/sources';
import type { DirectoryResult } from '../../src/directory/types';
import type { RequestDetail } from '../../src/requests/types';
import type { CountryTrend, ScoreboardReport, UsageStatistics } from '../../src/scoreboard/types';
import type { WorkItem, WorkList } from '../../src/work/types';
import broadcasts from '../fixtures/broadcasts.json';
import directory from '../fixtures/directory.json';
import pendingAuthorities from '../fixtures/pending-authorities.json';
import procedures from '../fixtures/procedures.json';
import request from '../fixtures/request.json';
import scoreboard from '../fixtures/scoreboard.json';
import trend from '../fixtures/trend.json';
import usage from '../fixtures/usage.json';
import work from '../fixtures/work.json';

function typedError(name: string): Error {
  const error = new Error(name);
  error.name = name;
  return error;
}

/** The app's data from the fixture files, so that every view can be shown and tested without a server. */
export const fixtureSources: DataSources = {
  signIn: async (username) => {
    if (username !== 'demo') throw typedError('notAllowed');
  },
  workList: async (list: WorkList) => (work as Record<WorkList, WorkItem[]>)[list],
  procedures: async () => procedures,
  request: async (id) => {
    if (id !== request.id) throw typedError('notFound');
    return request as RequestDetail;
  },
  // Answering stands for an action that lost a race: someone else changed the request first.
  perform: async (_id, _version, action) => {
    if (action === 'answer') throw typedError('staleVersion');
    return { ...(request as RequestDetail), version: request.version + 1 };
  },
  broadcasts: async () => broadcasts as BroadcastSummary[],
  searchAuthorities: async () => directory as DirectoryResult,
  pendingAuthorities: async () => pendingAuthorities as PendingAuthority[],
  scoreboard: async () => scoreboard as ScoreboardReport,
  countryTrend: async (country) => ({ country, overall: null, ...trend }) as CountryTrend,
  usage: async () => usage as UsageStatistics,
};
