import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

type Politeness = 'polite' | 'assertive';
type Announce = (message: string, politeness?: Politeness) => void;

const LiveRegionContext = createContext<Announce>(() => undefined);

/**
 * Two always-present live regions: screen readers announce what is written into them
 * (new items in a list, a saved change, an error) without moving the focus.
 */
export function LiveRegionProvider({ children }: { children: ReactNode }) {
  const [messages, setMessages] = useState<Record<Politeness, string>>({ polite: '', assertive: '' });
  const timer = useRef<number | undefined>(undefined);

  const announce = useCallback<Announce>((message, politeness = 'polite') => {
    // Clearing first makes the same message announced again when it repeats.
    setMessages((previous) => ({ ...previous, [politeness]: '' }));
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setMessages((previous) => ({ ...previous, [politeness]: message })), 50);
  }, []);

  const value = useMemo(() => announce, [announce]);
  return (
    <LiveRegionContext.Provider value={value}>
      {children}
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="live-polite">
        {messages.polite}
      </div>
      <div className="visually-hidden" role="alert" aria-live="assertive" data-testid="live-assertive">
        {messages.assertive}
      </div>
    </LiveRegionContext.Provider>
  );
}

export function useAnnounce(): Announce {
  return useContext(LiveRegionContext);
}
