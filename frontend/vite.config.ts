import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  // The Java app serves the API and the STOMP endpoint on 8080 in development.
  server: { proxy: { '/api': 'http://localhost:8080', '/ws': { target: 'ws://localhost:8080', ws: true } } },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    // A test waits for what it asserts (findBy…); on two loaded cores a page can take longer
    // than vitest's 5 s default to render in jsdom, which is slowness, not a failure.
    testTimeout: 30_000,
  },
});
