import { pathOf } from '../router/routes';

/** The sign-in page, remembering the page to come back to. */
export function signInPath(next: string): string {
  const signIn = pathOf({ name: 'signIn' });
  return next === '/' || next.startsWith(signIn) ? signIn : `${signIn}?next=${encodeURIComponent(next)}`;
}

/** Where to go after signing in: the remembered page of this app, else my work. */
export function afterSignIn(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : pathOf({ name: 'work' });
}
