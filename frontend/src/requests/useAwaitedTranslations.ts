import { useEffect, useRef } from 'react';
import type { ExchangeMessage } from './types';

const INTERVAL_MS = 3000;
const MAX_READS = 20;

/** Reads the exchange again every few seconds while a message's machine translation is on its way (a minute at most). */
export function useAwaitedTranslations(messages: ExchangeMessage[], reload: () => void): void {
  const reads = useRef(0);
  const pending = messages.some((message) => message.translation?.status === 'PENDING');
  useEffect(() => {
    if (!pending || reads.current >= MAX_READS) return;
    const timer = window.setTimeout(() => {
      reads.current += 1;
      reload();
    }, INTERVAL_MS);
    return () => window.clearTimeout(timer);
  }, [pending, messages, reload]);
}
