import { NetworkError, type DataSources } from './sources';

const unreachable = () => Promise.reject(new NetworkError());

/** The sources of a build that has no API to talk to: every call fails as a network error. */
export const unavailableSources: DataSources = {
  signIn: unreachable,
  workList: unreachable,
  procedures: unreachable,
  request: unreachable,
  perform: unreachable,
  broadcasts: unreachable,
  searchAuthorities: unreachable,
  pendingAuthorities: unreachable,
  scoreboard: unreachable,
  countryTrend: unreachable,
  usage: unreachable,
};
