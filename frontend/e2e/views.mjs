// Every view of the app, as the end-to-end run visits it: a name (for screenshots), an address, and who looks at it.
import { GERMAN_COORDINATOR, GERMAN_OFFICIAL } from './cast.mjs';
import { contextIn, signedInContext } from './checks.mjs';

export const AXE_LANGUAGES = ['en', 'de', 'el', 'bg'];

/** The views, with the request and the alert the story made (or, if it could not, ones of the demo data). */
export function views(baseUrl, { requestPath, alertPath }) {
  const official = (browser, language, options) => signedInContext(browser, baseUrl, GERMAN_OFFICIAL, language, options);
  const coordinator = (browser, language, options) => signedInContext(browser, baseUrl, GERMAN_COORDINATOR, language, options);
  const nobody = (browser, language, options) => contextIn(browser, language, options);
  return [
    { name: 'sign-in', path: '/sign-in', context: nobody },
    { name: 'my-work', path: '/?list=toAnswer', context: official },
    { name: 'compose', path: '/requests/new?procedure=PQ_REQUEST', context: official },
    { name: 'request', path: requestPath, context: official },
    { name: 'alerts', path: '/alerts?list=sent', context: coordinator },
    { name: 'new-alert', path: '/alerts/new?procedure=PQ_ALERT', context: official },
    { name: 'alert', path: alertPath, context: coordinator },
    { name: 'directory', path: '/directory?text=Apotheker', context: official },
    { name: 'admin', path: '/admin', context: coordinator },
    { name: 'scoreboard', path: '/scoreboard', context: official },
    { name: 'scoreboard-country', path: '/scoreboard/LU', context: official },
    { name: 'statistics', path: '/usage-statistics', context: official },
    { name: 'not-found', path: '/no-such-page', context: official },
  ].filter((view) => view.path);
}
