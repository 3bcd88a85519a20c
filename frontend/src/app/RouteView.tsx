import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouter } from '../router/Router';
import type { Route } from '../router/routes';
import { useSession } from '../session/Session';
import { afterSignIn, signInPath } from '../signin/paths';
import { SignInView } from '../signin/SignInView';
import { WorkView } from '../work/WorkView';
import { NotFoundView } from './NotFoundView';

// My work and the sign-in page come with the app; every other page loads when first visited.
const loaders = {
  compose: () => import('../compose/ComposeView').then((m) => ({ default: m.ComposeView })),
  request: () => import('../requests/RequestDetailView').then((m) => ({ default: m.RequestDetailView })),
  alerts: () => import('../alerts/AlertsView').then((m) => ({ default: m.AlertsView })),
  newBroadcast: () => import('../alerts/NewBroadcastView').then((m) => ({ default: m.NewBroadcastView })),
  broadcast: () => import('../alerts/BroadcastDetailView').then((m) => ({ default: m.BroadcastDetailView })),
  directory: () => import('../directory/DirectoryView').then((m) => ({ default: m.DirectoryView })),
  admin: () => import('../admin/AdminView').then((m) => ({ default: m.AdminView })),
  scoreboard: () => import('../scoreboard/ScoreboardView').then((m) => ({ default: m.ScoreboardView })),
  scoreboardCountry: () => import('../scoreboard/CountryView').then((m) => ({ default: m.CountryView })),
  statistics: () => import('../statistics/StatisticsView').then((m) => ({ default: m.StatisticsView })),
  apiTokens: () => import('../tokens/ApiTokensView').then((m) => ({ default: m.ApiTokensView })),
};

const ComposeView = lazy(loaders.compose);
const RequestDetailView = lazy(loaders.request);
const AlertsView = lazy(loaders.alerts);
const NewBroadcastView = lazy(loaders.newBroadcast);
const BroadcastDetailView = lazy(loaders.broadcast);
const DirectoryView = lazy(loaders.directory);
const AdminView = lazy(loaders.admin);
const ScoreboardView = lazy(loaders.scoreboard);
const CountryView = lazy(loaders.scoreboardCountry);
const StatisticsView = lazy(loaders.statistics);
const ApiTokensView = lazy(loaders.apiTokens);

/** Starts loading the code of the page the browser opened on, alongside the language catalogue. */
export function preloadView(route: Route): void {
  if (isLazy(route.name)) void loaders[route.name]();
}

function isLazy(name: Route['name']): name is keyof typeof loaders {
  return name in loaders;
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
    case 'apiTokens':
      return <ApiTokensView />;
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
