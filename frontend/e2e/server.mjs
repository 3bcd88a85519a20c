import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Builds an app with Vite and serves it on 127.0.0.1 (unknown paths fall back to index.html, as the backend does).
 * `configFile` is relative to the frontend folder.
 */
export async function serveBuild(configFile) {
  const config = fileURLToPath(new URL(`../${configFile}`, import.meta.url));
  await build({ configFile: config, logLevel: 'warn' });
  const port = await freePort();
  const server = await preview({ configFile: config, preview: { host: '127.0.0.1', port, strictPort: true }, logLevel: 'warn' });
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}
