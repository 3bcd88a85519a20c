import { describe, expect, it } from 'vitest';
import { parseRoute, pathOf, type Route } from './routes';

describe('routes', () => {
  it.each<[string, Route]>([
    ['/', { name: 'work' }],
    ['/sign-in', { name: 'signIn' }],
    ['/requests/new', { name: 'compose' }],
    ['/requests/req-1042', { name: 'request', id: 'req-1042' }],
    ['/alerts/', { name: 'alerts' }],
    ['/alerts/new', { name: 'newBroadcast' }],
    ['/alerts/RXhjaGFuZ2U6MQ==', { name: 'broadcast', id: 'RXhjaGFuZ2U6MQ==' }],
    ['/scoreboard', { name: 'scoreboard' }],
    ['/scoreboard/lu', { name: 'scoreboardCountry', country: 'LU' }],
    ['/usage-statistics', { name: 'statistics' }],
    ['/api-tokens/', { name: 'apiTokens' }],
    ['/nowhere', { name: 'notFound' }],
  ])('read %s', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
  });

  it('write back the address they were read from', () => {
    for (const path of ['/', '/sign-in', '/requests/new', '/requests/a%2Fb', '/alerts/new', '/alerts/RXhjaGFuZ2U6MQ%3D%3D', '/directory', '/admin', '/api-tokens', '/scoreboard/MT']) {
      expect(pathOf(parseRoute(path))).toBe(path);
    }
  });
});
