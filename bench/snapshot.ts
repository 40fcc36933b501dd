// The `lookups:snapshot` payload at 10,000 and 110,000 lookups: the column table (lookup-table.ts) against the
// row objects it replaced (one LookupRow per lookup with every key, and each batch with all its jobIds), measured
// in the same run. Per format: size as JSON (UTF-16 characters and UTF-8 bytes), main's side (build + JSON.stringify,
// what the browser host sends), the page's side (JSON.parse + decode into row objects), and structured clone
// (v8.serialize + deserialize, what Electron's IPC does) with the decode after it. Medians of a few runs; prints
// figures only. BENCH_SNAPSHOT_SIZES (default "10000,110000"), BENCH_SNAPSHOT_RUNS (default 5).
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { deserialize, serialize } from 'node:v8'
import { normalizeKeyword } from '../src/core/keywords'
import type { Company } from '../src/shared/domain/company'
import type { EngineState } from '../src/shared/domain/engine'
import type { Batch, Job, JobError, JobStatus } from '../src/shared/domain/job'
import { msg } from '../src/shared/messages'
import { toBatchSummary } from '../src/shared/domain/lookup-row'
import { decodeLookupTable, encodeLookupTable } from '../src/shared/domain/lookup-table'
import { createDataset } from '../src/sim/dataset'

const SIZES = (process.env.BENCH_SNAPSHOT_SIZES ?? '10000,110000').split(',').map(Number)
const RUNS = Number(process.env.BENCH_SNAPSHOT_RUNS ?? 5)
const BATCH = 1000

const engine: EngineState = { status: 'running', pause: null, submitHold: null, offlineSince: null, nextProbeAt: null, pending: 0, inFlight: 0 }
const charges = { today: 12, month: 340, total: 110_000 }

// Mostly finished, as an archive is; a few still polling (no 'queued': a real archive has next to none).
const STATUSES: JobStatus[] = ['done', 'done', 'done', 'done', 'done', 'no_result', 'done', 'failed', 'expired', 'done', 'uncertain', 'done', 'polling', 'done', 'no_result', 'done']
const ERRORS: JobError[] = [
  { code: 'JUHE_277702', text: msg('api.invalidKeyword') },
  { code: 'JUHE_10012', text: msg('api.quotaUsedUp') },
  { code: 'NETWORK_TIMEOUT', text: msg('api.networkAfterSend', { failure: 'timeout' }) },
]

/** `n` lookups in batches of 1,000 over the past months: names as users paste them, a third by credit code. */
function fixtures(n: number): { jobs: Job[]; batches: Batch[] } {
  const companies = createDataset({ size: 3000 }).companies as Company[]
  const now = Date.UTC(2026, 4, 1)
  const jobs: Job[] = []
  const batches: Batch[] = []
  for (let b = 0; b * BATCH < n; b++) {
    const createdAt = now - (Math.ceil(n / BATCH) - b) * 86_400_000
    const batch: Batch = { id: randomUUID(), name: `${b + 1}月客户名单`, createdAt, jobIds: [] }
    batches.push(batch)
    for (let i = b * BATCH; i < Math.min(n, (b + 1) * BATCH); i++) {
      const c = companies[(i * 7919) % companies.length] as Company
      const status = STATUSES[i % STATUSES.length] as JobStatus
      const byCode = i % 3 === 0
      // Now and then a name pasted with stray spaces, or a code in lower case: normalized differs.
      const keyword = byCode ? (i % 17 === 0 ? c.credit_no.toLowerCase() : c.credit_no) : i % 23 === 0 ? ` ${c.name} ` : c.name
      const submittedAt = createdAt + (i - b * BATCH) * 520
      const completedAt = submittedAt + 300_000 + ((i * 104_729) % 1_500_000)
      const final = status !== 'polling'
      const job: Job = {
        id: randomUUID(),
        keyword,
        normalized: normalizeKeyword(keyword),
        kind: byCode ? 'credit_code' : 'name',
        status,
        batchId: batch.id,
        jobid: status === 'uncertain' ? null : `micro_${randomUUID()}`,
        // As the lookup service does: 1/1000 ms apart, to keep the order of the batch.
        createdAt: createdAt + (i - b * BATCH) / 1000,
        submittedAt,
        completedAt: status === 'done' || status === 'no_result' ? completedAt : null,
        expiresAt: submittedAt + 86_400_000,
        polls: final ? 4 : 2,
        nextPollAt: final ? null : now + 600_000,
        attempts: 0,
        error: status === 'failed' || status === 'uncertain' ? (ERRORS[i % ERRORS.length] as JobError) : null,
        result: status === 'done' ? c : null,
        forced: i % 97 === 0,
        updatedAt: final ? completedAt : now,
      }
      jobs.push(job)
      batch.jobIds.push(job.id)
    }
  }
  return { jobs, batches }
}

