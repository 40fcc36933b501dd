// Team mode (issue 17): N lookups through three desks (three data folders) on one real PostgreSQL, against the same
// N through three desks on the embedded store alone, measured in the same run with the same simulator. Prints the
// wall time to all results, the claim transaction's latency, the round trips per charged call by what they are for,
// the local writes per charged call, and EXPLAIN ANALYZE of the statements every desk runs every tick on the filled
// database. Asserts nothing. `npm run bench:team` (10,000); `npm run bench:team -- --n 1000` for a quick look.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { openNodeHost, type NodeHost } from '../src/core/node-host'
import { internals } from '../src/core/services-internals'
import { openTeamDatabase } from '../src/core/team/postgres'
import { checkTeamRecord } from '../src/core/team/team-record'
import { startSimulator, type Simulator } from '../src/sim/server'
import { startPostgres } from '../test/helpers/postgres'
import { quantile, SqlCounter, type StatementKind } from './team-sql-counter'
import { explainStatements } from './team-explain'

const { values: args } = parseArgs({ options: { n: { type: 'string' }, overlap: { type: 'string' }, scale: { type: 'string' } } })
const N = Number(args.n ?? process.env.BENCH_TEAM_N ?? 10_000)
/** Of each desk's share, this fraction is also asked for by the previous desk: claims that meet a colleague's lookup. */
const OVERLAP = Number(args.overlap ?? 0.1)
/** Every simulated duration (completion, polls, leases) times this: 0.001 makes the median 5 min lookup 0.3 s. */
const SCALE = Number(args.scale ?? 0.001)
const DESKS = ['desk-a', 'desk-b', 'desk-c'] as const
const PLAIN = /^[\u4e00-\u9fa5（）()]+$/
const FINAL = new Set(['done', 'no_result', 'failed', 'expired', 'uncertain'])

/** N companies of the data set: even ones asked for by name, odd ones by credit code (as the team tests do). */
function keywords(sim: Simulator): string[] {
  const list = sim.dataset.companies.filter((c) => PLAIN.test(c.name) && c.credit_no.length === 18).slice(0, N)
  if (list.length < N) throw new Error(`the simulator's data set has only ${list.length} usable companies`)
  return list.map((c, i) => (i % 2 === 0 ? c.name : c.credit_no))
}

