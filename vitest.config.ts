import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Component tests (happy-dom) and browser end-to-end tests have their own configs.
    exclude: ['test/renderer/**', 'test/e2e/**', '**/node_modules/**'],
    environment: 'node',
    // The CLI bundle the CLI tests run, rebuilt if stale (test/setup/cli-bundle.ts).
    globalSetup: ['test/setup/cli-bundle.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // electron-store must go through vitest's transform so the test's vi.mock('electron') reaches it.
    server: { deps: { inline: ['electron-store'] } },
  },
})
