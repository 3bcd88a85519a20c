import { useCallback, useEffect, useState } from 'react';

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: unknown };

/**
 * Reads data once per key, and again on `reload`; a newer read replaces an older one still in flight.
 * A reload keeps the data shown until the new data arrives.
 */
export function useResource<T>(read: () => Promise<T>, key: string): Resource<T> & { reload: () => void } {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    setResource({ status: 'loading' });
  }, [key]);
  useEffect(() => {
    let current = true;
    read().then(
      (data) => current && setResource({ status: 'ready', data }),
      (error: unknown) => current && setResource({ status: 'error', error }),
    );
    return () => {
      current = false;
    };
  }, [key, reloads]); // the key names everything the read depends on
  const reload = useCallback(() => setReloads((count) => count + 1), []);
  return { ...resource, reload };
}
