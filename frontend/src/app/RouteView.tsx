import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminView } from '../admin/AdminView';
import { AlertsView } from '../alerts/AlertsView';
import { ComposeView } from '../compose/ComposeView';
import { DirectoryView } from '../directory/DirectoryView';
import { RequestDetailView } from '../requests/RequestDetailView';
import { useRouter } from '../router/Router';
import type { Route } from '../router/routes';
import { SignInView } from '../signin/SignInView';
import { WorkView } from '../work/WorkView';
import { NotFoundView } from './NotFoundView';

// The scoreboard and statistics pages carry the map and the charts: they load when first visited.
const loadScoreboard = () => import('../scoreboard/ScoreboardView');
const loadCountry = () => import('../scoreboard/CountryView');
const loadStatistics = () => import('../statistics/StatisticsView');
const ScoreboardView = lazy(() => loadScoreboard().then((m) => ({ default: m.ScoreboardView })));
const CountryView = lazy(() => loadCountry().then((m) => ({ default: m.CountryView })));
const StatisticsView = lazy(() => loadStatistics().then((m) => ({ default: m.StatisticsView })));

/** Starts loading the code of the page the browser opened on, alongside the language catalogue. */
export function preloadView(route: Route): void {
  if (route.name === 'scoreboard') void loadScoreboard();
  if (route.name === 'scoreboardCountry') void loadCountry();
  if (route.name === 'statistics') void loadStatistics();
}

function CurrentView() {
  const { route } = useRouter();
  switch (route.name) {
    case 'work':
      return <WorkView />;
    case 'signIn':
      return <SignInView />;
    case 'compose':
      return <ComposeView />;
    case 'request':
      return <RequestDetailView id={route.id} />;
    case 'alerts':
      return <AlertsView />;
    case 'directory':
      return <DirectoryView />;
    case 'admin':
      return <AdminView />;
    case 'scoreboard':
      return <ScoreboardView />;
    case 'scoreboardCountry':
      return <CountryView country={route.country} />;
    case 'statistics':
      return <StatisticsView />;
    case 'notFound':
      return <NotFoundView />;
  }
}

export function RouteView() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
      <CurrentView />
    </Suspense>
  );
}
