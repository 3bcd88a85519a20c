import { useEffect, useState } from 'react';

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: unknown };

/** Reads data once per key; a newer read replaces an older one still in flight. */
export function useResource<T>(read: () => Promise<T>, key: string): Resource<T> {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    setResource({ status: 'loading' });
    read().then(
      (data) => current && setResource({ status: 'ready', data }),
      (error: unknown) => current && setResource({ status: 'error', error }),
    );
    return () => {
      current = false;
    };
  }, [key]); // the key names everything the read depends on
  return resource;
}
