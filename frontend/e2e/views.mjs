// Every view of the app, as the end-to-end run visits it: a name (for screenshots), an address, and who looks at it.
import { GERMAN_COORDINATOR, GERMAN_OFFICIAL } from './cast.mjs';
import { contextIn, signedInContext } from './checks.mjs';

export const AXE_LANGUAGES = ['en', 'de', 'el', 'bg'];

/** Who looks at a view: each gets a browser context of their own, signed in as them (or not signed in). */
export function viewer(name, baseUrl) {
  const email = { official: GERMAN_OFFICIAL, coordinator: GERMAN_COORDINATOR }[name];
  return (browser, language, options) => (email ? signedInContext(browser, baseUrl, email, language, options) : contextIn(browser, language, options));
}

/** The views, with the request and the alert the story made (or, if it could not, ones of the demo data). */
export function views({ requestPath, alertPath }) {
  const official = 'official';
  const coordinator = 'coordinator';
  const nobody = 'nobody';
  return [
    { name: 'sign-in', path: '/sign-in', viewer: nobody },
    { name: 'my-work', path: '/?list=toAnswer', viewer: official },
    { name: 'compose', path: '/requests/new?procedure=PQ_REQUEST', viewer: official },
    { name: 'request', path: requestPath, viewer: official },
    { name: 'alerts', path: '/alerts?list=sent', viewer: coordinator },
    { name: 'new-alert', path: '/alerts/new?procedure=PQ_ALERT', viewer: official },
    { name: 'alert', path: alertPath, viewer: coordinator },
    { name: 'directory', path: '/directory?text=Apotheker', viewer: official },
    { name: 'admin', path: '/admin', viewer: coordinator },
    { name: 'scoreboard', path: '/scoreboard', viewer: official },
    { name: 'scoreboard-country', path: '/scoreboard/LU', viewer: official },
    { name: 'statistics', path: '/usage-statistics', viewer: official },
    { name: 'api-tokens', path: '/api-tokens', viewer: official },
    { name: 'not-found', path: '/no-such-page', viewer: official },
  ].filter((view) => view.path);
}
