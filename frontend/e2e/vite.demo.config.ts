import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { eeaMapPlugin } from '../build/eeaMapPlugin.ts';

/** The Content-Security-Policy the app is built to run under (the backend sends the same). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The app with fixture data instead of the API: what the end-to-end run serves and drives. */
export default defineConfig({
  root: fileURLToPath(new URL('./demo', import.meta.url)),
  plugins: [eeaMapPlugin()],
  build: { outDir: fileURLToPath(new URL('../test-results/demo-dist', import.meta.url)), emptyOutDir: true, target: 'es2022' },
  preview: { host: '127.0.0.1', strictPort: true, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
});
