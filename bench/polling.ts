// Polling efficiency on a simulated clock: result calls per job and the delay from "result ready" to "app knows".
// Completion times are lognormal (median 5 min, p90 20 min) as in the performance issue. Prints figures only.
import { buildPollOffsets, DEFAULT_POLL_OFFSETS, nextPollDelay } from '../src/core/jobs/poll-schedule'
import { CompletionModel } from '../src/core/jobs/completion-fit'
import { createRng } from '../src/sim/prng'
import type { Job } from '../src/shared/domain/job'

const N = Number(process.env.BENCH_POLL_JOBS ?? 100_000)
const MIN = 60_000
const Z90 = 1.2815516

function lognormalSample(n: number, medianMs: number, p90Ms: number, seed: string): Float64Array {
  const rng = createRng(seed, 'completion')
  const sigma = Math.log(p90Ms / medianMs) / Z90
  const out = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const u = Math.max(rng(), 1e-12)
    const v = rng()
    out[i] = medianMs * Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v))
  }
  return out
}

type Next = (elapsed: number, jitter: number) => number

function evaluate(done: Float64Array, next: Next, seed: string) {
  const rng = createRng(seed, 'jitter')
  let calls = 0
  const delays = new Float64Array(done.length)
  for (let i = 0; i < done.length; i++) {
    let t = 0
    let n = 0
    while (t < (done[i] as number) && n < 500) {
      t += next(t, rng())
      n++
    }
    calls += n
    delays[i] = t - (done[i] as number)
  }
  delays.sort()
  const q = (p: number) => (delays[Math.floor(p * (delays.length - 1))] as number) / 1000
  return { calls: calls / done.length, median: q(0.5), p95: q(0.95) }
}

const fixed60: Next = () => 60_000
// Exponential backoff from 30 s: waits of 30, 60, 120 s ... capped at 10 min.
const backoff30: Next = (t) => Math.min(10 * MIN, Math.max(30_000, t))
function fromOffsets(offsets: readonly number[]): Next {
  return (t, jitter) => nextPollDelay(t, jitter, offsets) ?? 5 * MIN
}
function quantile(median: number, p90: number, p: number): number {
  const z: Record<number, number> = { 0.1: -1.2816, 0.5: 0, 0.7: 0.5244, 0.8: 0.8416, 0.9: 1.2816, 0.95: 1.6449 }
  return median * Math.exp((Math.log(p90 / median) / Z90) * (z[p] as number))
}
// The reference: 60 s polls across the densest part, then p80/p90/p95, then every 5 minutes.
function referenceOffsets(median: number, p90: number): number[] {
  const o: number[] = []
  for (let t = quantile(median, p90, 0.1); t < quantile(median, p90, 0.7); t += MIN) o.push(t)
  o.push(quantile(median, p90, 0.8), quantile(median, p90, 0.9), quantile(median, p90, 0.95))
  for (let t = (o.at(-1) as number) + 5 * MIN; t < 24 * 60 * MIN; t += 5 * MIN) o.push(t)
  return o
}

function table(title: string, done: Float64Array, rows: [string, Next][]) {
  console.log(`\n${title} (${done.length.toLocaleString()} jobs, simulated clock)`)
  console.log('| strategy | result calls / job | median delay | p95 delay |')
  console.log('| --- | --- | --- | --- |')
  for (const [name, next] of rows) {
    const r = evaluate(done, next, name)
    console.log(`| ${name} | ${r.calls.toFixed(2)} | ${r.median.toFixed(0)} s | ${r.p95.toFixed(0)} s |`)
  }
}

const usual = lognormalSample(N, 5 * MIN, 20 * MIN, 'usual')
table('Polling, completion lognormal median 5 min / p90 20 min — goals: ≤ 5.5 calls, median ≤ 60 s, p95 ≤ 240 s', usual, [
  ['fixed 60 s', fixed60],
  ['exponential backoff from 30 s', backoff30],
  ['reference: 60 s across the dense part, p80/p90/p95, then 5 min', fromOffsets(referenceOffsets(5 * MIN, 20 * MIN))],
  ['this build (default fit)', fromOffsets(DEFAULT_POLL_OFFSETS)],
])

// A slower installation: the schedule re-fitted from 2,000 observed completions against the default one.
const slow = lognormalSample(N, 15 * MIN, 45 * MIN, 'slow')
const observedModel = new CompletionModel(() => 1)
const observedJobs = Array.from(slow.slice(0, 2000), (ms, i) => ({ status: 'done', submittedAt: i * 1e8, completedAt: i * 1e8 + ms }) as Job)
observedModel.seed(observedJobs)
const fit = observedModel.fit()
table(
  `Re-fitted schedule, completions median 15 min / p90 45 min (fit: median ${(fit.medianMs / MIN).toFixed(1)} min, σ ${fit.sigma.toFixed(2)})`,
  slow,
  [
    ['fixed 60 s', fixed60],
    ['this build, default schedule', fromOffsets(DEFAULT_POLL_OFFSETS)],
    ['this build, re-fitted schedule', fromOffsets(buildPollOffsets(fit))],
  ],
)
