import type { DataSources } from '../data/sources';
import { DataSourcesContext } from '../data/sources';
import { Router } from '../router/Router';
import { SessionProvider } from '../session/Session';
import { LiveRegionProvider } from '../ui/LiveRegion';
import { RouteView } from './RouteView';
import { SiteFooter } from './SiteFooter';
import { SiteHeader } from './SiteHeader';

export function App({ sources }: { sources: DataSources }) {
  return (
    <DataSourcesContext.Provider value={sources}>
      <Router>
        <SessionProvider>
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
