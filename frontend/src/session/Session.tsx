import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useDataSources } from '../data/sources';
import { changeLanguage } from '../i18n/i18n';
import { isLanguage } from '../i18n/languages';
import { rememberedLanguage } from '../i18n/storage';
import type { SessionUser } from './types';

interface SessionValue {
  user: SessionUser | null;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Until the reader has chosen an interface language, the signed-in official's preferred language applies. */
async function adoptPreferredLanguage(user: SessionUser): Promise<void> {
  if (!rememberedLanguage() && isLanguage(user.language)) await changeLanguage(user.language, { remember: false });
}

/** Who is signed in: known when the app starts, then changed by signing in and out. */
export function SessionProvider({ initialUser, children }: { initialUser: SessionUser | null; children: ReactNode }) {
  const sources = useDataSources();
  const [user, setUser] = useState(initialUser);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const signedIn = await sources.signIn(email, password);
      await adoptPreferredLanguage(signedIn);
      setUser(signedIn);
    },
    [sources],
  );

  const signOut = useCallback(async () => {
    await sources.signOut();
    setUser(null);
  }, [sources]);

  const value = useMemo(() => ({ user, signIn, signOut }), [user, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside <SessionProvider>');
  return value;
}

/** The signed-in official; only for views shown after sign-in. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser before sign-in');
  return user;
}
