import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * Lint: TypeScript recommended rules, React hooks rules for the renderer, and the layering rules
 * (renderer → common ← main; the preload imports only the contract). tests/unit/layering.test.ts
 * checks the same layering on the import graph, so a violation fails both lint and tests.
 */
const forbid = (patterns, message, paths = []) => [
  'error',
  { paths: paths.map((name) => ({ name, message })), patterns: patterns.map((group) => ({ group: [group], message })) },
]

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'tools/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': forbid(['**/electron/main/**', '**/electron/preload/**', '@main/**', 'node:*'], 'The renderer talks to main only through window.tellus (electron/common/ipc/contract.ts).', ['electron']),
    },
  },
  {
    files: ['electron/common/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(['**/main/**', '**/preload/**', '**/renderer/**', '@main/**', '@renderer/**', 'node:*'], 'electron/common is shared by both sides and imports neither.', ['electron']),
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(['**/renderer/**', '**/preload/**', '@renderer/**'], 'Main never imports the renderer or the preload.'),
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(['**/main/**', '**/renderer/**', '@main/**', '@renderer/**'], 'The preload imports only the IPC contract.'),
    },
  },
)
