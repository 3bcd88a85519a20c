import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { parseRoute, type Route } from './routes';

interface Location {
  pathname: string;
  search: string;
  /** Counts the navigations made inside the app: 0 on the page the browser loaded. */
  navigations: number;
}

interface RouterValue {
  location: Location;
  route: Route;
  navigate: (to: string, options?: { replace?: boolean }) => void;
}

const RouterContext = createContext<RouterValue | null>(null);

function currentLocation(navigations: number): Location {
  return { pathname: window.location.pathname, search: window.location.search, navigations };
}

/** History-API routing: every view has a real address that can be bookmarked, shared and reloaded. */
export function Router({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState(() => currentLocation(0));

  useEffect(() => {
    const onPopState = () => setLocation((previous) => currentLocation(previous.navigations + 1));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const navigate = useCallback((to: string, options?: { replace?: boolean }) => {
    if (options?.replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    setLocation((previous) => currentLocation(previous.navigations + 1));
  }, []);

  const value = useMemo(() => ({ location, route: parseRoute(location.pathname), navigate }), [location, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterValue {
  const value = useContext(RouterContext);
  if (!value) throw new Error('useRouter outside <Router>');
  return value;
}

export function useSearchParams(): [URLSearchParams, (params: URLSearchParams) => void] {
  const { location, navigate } = useRouter();
  const params = useMemo(() => new URLSearchParams(location.search), [location.search]);
  const setParams = useCallback(
    (next: URLSearchParams) => navigate(`${location.pathname}?${next.toString()}`, { replace: true }),
    [location.pathname, navigate],
  );
  return [params, setParams];
}
