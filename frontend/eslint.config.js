// Lint rules for the frontend: the recommended sets of ESLint, typescript-eslint and React's
// hooks rules; formatting is Prettier's job (eslint-config-prettier turns the overlap off).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'target', 'node_modules', 'e2e/screenshots', 'src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error' },
  },
  {
    files: ['e2e/**/*.mjs', 'vite.config.ts', 'eslint.config.js'],
    // e2e scripts run in Node and hand functions to the page, which run in the browser.
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  prettier,
);