/** Desk d's inputs: every third company, with every (1/OVERLAP)-th of the next desk's share mixed in. */
function inputsOf(all: string[], d: number): string[] {
  const own = all.filter((_, i) => i % 3 === d)
  const next = all.filter((_, i) => i % 3 === (d + 1) % 3)
  const every = OVERLAP > 0 ? Math.max(1, Math.round(1 / OVERLAP)) : Infinity
  const out: string[] = []
  own.forEach((k, i) => {
    out.push(k)
    const extra = next[i]
    if (extra !== undefined && i % every === every - 1) out.push(extra)
  })
  return out
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`not done in ${timeoutMs / 1000} s`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

const jobs = (h: NodeHost) => internals(h.services).repo.all()

/** Every input of the desk has a finished lookup, and none of them is still under way. */
function finished(h: NodeHost, inputs: ReadonlySet<string>): boolean {
  const done = new Set<string>()
  for (const j of jobs(h)) {
    if (!inputs.has(j.keyword)) continue
    if (!FINAL.has(j.status)) return false
    done.add(j.keyword)
  }
  return done.size === inputs.size
}

interface RunFigures {
  wallMs: number
  /** Team mode: until every desk also holds every colleague's result. */
  allDesksMs: number | null
  submitted: number
  charged: number
  doubleCharged: number
  polls: number
  journalWrites: number
  chargeAppends: number
  chargeSyncs: number
  /** From the first charged call to the last, over all desks: the pace the polls' schedule meets. */
  chargeSpanMs: number
}

/** `submitIntervalMs`: the embedded store charging at another run's pace (the polls' comparison, below). */
async function run(team: { url: string } | null, submitIntervalMs = 0): Promise<RunFigures> {
  // A fresh simulator with the same seed for each run: the same companies and completion times.
  const sim = await startSimulator({ timeScale: SCALE, seed: 'bench-team', datasetSize: Math.ceil(N * 1.4) + 50 })
  const all = keywords(sim)
  const dirs: string[] = []
  const hosts = DESKS.map((desk) => {
    const dir = mkdtempSync(join(tmpdir(), `bench-team-${desk}-`))
    dirs.push(dir)
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ submitIntervalMs, requestsPerSecond: 50 }))
    // Lease and tick follow the time scale down to their floors (node-host.ts): 3 s and 100 ms at 0.001.
    return openNodeHost({ dataDir: dir, app: 'bench', key: () => 'test-key', baseUrl: sim.url, timeScale: SCALE, team: team ? { url: team.url, desk, user: `${desk}-user` } : null })
  })
  const inputs = DESKS.map((_, d) => inputsOf(all, d))
  const sets = inputs.map((i) => new Set(i))
  const t0 = performance.now()
  for (const [d, h] of hosts.entries()) await h.services.lookups.submit({ inputs: (inputs[d] as string[]).map((text) => ({ text })) })
  for (const h of hosts) h.services.start()
  const timeout = 60_000 + N * 100
  await until(() => hosts.every((h, d) => finished(h, sets[d] as Set<string>)) && hosts.every((h) => (h.services.engine.state().team?.writeBackPending ?? 0) === 0), timeout)
  const wallMs = performance.now() - t0
  let allDesksMs: number | null = null
  if (team) {
    const everyone = new Set(all)
    await until(() => hosts.every((h) => finished(h, everyone)), timeout)
    allDesksMs = performance.now() - t0
  }
  const stats = sim.stats()
  const figures: RunFigures = {
    wallMs,
    allDesksMs,
    submitted: inputs.reduce((a, i) => a + i.length, 0),
    charged: stats.charged,
    doubleCharged: Object.values(stats.chargedByKeyword).filter((n) => n > 1).length,
    polls: stats.polls,
    journalWrites: 0,
    chargeAppends: 0,
    chargeSyncs: 0,
    chargeSpanMs: 0,
  }
  const sent = hosts.flatMap((h) => jobs(h).filter((j) => j.jobid !== null && j.submittedAt !== null && (j.team?.chargedHere ?? true)).map((j) => j.submittedAt as number))
  figures.chargeSpanMs = sent.length ? Math.max(...sent) - Math.min(...sent) : 0
  for (const h of hosts) {
    const inner = internals(h.services)
    await h.close()
    figures.journalWrites += inner.repo.writes.journal
    figures.chargeAppends += inner.ledger.all().length
    // The ledger's log is private: its fdatasync count is read as the persistence bench reads the repository's.
    figures.chargeSyncs += (inner.ledger as unknown as { log: { syncs: number } }).log.syncs
  }
  await sim.close()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  return figures
}

const fmt = (n: number) => (Number.isNaN(n) ? '–' : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2))
const per = (n: number, d: number) => fmt(n / Math.max(1, d))

console.log(`Team bench: ${N.toLocaleString()} companies, overlap ${OVERLAP}, time scale ${SCALE}, ${hostname()}`)
const embedded = await run(null)
console.log(`embedded store: ${fmt(embedded.wallMs / 1000)} s`)

