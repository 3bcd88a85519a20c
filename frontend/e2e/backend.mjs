// The real backend for the end-to-end run: its own SQLite database in a temporary folder, seeded through the
// command line, serving the built app on a free port of 127.0.0.1. Stopped (and its folder removed) afterwards.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FRONTEND = fileURLToPath(new URL('..', import.meta.url));
const ROOT = join(FRONTEND, '..');
export const PYTHON = process.env.IMI_PYTHON ?? join(ROOT, '.venv', 'bin', 'python');
const PYTHONPATH = process.env.PYTHONPATH || join(ROOT, 'backend');
export const DEMO_PASSWORD = 'demo-password-2024';

/** A free TCP port on the loopback interface. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function environment(varDir, port) {
  return {
    ...process.env,
    PYTHONPATH,
    IMI_ENV: 'test',
    IMI_VAR_DIR: varDir,
    IMI_HOST: '127.0.0.1',
    IMI_PORT: String(port),
    IMI_FRONTEND_DIR: join(FRONTEND, 'dist'),
    IMI_ALLOWED_ORIGINS: `http://127.0.0.1:${port}`,
  };
}

/** Runs `python -m imi <args>`; its standard output, or an error with what it printed. */
export function imi(env, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, ['-m', 'imi', ...args], { env, cwd: ROOT });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`imi ${args.join(' ')} exited with ${code}:\n${err || out}`))));
  });
}

async function waitForHealth(url, server, deadline = Date.now() + 60_000) {
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the backend stopped (exit ${server.exitCode})`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the backend did not answer /healthz within a minute');
}

/**
 * Seeds a fresh database (`seed` gets the environment to run `imi` commands with), then serves it.
 * Returns the address, the same environment, and `stop`.
 */
export async function startBackend(seed) {
  const varDir = await mkdtemp(join(tmpdir(), 'imi-e2e-'));
  const port = await freePort();
  const env = environment(varDir, port);
  await seed(env);
  const log = [];
  const server = spawn(PYTHON, ['-m', 'imi', 'serve'], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [server.stdout, server.stderr]) stream.on('data', (chunk) => log.push(String(chunk)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, server);
  } catch (error) {
    server.kill();
    await rm(varDir, { recursive: true, force: true });
    throw new Error(`${error.message}\n${log.join('')}`);
  }
  return {
    url,
    env,
    log,
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (server.exitCode === null) server.kill('SIGKILL');
      }
      await rm(varDir, { recursive: true, force: true });
    },
  };
}
