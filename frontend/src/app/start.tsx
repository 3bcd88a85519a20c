import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { DataSources } from '../data/sources';
import { initialLanguage, startI18n } from '../i18n/i18n';
import { parseRoute } from '../router/routes';
import { App } from './App';
import { preloadView } from './RouteView';
import '@ecl/preset-ec/dist/styles/ecl-ec.css';
import '../styles/app.css';

/** Loads the reader's language, then renders the app into #root. */
export async function start(sources: DataSources): Promise<void> {
  preloadView(parseRoute(window.location.pathname));
  await startI18n(initialLanguage());
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <App sources={sources} />
    </StrictMode>,
  );
}
