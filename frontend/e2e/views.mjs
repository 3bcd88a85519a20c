/** Every view of the app, as the end-to-end run visits it: a name (for screenshots) and an address. */
export const VIEWS = [
  { name: 'sign-in', path: '/sign-in' },
  { name: 'my-work', path: '/?list=toAnswer' },
  { name: 'compose', path: '/requests/new' },
  { name: 'request', path: '/requests/req-1042' },
  { name: 'alerts', path: '/alerts' },
  { name: 'directory', path: '/directory?text=Apotheker' },
  { name: 'admin', path: '/admin' },
  { name: 'scoreboard', path: '/scoreboard' },
  { name: 'scoreboard-country', path: '/scoreboard/LU' },
  { name: 'statistics', path: '/usage-statistics' },
  { name: 'not-found', path: '/no-such-page' },
];

export const AXE_LANGUAGES = ['en', 'de', 'el', 'bg'];

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
