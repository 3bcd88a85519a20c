import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { eclPurgePlugin } from './build/eclPurgePlugin.ts';
import { eeaMapPlugin } from './build/eeaMapPlugin.ts';

export default defineConfig({
  plugins: [eeaMapPlugin(), eclPurgePlugin(fileURLToPath(new URL('./src', import.meta.url)))],
  build: { target: 'es2022', sourcemap: false, assetsInlineLimit: 0 },
  preview: { host: '127.0.0.1', strictPort: true },
  server: { host: '127.0.0.1' },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}', 'build/**/*.test.ts'],
  },
});
