import { useEffect, useRef } from 'react';
import type { Resource } from '../data/useResource';
import { useAnnounce } from '../ui/LiveRegion';

/**
 * Announces, in the polite live region, how many items appeared in a list when it was read again
 * (not when it is first read, nor when another list is chosen).
 */
export function useNewItemsAnnouncement<T extends { id: string }>(resource: Resource<T[]>, list: string, message: (count: number) => string): void {
  const announce = useAnnounce();
  const seen = useRef<{ list: string; ids: Set<string> } | null>(null);
  useEffect(() => {
    if (resource.status !== 'ready') return;
    const ids = new Set(resource.data.map((item) => item.id));
    const before = seen.current;
    seen.current = { list, ids };
    if (!before || before.list !== list) return;
    const added = [...ids].filter((id) => !before.ids.has(id)).length;
    if (added > 0) announce(message(added));
  }, [resource, list]); // announce once per new reading
}
