import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Batch, Job, JobStatus } from '../shared/domain/job'
import { beijingDay, ChargeLedger, isChargeEntry, type ChargeEntry } from './jobs/charge-ledger'
import { provesCharge } from './jobs/charge-record'
import { problemText, recordHoldText } from './jobs/charge-record-text'
import { msg, type Message } from '../shared/messages'
import { JobRepository } from './jobs/job-repository'
import { planLookups } from './jobs/lookup-planner'
import { planRecovery } from './jobs/recovery'
import type { Timers } from './ports'
import { lockHolder, type LockHolder } from './store/data-lock'
import { compactionFingerprint, readOnlyJournal, readOnlyRecord, readOnlySegments, type ReadProblem } from './store/read-only-files'
import { RecordSeal } from './store/record-seal'
import { chargeReads, type ChargeReads } from './read-model'

export type { ReadProblem } from './store/read-only-files'

/** What `list`, `show`, `export` and `charges` read: the data folder as it is, opened without its lock. */
export interface ReadView {
  dataDir: string
  /** The process that held the folder while it was read (the app, a `run`), or null when none did. */
  holder: LockHolder | null
  list(filter?: { status?: JobStatus[] }): Job[]
  /** By local id, Juhe jobid, or keyword (as typed or normalised; the newest lookup of it), as LookupService.find. */
  find(ref: string): Job | null
  batches(): Batch[]
  /** Every lookup of this normalised keyword, newest first (as JobRepository.byNormalized). */
  byNormalized(normalized: string): Job[]
  /** Finished lookups whose result is this company (as JobRepository.byResultIdentity). */
  byResultIdentity(normalized: string): Job[]
  /** Lookups not final yet. */
  pendingJobs(): Job[]
  /** The charged-call record as the next start would count it (crash leftovers settled, proven calls added back). */
  charges: ChargeReads
  /** Snapshot files that could not be read: left where they are (the next `run` or app start sets them aside). */
  problems: ReadProblem[]
  /** What is wrong with the charged-call record: the hold kept in its seal, or what the next writer will hold for. */
  record: Message | null
}

export interface ReadViewOptions {
  dataDir: string
  now?: () => number
  /** MICROENT_TIME_SCALE: how recovery would see jobids' 24 h (only when no process holds the folder). */
  timeScale?: number
  /** Longest wait for a compaction in progress to finish before reading what is there. */
  settleMs?: number
}

const NO_TIMERS: Timers = { setTimeout: () => null, clearTimeout: () => {} }
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

function readLookups(dataDir: string): { repo: JobRepository; problems: ReadProblem[] } {
  const problems: ReadProblem[] = []
  const repo = new JobRepository({
    segments: readOnlySegments(dataDir, problems),
    journal: readOnlyJournal(join(dataDir, 'journal.jsonl')),
    timers: NO_TIMERS,
  })
  repo.load({ archive: 'now' })
  return { repo, problems }
}

/**
 * Opens the data folder for reading only, whoever holds it: no lock, and nothing written (no compaction, no
 * recovery written back, no damaged file moved aside, no seal or settings rewritten). The view is the snapshot files
 * plus the journal replayed over them, read again if a compaction step ran meanwhile (the writer writes each file by
 * rename and puts every change in the journal first, so a read between two compaction checks is consistent); a
 * journal line being appended is skipped. When no process holds the folder, lookups a crash left behind are shown
 * as the next start will settle them (recovery.ts), in memory only.
 */
export async function openReadView(opts: ReadViewOptions): Promise<ReadView> {
  const now = opts.now ?? Date.now
  const { dataDir } = opts
  const deadline = Date.now() + (opts.settleMs ?? 5_000)
  let read = readLookups(dataDir)
  if (existsSync(dataDir)) {
    for (;;) {
      const before = compactionFingerprint(dataDir)
      read = readLookups(dataDir)
      if (compactionFingerprint(dataDir) === before || Date.now() > deadline) break
      await sleep(20)
    }
  }
  const { repo, problems } = read
  // The record is read after the lookups: every call a lookup shows is in it by then (its line is written first).
  const seal = new RecordSeal(join(dataDir, 'charges.jsonl'), join(dataDir, 'charges.meta.json'), now)
  const check = seal.check(isChargeEntry, { keepCopy: false })
  const ledger = new ChargeLedger(readOnlyRecord<ChargeEntry>(join(dataDir, 'charges.jsonl'), isChargeEntry))
  const holder = lockHolder(dataDir)

  // In memory only, as the next start would write them: lookups and calls a crash left unsettled...
  const settled = new Map<string, Job>()
  if (holder === null) {
    const plan = planRecovery(repo.pendingJobs().slice(), ledger.all(), now(), { rebuild: false, scale: opts.timeScale ?? 1 })
    for (const job of plan.jobs) settled.set(job.id, job)
    for (const s of plan.settle) ledger.recordOutcome({ at: now(), jobId: s.jobId, outcome: s.outcome, jobid: null, code: 'RECOVERY' })
  }
  const shown = (job: Job): Job => settled.get(job.id) ?? job
  const all = () => repo.all().map(shown)

  // A cut last line may be one being appended: not a problem of a file read while another process writes it.
  const found = check.problems.filter((p) => p.kind !== 'torn')
  // ...and the calls lookups prove that the record lacks, added back so the counts never drop below them.
  const unrecorded = all().filter((j) => provesCharge(j) && !ledger.hasCharge(j.id))
  if (unrecorded.length) {
    ledger.reconstruct(unrecorded, now())
    const gone = !check.exists && !found.some((p) => p.kind === 'missing') ? [{ kind: 'missing' as const, expectedLines: 0 }] : []
    const day = beijingDay(now())
    const on = unrecorded.map((j) => beijingDay(j.submittedAt ?? j.createdAt))
    const month = on.filter((d) => d.slice(0, 7) === day.slice(0, 7)).length
    found.push(...gone, { kind: 'unrecorded', lookups: unrecorded.length, today: on.filter((d) => d === day).length, month })
  }
  let record: ReadView['record'] = null
  if (check.hold) record = recordHoldText(check.hold).text
  else if (found.length) record = msg('engine.recordMismatch', { problems: found.map(problemText) })

  return {
    dataDir,
    holder,
    list(filter = {}) {
      return all()
        .filter((j) => !filter.status || filter.status.includes(j.status))
        .sort((a, b) => a.createdAt - b.createdAt)
    },
    find(ref) {
      const direct = repo.get(ref)
      if (direct) return shown(direct)
      const trimmed = ref.trim()
      const byJobid = repo.all().find((j) => j.jobid === trimmed)
      if (byJobid) return shown(byJobid)
      const normalized = planLookups([{ text: trimmed }], () => [], { now: now() }).rows[0]?.normalized ?? trimmed
      const found = repo.byNormalized(normalized)[0] ?? repo.all().find((j) => j.keyword === ref)
      return found ? shown(found) : null
    },
    batches: () => repo.allBatches(),
    byNormalized: (normalized) => repo.byNormalized(normalized).map(shown),
    byResultIdentity: (normalized) => repo.byResultIdentity(normalized).map(shown),
    pendingJobs: () => repo.pendingJobs().map(shown),
    charges: chargeReads(ledger),
    problems,
    record,
  }
}
