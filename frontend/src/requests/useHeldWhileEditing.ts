import { useCallback, useEffect, useRef, useState } from 'react';
import { isStale, type Versioned } from './readings';

/**
 * What the reader sees of an exchange: the latest reading, except while they fill in an action's form. A newer
 * reading that arrives meanwhile (someone else acted) is held back, so that the action is sent with the version
 * the reader saw and is refused as stale rather than applied to something they have not seen. A reading older
 * than the one shown (a read that started before the reader's own action and ended after it) is dropped.
 */
export function useHeldWhileEditing<T extends Versioned>(latest: T, editing: boolean): [T, (shown: T) => void, () => void] {
  const [shown, setShown] = useState(latest);
  const shownNow = useRef(latest);
  shownNow.current = shown;
  const held = useRef<T | null>(null);
  const editingNow = useRef(editing);
  editingNow.current = editing;

  useEffect(() => {
    if (isStale(latest, shownNow.current)) return;
    if (editingNow.current) held.current = latest;
    else setShown(latest);
  }, [latest]);

  const show = useCallback((next: T) => {
    held.current = null;
    setShown(next);
  }, []);

  /** Shows what was held back, when the form is closed without sending. */
  const release = useCallback(() => {
    if (held.current !== null) setShown(held.current);
    held.current = null;
  }, []);

  return [shown, show, release];
}
