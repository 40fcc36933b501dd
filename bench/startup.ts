// Start-up with a large store, end to end: a web host (the desktop app's core, the same way it opens its data
// folder) over 110,000 lookups, 10% of them pending, then the page in Chromium. Prints how long until the list is
// usable (first rows on screen) and until every lookup is in it, for this build (finished lookups read in the
// background) and, in the same run, for reading everything before serving, all from the moment the data folder is
// opened (the page is opened as soon as the host answers; times in the page are placed on the same wall clock).
// Prints figures only.
// BENCH_START_JOBS (default 110,000), BENCH_START_RUNS (runs per case, default 5).
import { startWebHost, type WebHost } from '../src/webhost/main'
import { ensureRendererBuilt } from '../src/webhost/renderer-build'
import { launchBrowser, openApp } from '../test/e2e/helpers/browser'
import { seedJobs } from '../test/e2e/helpers/seed'
import { KEY, startStack } from '../test/e2e/helpers/stack'
import { internals } from '../src/core/services-internals'

const N = Number(process.env.BENCH_START_JOBS ?? 110_000)
const RUNS = Number(process.env.BENCH_START_RUNS ?? 5)
const ROW = '.job-table .jt-body .jt-row'
/** Long tasks in the page, to see what taking every lookup in costs the renderer once the list is up. */
const LONG_TASKS = `window.__longTasks = []; try { new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push(e.duration) }).observe({ type: 'longtask', buffered: true }) } catch {}`
/** When the first row is in a frame, from navigation start (Playwright's polling adds its own delay to the outer clock). */
const FIRST_ROW = `window.__firstRowAt = null; (function look() { if (document.querySelector(${JSON.stringify(ROW)})) window.__firstRowAt = performance.now(); else requestAnimationFrame(look) })()`

async function main(): Promise<void> {
  await ensureRendererBuilt()
  const stack = await startStack({ timeScale: 1, sim: { datasetSize: 400 } })
  const browser = await launchBrowser()
  let host: WebHost | null = null
  try {
    const jobs = seedJobs(stack.host, stack.sim.dataset, N)
    // Pending lookups stay pending during the measurement: their jobids are fresh and their next poll is an hour away.
    const repo = internals(stack.host.node.services).repo
    const fresh = Date.now() + 86_400_000
    repo.putMany(jobs.filter((j) => j.status === 'polling').map((j) => ({ ...j, expiresAt: fresh, submittedAt: Date.now() })))
    const pending = repo.pendingJobs().length
    await stack.host.close() // writes every snapshot file, as quitting the app does

    // The page's own start-up, the floor under every figure: the same flow over a folder with a single lookup.
    const tiny = await startStack({ timeScale: 1, sim: { datasetSize: 10 } })
    seedJobs(tiny.host, tiny.sim.dataset, 1)
    await tiny.host.close()

    const rows: string[] = []
    const medians: string[] = []
    const cases = [
      { label: 'one lookup (the page start-up floor)', dataDir: tiny.dataDir, total: 1, archive: 'later' as const },
      { label: 'pending first, the rest in the background (this build)', dataDir: stack.dataDir, total: N, archive: 'later' as const },
      { label: 'everything read before serving', dataDir: stack.dataDir, total: N, archive: 'now' as const },
    ]
    for (const c of cases) {
      const own: number[] = []
      for (let run = 0; run < RUNS; run++) {
        const t0 = performance.now()
        const wall0 = Date.now()
        host = await startWebHost({ dataDir: c.dataDir, baseUrl: stack.sim.url, initialKey: KEY, version: 'bench', archive: c.archive })
        const opened = performance.now() - t0
        const { page, context } = await openApp(browser, host.url, { init: `${LONG_TASKS};${FIRST_ROW}`, lean: true })
        await page.locator(ROW).first().waitFor()
        const inPage = await page.evaluate(() => (globalThis as unknown as { __firstRowAt: number }).__firstRowAt)
        const navAt = (await page.evaluate(() => performance.timeOrigin)) - wall0
        const tasksBefore = await page.evaluate(() => (globalThis as unknown as { __longTasks: number[] }).__longTasks.length)
        await page.locator('[data-test=loading-archive]').waitFor({ state: 'detached', timeout: 120_000 })
        await page.locator('[data-test=row-count]').filter({ hasText: `共 ${c.total} 项` }).waitFor({ timeout: 120_000 })
        const all = performance.now() - t0
        await page.waitForTimeout(500)
        const later = await page.evaluate((n) => (globalThis as unknown as { __longTasks: number[] }).__longTasks.slice(n), tasksBefore)
        const longest = later.length ? `${Math.max(...later).toFixed(0)} ms (${later.length} over 50 ms)` : 'none'
        // First rows by the page's own clock, placed on the wall clock: Playwright's polling runs on this process's
        // event loop, which the host (in the same process) keeps busy reading the archive, so its own clock lags.
        const usable = navAt + inPage
        // The app's own work: opening the store, then the page from navigation to its first rows. Left out: the
        // time Playwright takes to open a browser context and page (in the app, creating the window).
        own.push(opened + inPage)
        rows.push(`| ${c.label} | ${run + 1} | ${opened.toFixed(0)} ms | ${navAt.toFixed(0)} ms | **${usable.toFixed(0)} ms** (${inPage.toFixed(0)} ms in the page) | ${(opened + inPage).toFixed(0)} ms | ${all.toFixed(0)} ms | ${longest} |`)
        await context.close()
        await host.close()
        host = null
      }
      const sorted = [...own].sort((a, b) => a - b)
      medians.push(`${c.label}: median ${(sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(0)} ms (${(sorted[0] ?? 0).toFixed(0)}–${(sorted[sorted.length - 1] ?? 0).toFixed(0)} ms)`)
    }
    await tiny.sim.close()
    console.log(`\nStart-up with ${N.toLocaleString()} lookups (${pending.toLocaleString()} pending), data folder to list in Chromium`)
    console.log('| how the store is opened | run | core open | page navigation began | list usable: first rows painted | core open + page to first rows | every lookup listed | longest renderer task after the list was usable |')
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |')
    for (const r of rows) console.log(r)
    console.log(`\nThe app's own time to a usable list (core open + page to first rows; goal: under 1 s), over ${RUNS} runs:`)
    for (const m of medians) console.log(`- ${m}`)
  } finally {
    await host?.close()
    await browser.close()
    await stack.sim.close()
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
