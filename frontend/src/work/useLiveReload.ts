import { useEffect, useRef } from 'react';
import { useDataSources } from '../data/sources';
import type { ExchangeEvent } from './types';

/** Calls `reload` whenever a step the reader may see is taken on an exchange that `concerns` picks. */
export function useLiveReload(concerns: (event: ExchangeEvent) => boolean, reload: () => void): void {
  const sources = useDataSources();
  const latest = useRef({ concerns, reload });
  latest.current = { concerns, reload };
  useEffect(
    () =>
      sources.watchExchanges((event) => {
        if (latest.current.concerns(event)) latest.current.reload();
      }),
    [sources],
  );
}
