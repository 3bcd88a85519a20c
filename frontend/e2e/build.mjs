import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const FRONTEND = fileURLToPath(new URL('..', import.meta.url));

/** The production build into dist/, as the backend serves it; returns Rollup's output chunks. */
export async function buildApp() {
  const output = await build({ root: FRONTEND, logLevel: 'error' });
  return (Array.isArray(output) ? output : [output]).flatMap((result) => ('output' in result ? result.output : []));
}
