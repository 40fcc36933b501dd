// Lint, and the layer boundaries of ARCHITECTURE.md enforced as import rules rather than hoped for.
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'url']

function forbid(patterns, message) {
  return { 'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }] }
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
    files: ['src/shared/**/*.ts'],
    rules: forbid(['electron', 'electron-store', 'conf', ...nodeBuiltins, '**/main/**', '**/renderer/**', '**/preload/**'], 'src/shared is pure TypeScript shared by main, preload and renderer.'),
  },
  {
    files: ['src/main/core/**/*.ts', 'src/cli/**/*.ts', 'src/sim/**/*.ts'],
    rules: forbid(['electron', 'electron-store', '**/renderer/**', '**/preload/**', '**/main/adapters/**', '**/main/ipc/**'], 'The core runs in plain Node (CLI, tests, browser host): no Electron here.'),
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
    files: ['src/preload/**/*.ts'],
    rules: forbid(['**/main/**', '**/renderer/**', ...nodeBuiltins], 'Preload exposes the contract only.'),
  },
)
