// The lookup list with many rows in real Chromium: first rows, scroll frames, search, sort, and frame times while
// a batch of live updates streams in. Prints figures only. BENCH_UI_JOBS (default 10,000), BENCH_UI_LIVE (500).
import { toLookupRow } from '../src/shared/domain/lookup-row'
import { sampleKeywords } from '../src/sim/dataset'
import { ensureRendererBuilt } from '../src/webhost/renderer-build'
import { launchBrowser, openApp } from '../test/e2e/helpers/browser'
import type { PageGlobals } from '../test/e2e/helpers/page-globals'
import { seedJobs } from '../test/e2e/helpers/seed'
import { startStack } from '../test/e2e/helpers/stack'

const N = Number(process.env.BENCH_UI_JOBS ?? 10_000)
const LIVE = Number(process.env.BENCH_UI_LIVE ?? 500)

function stats(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b)
  const q = (p: number) => (s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0).toFixed(0)
  return `median ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms (${s.length} frames)`
}

async function main(): Promise<void> {
  await ensureRendererBuilt()
  const stack = await startStack({ timeScale: 0.01, sim: { completion: { type: 'fixed', ms: 60_000 }, datasetSize: 400 } })
  const browser = await launchBrowser()
  try {
    seedJobs(stack.host, stack.sim.dataset, N)
    // What lookups:snapshot carries: compact rows, not full jobs.
    const snapshotBytes = JSON.stringify(stack.host.node.services.repo.all().map(toLookupRow)).length
    const t0 = Date.now()
    const { page } = await openApp(browser, stack.host.url)
    await page.locator('.job-table tbody tr').first().waitFor()
    const inPage = await page.evaluate(() => Math.round(performance.now()))
    console.log(`${N} lookups: snapshot ${(snapshotBytes / 1e6).toFixed(1)} MB, first rows ${Date.now() - t0} ms (${inPage} ms from navigation)`)
    // The snapshot on its own, in the open page: request to parsed answer.
    const roundTrips = await page.evaluate(async () => {
      const api = (globalThis as unknown as { api: { invoke(channel: string): Promise<unknown> } }).api
      const out: number[] = []
      for (let i = 0; i < 5; i++) {
        const t = performance.now()
        await api.invoke('lookups:snapshot')
        out.push(performance.now() - t)
      }
      return out
    })
    console.log(`snapshot round trip: ${stats(roundTrips).replace(' frames', ' calls')}`)

    const scroll = await page.evaluate(async () => {
      const w = globalThis as unknown as PageGlobals
      const scroller = w.document.querySelector('.job-table .v-vl')
      if (!scroller) throw new Error('no virtual list')
      const gaps: number[] = []
      let last = performance.now()
      for (let i = 0; i < 120; i++) {
        scroller.scrollTop += 300
        await new Promise((r) => w.requestAnimationFrame(() => r(null)))
        gaps.push(performance.now() - last)
        last = performance.now()
      }
      return gaps.slice(1)
    })
    console.log(`scroll: ${stats(scroll)}`)

    const search = page.locator('[data-test=search] input')
    let t = Date.now()
    await search.fill('餐饮')
    await page.locator('[data-test=row-count]').filter({ hasNotText: `显示 ${N} 项` }).waitFor()
    console.log(`search: ${Date.now() - t} ms`)
    await search.fill('')
    await page.locator('[data-test=row-count]').filter({ hasText: `显示 ${N} 项` }).waitFor()
    const firstRow = () => page.locator('.job-table tbody tr').first().innerText()
    const before = await firstRow()
    t = Date.now()
    await page.locator('.job-table thead th', { hasText: '企业名称' }).click()
    while ((await firstRow()) === before && Date.now() - t < 10_000) await page.waitForTimeout(10)
    console.log(`sort by name: ${Date.now() - t} ms`)

    // Live updates: a batch submitted through the core streams job:updated events into the open page.
    const s = sampleKeywords(stack.sim.dataset, Math.ceil(LIVE / 2))
    const keywords = [...s.knownNames, ...s.knownCreditNos].slice(0, LIVE)
    const framesDuringLive = page.evaluate(async (ms) => {
      const w = globalThis as unknown as PageGlobals
      const gaps: number[] = []
      const end = performance.now() + ms
      let last = performance.now()
      while (performance.now() < end) {
        await new Promise((r) => w.requestAnimationFrame(() => r(null)))
        gaps.push(performance.now() - last)
        last = performance.now()
      }
      return gaps.slice(1)
    }, 6000)
    await stack.host.node.services.lookups.submit({ inputs: keywords.map((text) => ({ text })), batchName: 'bench' })
    console.log(`during ${keywords.length} live lookups: ${stats(await framesDuringLive)}; events sent: ${stack.host.eventCounts['job:updated'] ?? 0}`)
  } finally {
    await browser.close()
    await stack.close()
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
