import { defineConfig } from 'vitest/config';
import { eeaMapPlugin } from './build/eeaMapPlugin.ts';

export default defineConfig({
  plugins: [eeaMapPlugin()],
  build: { target: 'es2022', sourcemap: false, assetsInlineLimit: 0 },
  preview: { host: '127.0.0.1', strictPort: true },
  server: { host: '127.0.0.1' },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}', 'build/**/*.test.ts'],
  },
});
