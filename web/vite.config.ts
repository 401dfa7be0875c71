import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const backend = process.env.TASKSTREAM_BACKEND ?? 'http://localhost:8080';
const proxied = ['/api', '/v3', '/actuator', '/mcp'];

export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(
      proxied.map((path) => [path, { target: backend, changeOrigin: false, ws: true }]),
    ),
  },
  preview: {
    port: 4173,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: backend }])),
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: { modules: { classNameStrategy: 'non-scoped' } },
    restoreMocks: true,
    // Generous: CI machines have 2 cores and user-event typing in jsdom is slow under load.
    testTimeout: 30_000,
  },
});
