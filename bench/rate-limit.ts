// Rate limits: N charged submissions against the simulator's per-IP limit at the configured pace, then an injected
// 10011 and 10012 mid-batch. Prints figures; the goal is zero rate-limit errors at the pace and no job lost.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openNodeHost } from '../src/core/node-host'
import { startSimulator } from '../src/sim/server'
import { internals } from '../src/core/services-internals'

const N = Number(process.env.BENCH_RATE_JOBS ?? 10_000)
const LIMIT = Number(process.env.BENCH_RATE_LIMIT ?? 50)

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) return false
    await new Promise((r) => setTimeout(r, 50))
  }
  return true
}

const sim = await startSimulator({ timeScale: 0.001, completion: { type: 'fixed', ms: 30_000 }, rateLimit: LIMIT, seed: 'bench-rate' })
const dataDir = mkdtempSync(join(tmpdir(), 'bench-rate-'))
writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ requestsPerSecond: LIMIT, submitIntervalMs: 0 }))
const host = openNodeHost({ dataDir, app: 'bench', key: () => 'test-key', baseUrl: sim.url, timeScale: 0.001 })
const { services } = host
let paused = 0
let held = 0
services.on((e) => {
  if (e.type === 'engine:state' && e.state.pause?.reason === 'rate_limit') paused++
  if (e.type === 'engine:state' && e.state.submitHold?.reason === 'quota') held++
})

const keywords = Array.from({ length: N }, (_, i) => `限速基准${i}号科技有限公司`)
const t0 = Date.now()
await services.lookups.submit({ inputs: keywords.map((text) => ({ text })) })
services.start()
// Halfway: the API says the IP is over its limit, then that the quota is used up.
await until(() => sim.stats().charged >= N / 2, 3_600_000)
const before10011 = sim.stats().byCode['10011'] ?? 0
sim.injectFault('any', { type: 'code', code: 10011 }, 3)
await until(() => paused > 0, 60_000)
sim.injectFault('query', { type: 'code', code: 10012 }, 1)
await until(() => held > 0, 60_000)
services.engine.resume() // the user bought more calls
const finished = await until(() => internals(services).repo.pendingJobs().length === 0, 3_600_000)
const seconds = (Date.now() - t0) / 1000
const stats = sim.stats()
const charged = Object.values(stats.chargedByKeyword)
await host.close()
await sim.close()
rmSync(dataDir, { recursive: true, force: true })

console.log(`\nRate limits: ${N.toLocaleString()} charged submissions against a simulator limit of ${LIMIT} requests/s`)
console.log('| measure | this build | goal |')
console.log('| --- | --- | --- |')
console.log(`| rate-limit errors (10011) at the configured pace | ${before10011} | 0 |`)
console.log(`| throughput | ${(stats.requests / seconds).toFixed(1)} requests/s (${stats.requests.toLocaleString()} in ${seconds.toFixed(0)} s) | ≤ ${LIMIT}/s |`)
console.log(`| after injected 10011 ×3 and 10012 | rate-limit pause events ${paused}, quota holds ${held}, all final: ${finished} |  |`)
console.log(`| jobs lost / charged twice | ${N - internals(services).repo.all().length} / ${charged.filter((n) => n > 1).length} | 0 / 0 |`)
