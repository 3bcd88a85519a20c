import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminView } from '../admin/AdminView';
import { AlertsView } from '../alerts/AlertsView';
import { BroadcastDetailView } from '../alerts/BroadcastDetailView';
import { NewBroadcastView } from '../alerts/NewBroadcastView';
import { ComposeView } from '../compose/ComposeView';
import { DirectoryView } from '../directory/DirectoryView';
import { RequestDetailView } from '../requests/RequestDetailView';
import { useRouter } from '../router/Router';
import type { Route } from '../router/routes';
import { useSession } from '../session/Session';
import { afterSignIn, signInPath } from '../signin/paths';
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

function CurrentView({ route }: { route: Route }) {
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
    case 'newBroadcast':
      return <NewBroadcastView />;
    case 'broadcast':
      return <BroadcastDetailView id={route.id} />;
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

function Redirect({ to }: { to: string }) {
  const { navigate } = useRouter();
  useEffect(() => navigate(to, { replace: true }), [to, navigate]);
  return null;
}

export function RouteView() {
  const { t } = useTranslation();
  const { route, location } = useRouter();
  const { user } = useSession();
  // A reader who is not signed in signs in first, and comes back to the page asked for.
  if (!user && route.name !== 'signIn') return <Redirect to={signInPath(`${location.pathname}${location.search}`)} />;
  if (user && route.name === 'signIn') return <Redirect to={afterSignIn(location.search)} />;
  return (
    <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
      <CurrentView route={route} />
    </Suspense>
  );
}
