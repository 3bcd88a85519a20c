import type { DataSources } from '../data/sources';
import { DataSourcesContext } from '../data/sources';
import { Router } from '../router/Router';
import { SessionProvider } from '../session/Session';
import type { SessionUser } from '../session/types';
import { LiveRegionProvider } from '../ui/LiveRegion';
import { RouteView } from './RouteView';
import { SiteFooter } from './SiteFooter';
import { SiteHeader } from './SiteHeader';

export function App({ sources, user }: { sources: DataSources; user: SessionUser | null }) {
  return (
    <DataSourcesContext.Provider value={sources}>
      <Router>
        <SessionProvider initialUser={user}>
          <LiveRegionProvider>
            <SiteHeader />
            <main id="main-content" className="site-main ecl-container" tabIndex={-1}>
              <RouteView />
            </main>
            <SiteFooter />
          </LiveRegionProvider>
        </SessionProvider>
      </Router>
    </DataSourcesContext.Provider>
  );
}
