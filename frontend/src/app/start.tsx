import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { DataSources } from '../data/sources';
import { firstLanguage, startI18n } from '../i18n/i18n';
import { rememberedLanguage } from '../i18n/storage';
import { parseRoute } from '../router/routes';
import type { SessionUser } from '../session/types';
import { App } from './App';
import { preloadView } from './RouteView';
import '@ecl/preset-ec/dist/styles/ecl-ec.css';
import '../styles/app.css';

/** Who is signed in (none if the server cannot tell): asked once, as the page starts. */
function signedInUser(sources: DataSources): Promise<SessionUser | null> {
  return sources.me().catch(() => null);
}

/**
 * Loads the reader's language and session, then renders the app into #root. A language chosen before loads at once,
 * alongside the session; otherwise the signed-in official's preferred language is loaded (one catalogue, not two).
 */
export async function start(sources: DataSources): Promise<void> {
  preloadView(parseRoute(window.location.pathname));
  const session = signedInUser(sources);
  const remembered = rememberedLanguage();
  const [user] = await Promise.all([session, remembered ? startI18n(remembered) : session.then((found) => startI18n(firstLanguage(found?.language)))]);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <App sources={sources} user={user} />
    </StrictMode>,
  );
}
