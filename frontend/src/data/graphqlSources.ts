import type { Client } from '@urql/core';
import * as admin from './graphql/admin';
import * as broadcasts from './graphql/broadcasts';
import * as directory from './graphql/directory';
import * as reference from './graphql/reference';
import * as requests from './graphql/requests';
import * as session from './graphql/session';
import * as statistics from './graphql/statistics';
import * as tokens from './graphql/tokens';
import * as work from './graphql/work';
import type { DataSources } from './sources';

/** The data sources of the app on the GraphQL API. */
export function graphqlSources(client: Client): DataSources {
  return {
    me: () => session.me(client),
    signIn: (email, password) => session.signIn(client, email, password),
    signOut: () => session.signOut(client),
    legalAreas: (language) => reference.legalAreas(client, language),
    questionCatalogue: (procedure, language) => reference.questionCatalogue(client, procedure, language),
    workList: (list, language) => work.workList(client, list, language),
    watchExchanges: (listener) => work.watchExchanges(client, listener),
    createRequest: (draft, send) => requests.createRequest(client, draft, send),
    request: (id, language) => requests.request(client, id, language),
    performOnRequest: (id, version, command, language) => requests.performOnRequest(client, id, version, command, language),
    broadcasts: (list, language) => broadcasts.broadcasts(client, list, language),
    broadcast: (id, language) => broadcasts.broadcast(client, id, language),
    createBroadcast: (draft) => broadcasts.createBroadcast(client, draft),
    performOnBroadcast: (id, version, command, language) => broadcasts.performOnBroadcast(client, id, version, command, language),
    searchAuthorities: (query) => directory.searchAuthorities(client, query),
    managedAuthorities: (country) => admin.managedAuthorities(client, country),
    registerAuthority: (registration) => admin.registerAuthority(client, registration),
    validateAuthority: (authority) => admin.validateAuthority(client, authority),
    setAuthorityActive: (authority, active) => admin.setAuthorityActive(client, authority, active),
    grantLegalArea: (authorityId, legalArea) => admin.grantLegalArea(client, authorityId, legalArea),
    revokeLegalArea: (authorityId, legalArea) => admin.revokeLegalArea(client, authorityId, legalArea),
    users: () => admin.users(client),
    addUser: (user) => admin.addUser(client, user),
    setUserRights: (userId, rights) => admin.setUserRights(client, userId, rights),
    setUserActive: (userId, active) => admin.setUserActive(client, userId, active),
    apiTokens: () => tokens.apiTokens(client),
    createApiToken: (token) => tokens.createApiToken(client, token),
    revokeApiToken: (prefix) => tokens.revokeApiToken(client, prefix),
    scoreboard: (period, raw) => statistics.scoreboard(client, period, raw),
    countryTrend: (country, period, raw) => statistics.countryTrend(client, country, period, raw),
    usage: (period, language) => statistics.usage(client, period, language),
  };
}