/** The list row the snapshot sent before the table: every Job field but `attempts`, six result fields. */
function oldRow(job: Job) {
  const { attempts: _attempts, result: r, ...fields } = job
  const company = r && { name: r.name, credit_no: r.credit_no, reg_no: r.reg_no, l1_domain_name: r.l1_domain_name, l2_domain_name: r.l2_domain_name, econ_kind: r.econ_kind }
  return { ...fields, company }
}

interface Format {
  name: string
  build(jobs: Job[], batches: Batch[]): unknown
  /** The page's side after parse or clone: the rows it keeps, by id (as the lookups store does). */
  rows(snapshot: unknown): Map<string, unknown>
}

const formats: Format[] = [
  {
    name: 'old (rows)',
    build: (jobs, batches) => ({ rows: jobs.map(oldRow), batches, engine, charges }),
    rows: (s) => new Map((s as { rows: { id: string }[] }).rows.map((r) => [r.id, r])),
  },
  {
    name: 'new (table)',
    build: (jobs, batches) => ({ table: encodeLookupTable(jobs), batches: batches.map(toBatchSummary), engine, charges }),
    rows: (s) => {
      const map = new Map<string, unknown>()
      for (const r of decodeLookupTable((s as { table: Parameters<typeof decodeLookupTable>[0] }).table)) map.set(r.id, r)
      return map
    },
  },
]

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? 0
}

function timed<T>(fn: () => T): [T, number] {
  const t = performance.now()
  const v = fn()
  return [v, performance.now() - t]
}

function measure(f: Format, jobs: Job[], batches: Batch[]) {
  const encode: number[] = []
  const decode: number[] = []
  const clone: number[] = []
  const cloneDecode: number[] = []
  let chars = 0
  let bytes = 0
  let cloneBytes = 0
  for (let run = 0; run < RUNS; run++) {
    const [text, te] = timed(() => JSON.stringify(f.build(jobs, batches)))
    encode.push(te)
    chars = text.length
    bytes = Buffer.byteLength(text)
    const [map, td] = timed(() => f.rows(JSON.parse(text)))
    decode.push(td)
    if (map.size !== jobs.length) throw new Error(`${f.name}: ${map.size} rows for ${jobs.length}`)
    const snapshot = f.build(jobs, batches)
    const [copy, tc] = timed(() => {
      const buf = serialize(snapshot)
      cloneBytes = buf.length
      return deserialize(buf) as unknown
    })
    clone.push(tc)
    cloneDecode.push(tc + timed(() => f.rows(copy))[1])
  }
  return { chars, bytes, cloneBytes, encode: median(encode), decode: median(decode), clone: median(clone), cloneDecode: median(cloneDecode) }
}

const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`
const ms = (n: number) => `${n.toFixed(0)} ms`.padStart(7)

for (const n of SIZES) {
  const { jobs, batches } = fixtures(n)
  console.log(`\n${n.toLocaleString('en')} lookups (${batches.length} batches, ${jobs.filter((j) => j.result).length.toLocaleString('en')} with a result), median of ${RUNS}:`)
  console.log('format        JSON chars   UTF-8 bytes   clone bytes   encode+stringify   parse+decode   clone   clone+decode')
  for (const f of formats) {
    measure(f, jobs.slice(0, 2000), batches) // warm-up
    const r = measure(f, jobs, batches)
    console.log(
      `${f.name.padEnd(12)}  ${mb(r.chars).padStart(10)}   ${mb(r.bytes).padStart(11)}   ${mb(r.cloneBytes).padStart(11)}   ${ms(r.encode).padStart(16)}   ${ms(r.decode).padStart(12)}   ${ms(r.clone).padStart(5)}   ${ms(r.cloneDecode).padStart(12)}`,
    )
  }
}
