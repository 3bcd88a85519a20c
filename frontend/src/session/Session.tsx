import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useDataSources } from '../data/sources';
import { changeLanguage } from '../i18n/i18n';
import { isLanguage } from '../i18n/languages';
import { rememberedLanguage } from '../i18n/storage';
import type { SessionUser } from './types';

type SessionState = { status: 'checking' } | { status: 'signedOut' } | { status: 'signedIn'; user: SessionUser };

interface SessionValue {
  state: SessionState;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Until the reader has chosen an interface language, the signed-in official's preferred language applies. */
async function adoptPreferredLanguage(user: SessionUser): Promise<void> {
  if (!rememberedLanguage() && isLanguage(user.language)) await changeLanguage(user.language, { remember: false });
}

/** Who is signed in: asked of the server once at start-up, then changed by signing in and out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const sources = useDataSources();
  const [state, setState] = useState<SessionState>({ status: 'checking' });

  useEffect(() => {
    let current = true;
    sources.me().then(
      async (user) => {
        if (user) await adoptPreferredLanguage(user);
        if (current) setState(user ? { status: 'signedIn', user } : { status: 'signedOut' });
      },
      () => current && setState({ status: 'signedOut' }),
    );
    return () => {
      current = false;
    };
  }, [sources]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const user = await sources.signIn(email, password);
      await adoptPreferredLanguage(user);
      setState({ status: 'signedIn', user });
    },
    [sources],
  );

  const signOut = useCallback(async () => {
    await sources.signOut();
    setState({ status: 'signedOut' });
  }, [sources]);

  const value = useMemo(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside <SessionProvider>');
  return value;
}

/** The signed-in official; only for views shown after sign-in. */
export function useUser(): SessionUser {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useUser before sign-in');
  return state.user;
}
