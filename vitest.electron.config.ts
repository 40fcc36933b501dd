import { defineConfig } from 'vitest/config'

/**
 * Smoke tests in real Electron (Playwright's _electron) against the built app. Run through
 * `npm run test:electron` (scripts/run-electron-tests.mjs), which first checks that an Electron binary exists.
 */
export default defineConfig({
  test: {
    include: ['test/electron/**/*.electron.ts'],
    environment: 'node',
    // One app at a time: each launch holds a data folder and a single-instance lock.
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
})
