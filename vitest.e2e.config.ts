import { defineConfig } from 'vitest/config'

/** End-to-end: Chromium (Playwright) against the web host and the API simulator, one file at a time. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    // One browser at a time: the suite must fit a 2-core CI machine.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
})
