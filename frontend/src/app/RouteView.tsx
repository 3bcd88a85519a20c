import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminView } from '../admin/AdminView';
import { AlertsView } from '../alerts/AlertsView';
import { ComposeView } from '../compose/ComposeView';
import { DirectoryView } from '../directory/DirectoryView';
import { RequestDetailView } from '../requests/RequestDetailView';
import { useRouter } from '../router/Router';
import { SignInView } from '../signin/SignInView';
import { WorkView } from '../work/WorkView';
import { NotFoundView } from './NotFoundView';

// The scoreboard and statistics pages carry the map and the charts: they load when first visited.
const ScoreboardView = lazy(() => import('../scoreboard/ScoreboardView').then((m) => ({ default: m.ScoreboardView })));
const CountryView = lazy(() => import('../scoreboard/CountryView').then((m) => ({ default: m.CountryView })));
const StatisticsView = lazy(() => import('../statistics/StatisticsView').then((m) => ({ default: m.StatisticsView })));

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
