/** Every page of the app, each with a shareable address. */
export type Route =
  | { name: 'work' }
  | { name: 'signIn' }
  | { name: 'compose' }
  | { name: 'request'; id: string }
  | { name: 'alerts' }
  | { name: 'newBroadcast' }
  | { name: 'broadcast'; id: string }
  | { name: 'directory' }
  | { name: 'admin' }
  | { name: 'scoreboard' }
  | { name: 'scoreboardCountry'; country: string }
  | { name: 'statistics' }
  | { name: 'apiTokens' }
  | { name: 'notFound' };

const STATIC_PATHS = {
  work: '/',
  signIn: '/sign-in',
  compose: '/requests/new',
  alerts: '/alerts',
  newBroadcast: '/alerts/new',
  directory: '/directory',
  admin: '/admin',
  scoreboard: '/scoreboard',
  statistics: '/usage-statistics',
  apiTokens: '/api-tokens',
} as const satisfies Partial<Record<Route['name'], string>>;

export function parseRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  for (const [name, staticPath] of Object.entries(STATIC_PATHS)) {
    if (path === staticPath) return { name } as Route;
  }
  const request = /^\/requests\/([^/]+)$/.exec(path);
  if (request?.[1]) return { name: 'request', id: decodeURIComponent(request[1]) };
  const broadcast = /^\/alerts\/([^/]+)$/.exec(path);
  if (broadcast?.[1]) return { name: 'broadcast', id: decodeURIComponent(broadcast[1]) };
  const country = /^\/scoreboard\/([A-Za-z]{2})$/.exec(path);
  if (country?.[1]) return { name: 'scoreboardCountry', country: country[1].toUpperCase() };
  return { name: 'notFound' };
}

export function pathOf(route: Route): string {
  switch (route.name) {
    case 'request':
      return `/requests/${encodeURIComponent(route.id)}`;
    case 'broadcast':
      return `/alerts/${encodeURIComponent(route.id)}`;
    case 'scoreboardCountry':
      return `/scoreboard/${route.country}`;
    case 'notFound':
      return '/';
    default:
      return STATIC_PATHS[route.name];
  }
}
