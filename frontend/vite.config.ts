import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Test files that vi.mock a module: each needs a fresh module registry, so they run isolated.
const MOCKING_MODULES = [
  'src/staff/chatStream.test.tsx',
  'src/staff/reconnect.test.tsx',
  'src/citizen/chat/chatCase.test.tsx',
  'src/staff/callEnded.test.tsx',
  'src/staff/alerts.test.tsx',
  'src/staff/workspace/workspace.test.tsx',
];

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  // MOJ Frontend reaches GOV.UK Frontend as "node_modules/govuk-frontend/…", from the project root.
  css: { preprocessorOptions: { scss: { loadPaths: [import.meta.dirname] } } },
  // The Java app serves the API and the STOMP endpoint on 8080 in development.
  server: { proxy: { '/api': 'http://localhost:8080', '/ws': { target: 'ws://localhost:8080', ws: true } } },
  test: {
    environment: 'jsdom',
    // A test waits for what it asserts (findBy…); on two loaded cores a page can take longer
    // than vitest's 5 s default to render in jsdom, which is slowness, not a failure.
    testTimeout: 30_000,
    setupFiles: ['src/test/freshPage.ts'],
    // A fresh jsdom per file cost half the run; files share one per worker instead (each test
    // unmounts what it rendered). Files that replace a module with vi.mock keep their own,
    // since a module another file loaded first would otherwise stay the real one.
    projects: [
      { extends: true, test: { name: 'pages', include: ['src/**/*.test.{ts,tsx}'], exclude: MOCKING_MODULES, isolate: false } },
      { extends: true, test: { name: 'mocked modules', include: MOCKING_MODULES } },
    ],
  },
});
