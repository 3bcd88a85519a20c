import { Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createSubscriptionClient } from 'graphql-ws';

export const GRAPHQL_PATH = '/graphql';
const CSRF_COOKIE = 'imi_csrf';

/** The CSRF token the server set at sign-in (cookie `imi_csrf`), to be echoed in the `X-CSRF-Token` header. */
export function csrfToken(cookies: string): string | undefined {
  for (const part of cookies.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** The WebSocket address of the API on the page's own origin. */
export function subscriptionUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${GRAPHQL_PATH}`;
}

/**
 * The API client of the app: queries and mutations over HTTP on the same origin (session cookie, CSRF header),
 * subscriptions over graphql-ws, connected when first needed and reconnected after a loss.
 */
export function createApiClient(): Client {
  const subscriptions = createSubscriptionClient({
    url: subscriptionUrl(window.location),
    lazy: true,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
  });
  return new Client({
    url: GRAPHQL_PATH,
    preferGetMethod: false,
    requestPolicy: 'network-only',
    fetchOptions: (): RequestInit => {
      const token = csrfToken(document.cookie);
      const headers: Record<string, string> = token ? { 'X-CSRF-Token': token } : {};
      return { credentials: 'same-origin', headers };
    },
    exchanges: [
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: subscriptions.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
}
