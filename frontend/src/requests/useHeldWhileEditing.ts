import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * What the reader sees of an exchange: the latest reading, except while they fill in an action's form. A newer
 * reading that arrives meanwhile (someone else acted) is held back, so that the action is sent with the version
 * the reader saw and is refused as stale rather than applied to something they have not seen.
 */
export function useHeldWhileEditing<T>(latest: T, editing: boolean): [T, (shown: T) => void, () => void] {
  const [shown, setShown] = useState(latest);
  const held = useRef<T | null>(null);
  const editingNow = useRef(editing);
  editingNow.current = editing;

  useEffect(() => {
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
