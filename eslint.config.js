// Lint, and the layer boundaries of ARCHITECTURE.md enforced as import rules rather than hoped for.
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'url']

/** Outside src/core the repository and the charged-call ledger are reached only through use cases and read models. */
const CORE_INTERNALS = {
  patterns: ['**/core/jobs/job-repository', '**/core/jobs/charge-ledger', '**/core/services-internals'],
  message: 'Outside the core, lookups and charges are read through Services (read models) and changed through core/use-cases.',
}

/** Every block but the core's own also forbids the core's internals: a block replaces, not adds to, an earlier one. */
function forbid(patterns, message, internals = CORE_INTERNALS) {
  const groups = patterns.map((group) => ({ group: [group], message }))
  if (internals) groups.push(...internals.patterns.map((group) => ({ group: [group], message: internals.message })))
  return { 'no-restricted-imports': ['error', { patterns: groups }] }
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', '.tmp/**', 'node_modules/**', 'coverage/**', 'artifacts/**', 'test/fixtures/**', 'test/unit/security/fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // A later block for the same files replaces this rule (ESLint does not merge them): each lists sim too.
    // The simulator is started only by the demo composition roots (dynamic import) and by tests and benches.
    files: ['src/**/*.ts'],
    ignores: ['src/sim/**'],
    rules: forbid(['**/sim/**'], 'Only the demo composition roots start the simulator (by a dynamic import).'),
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: forbid(['electron', 'electron-store', 'conf', ...nodeBuiltins, '**/main/**', '**/renderer/**', '**/preload/**', '**/sim/**'], 'src/shared is pure TypeScript shared by main, preload and renderer.'),
  },
  {
    files: ['src/core/**/*.ts', 'src/cli/**/*.ts', 'src/sim/**/*.ts'],
    rules: forbid(['electron', 'electron-store', '**/renderer/**', '**/preload/**', '**/main/adapters/**', '**/main/ipc/**', '**/sim/**'], 'The core runs in plain Node (CLI, tests, browser host): no Electron here.'),
  },
  {
    files: ['src/core/**/*.ts'],
    rules: forbid(
      ['electron', 'electron-store', '**/main/**', '**/renderer/**', '**/preload/**', '**/adapters/**', '**/ipc/register*', '**/api/**', '**/window/**', '**/tray/**', '**/notifications/**', '**/cli/**', '**/webhost/**', '**/sim/**'],
      'The core is host-neutral: it knows no host (window, tray, notifications, the app API, the CLI, the web host) nor the simulator.',
      null,
    ),
  },
  {
    files: ['src/main/api/**/*.ts'],
    rules: forbid(['electron', 'electron-store', '**/renderer/**', '**/preload/**', '**/adapters/**', '**/window/**', '**/tray/**', '**/sim/**'], 'The app API serves the desktop app and the web host alike: no Electron here.'),
  },
  ...pluginVue.configs['flat/essential'],
  {
    files: ['src/renderer/**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module', extraFileExtensions: ['.vue'] } },
  },
  {
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.vue'],
    rules: forbid(['electron', 'electron-store', 'conf', ...nodeBuiltins, '**/main/**', '**/cli/**', '**/sim/**'], 'The renderer reaches main only through the typed IPC contract.'),
  },
  {
    files: ['src/renderer/src/components/**/*.vue', 'src/renderer/src/components/**/*.ts', 'src/renderer/src/views/**/*.vue', 'src/renderer/src/*.vue'],
    rules: forbid(
      ['electron', 'electron-store', 'conf', ...nodeBuiltins, '**/main/**', '**/cli/**', '**/sim/**', '**/ipc/client', '**/ipc/client.ts'],
      'Components and views ask the stores (or composables), which alone call the IPC client.',
    ),
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: forbid(['**/main/**', '**/renderer/**', '**/sim/**', ...nodeBuiltins], 'Preload exposes the contract only.'),
  },
)
