import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchBrowser, openApp } from './browser'
import { seedJobs } from './seed'
import { startStack, type Stack } from './stack'

/** For a suite (registers beforeAll/afterAll): a stack whose store holds `n` seeded lookups, and a browser. */
export function seededSuite(n: number): { readonly stack: Stack; readonly browser: Browser } {
  const suite = {} as { stack: Stack; browser: Browser }
  beforeAll(async () => {
    ;[suite.stack, suite.browser] = await Promise.all([startStack(), launchBrowser()])
    seedJobs(suite.stack.host, suite.stack.sim.dataset, n)
  })
  afterAll(async () => {
    await suite.browser?.close()
    await suite.stack?.close()
  })
  return suite
}

/** For a suite: a fresh stack, a browser and one page of the app open on it. */
export function appSuite(): { readonly stack: Stack; readonly browser: Browser; readonly page: Page } {
  const suite = {} as { stack: Stack; browser: Browser; page: Page }
  beforeAll(async () => {
    ;[suite.stack, suite.browser] = await Promise.all([startStack(), launchBrowser()])
    ;({ page: suite.page } = await openApp(suite.browser, suite.stack.host.url))
  })
  afterAll(async () => {
    await suite.browser?.close()
    await suite.stack?.close()
  })
  return suite
}