const server = await startPostgres('bench_team')
// Interrupted: the server (its own process) is stopped and its folder removed all the same.
process.once('SIGINT', () => void server.stop().finally(() => process.exit(130)))
const counter = new SqlCounter()
try {
  counter.install()
  const team = await run({ url: server.url })
  counter.uninstall()
  // Polls follow the pace of charging: the poll schedule is re-fitted from the first completions, so lookups charged
  // later meet a different schedule, and at this time scale polls queue behind charged calls for the rate limit.
  const paced = await run(null, Math.round(team.chargeSpanMs / Math.max(1, embedded.charged / DESKS.length)))
  const db = openTeamDatabase({ url: server.url })
  const record = await checkTeamRecord(db)
  const plans = await explainStatements(db, counter.samples)
  await db.close()

  console.log(`\n| measure | team (PostgreSQL) | embedded store | ratio |`)
  console.log('| --- | --- | --- | --- |')
  console.log(`| wall time to every desk's own results (written back) | ${fmt(team.wallMs / 1000)} s | ${fmt(embedded.wallMs / 1000)} s | ${fmt(team.wallMs / embedded.wallMs)}x |`)
  console.log(`| … and every desk holding the whole team's ${N.toLocaleString()} | ${fmt((team.allDesksMs ?? NaN) / 1000)} s | – | |`)
  console.log(`| lookups submitted / charged calls | ${team.submitted.toLocaleString()} / ${team.charged.toLocaleString()} | ${embedded.submitted.toLocaleString()} / ${embedded.charged.toLocaleString()} | ${fmt(team.charged / embedded.charged)}x |`)
  console.log(`| companies charged more than once | ${team.doubleCharged} | ${embedded.doubleCharged} | |`)
  console.log(`| result polls per charged call | ${per(team.polls, team.charged)} | ${per(embedded.polls, embedded.charged)} | |`)
  console.log(`| … the embedded store charging at the team's pace (${fmt(paced.chargeSpanMs / 1000)} s against ${fmt(team.chargeSpanMs / 1000)} s) | | ${per(paced.polls, paced.charged)} | |`)
  console.log(`| local journal writes per charged call | ${per(team.journalWrites, team.charged)} | ${per(embedded.journalWrites, embedded.charged)} | |`)
  console.log(`| local charge-log appends / fdatasyncs per charged call | ${per(team.chargeAppends, team.charged)} / ${per(team.chargeSyncs, team.charged)} | ${per(embedded.chargeAppends, embedded.charged)} / ${per(embedded.chargeSyncs, embedded.charged)} | |`)

  let total = 0
  console.log(`\n| database work (all three desks) | units | rows (lone statements) | round trips | per charged call | p50 | p95 | p99 | max |`)
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |')
  const rows = [...counter.kinds.entries()].sort((a, b) => b[1].statements - a[1].statements)
  for (const [kind, k] of rows) {
    total += k.statements
    console.log(`| ${kind} | ${k.units.toLocaleString()} | ${k.rows.toLocaleString()} | ${k.statements.toLocaleString()} | ${per(k.statements, team.charged)} | ${fmt(quantile(k.ms, 0.5))} ms | ${fmt(quantile(k.ms, 0.95))} ms | ${fmt(quantile(k.ms, 0.99))} ms | ${fmt(Math.max(...k.ms))} ms |`)
  }
  console.log(`| total | | | ${total.toLocaleString()} | ${per(total, team.charged)} | | | | |`)
  const claims = counter.kinds.get('claim (charged)' satisfies StatementKind)?.ms ?? []
  const tenth = Math.max(1, Math.floor(claims.length / 10))
  console.log(
    `\nCharging claim transaction p50 / p95: first tenth ${fmt(quantile(claims.slice(0, tenth), 0.5))} / ${fmt(quantile(claims.slice(0, tenth), 0.95))} ms, ` +
      `last tenth ${fmt(quantile(claims.slice(-tenth), 0.5))} / ${fmt(quantile(claims.slice(-tenth), 0.95))} ms (growth with the record's size)`,
  )
  // The team row's lock: a transaction's first statement waits for it (SELECT … FOR UPDATE), the rest holds it.
  for (const kind of ['claim (charged)', 'outcome write'] as const) {
    const split = counter.split.get(kind) ?? []
    const q = (rows: typeof split, f: 'firstMs' | 'restMs') => `${fmt(quantile(rows.map((r) => r[f]), 0.5))} / ${fmt(quantile(rows.map((r) => r[f]), 0.95))}`
    const t = Math.max(1, Math.floor(split.length / 10))
    console.log(
      `${kind}: the team row's lock waited for (p50 / p95) ${q(split, 'firstMs')} ms, held ${q(split, 'restMs')} ms; ` +
        `first tenth waited ${q(split.slice(0, t), 'firstMs')}, held ${q(split.slice(0, t), 'restMs')} ms; last tenth waited ${q(split.slice(-t), 'firstMs')}, held ${q(split.slice(-t), 'restMs')} ms`,
    )
  }
  console.log(`Team record: ${record.ok ? 'intact' : `BROKEN ${JSON.stringify(record.breaks).slice(0, 300)}`}`)
  console.log(`\nEach tick's statements on the filled database (EXPLAIN ANALYZE, ${N.toLocaleString()} lookups):`)
  for (const p of plans) console.log(`- ${p.name}: ${fmt(p.ms)} ms, ${p.plan}`)
} finally {
  counter.uninstall()
  await server.stop()
}
