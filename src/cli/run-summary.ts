import type { Job, JobStatus } from '../shared/domain/job'
import { isFinal } from '../shared/domain/job'
import type { ChargeEntry } from '../core/read-model'
import type { RecoveryReport } from '../shared/domain/recovery-report'
import { msg, type Message } from '../shared/messages'

/** Why `run` ended. */
export type RunStop = 'done' | 'interrupted' | 'max_wait' | 'held' | 'key' | 'paused'

/** What `run --json` prints on stdout as one object (documented in the README). */
export interface RunSummary {
  /** Charged calls this run made that the API accepted (each is charged). */
  chargedCalls: number
  /** Lookups that ended during this run, by how. */
  results: number
  noResult: number
  failed: number
  /** Ended uncertain during this run (may have been charged; never resent without the user). */
  uncertain: number
  expired: number
  /** Lookups not final when the run ended (queued, submitting, polling). */
  pending: number
  stop: RunStop
  exitCode: number
  /** What the start found (see the README): counts of the recovery report's lists. */
  recovery: { damagedFiles: number; resumed: number; uncertain: number; expired: number; rebuilt: number; lost: number }
}

/** Counts what a run did, from the lookups' changes it saw and the charged-call record's new lines. */
export class RunTally {
  private readonly ended = new Map<string, JobStatus>()
  private readonly recordStart: number

  constructor(private readonly record: () => ChargeEntry[]) {
    this.recordStart = record().length
  }

  /** A lookup changed: counted once when it turns final during the run. */
  saw(job: Job, before: JobStatus | undefined): void {
    if (isFinal(job.status) && (before === undefined || !isFinal(before))) this.ended.set(job.id, job.status)
    else if (!isFinal(job.status)) this.ended.delete(job.id)
  }

  summary(pending: number, stop: RunStop, exitCode: number, report: RecoveryReport): RunSummary {
    const count = (s: JobStatus) => [...this.ended.values()].filter((x) => x === s).length
    const charged = this.record()
      .slice(this.recordStart)
      .filter((e) => e.phase === 'outcome' && e.outcome === 'accepted').length
    return {
      chargedCalls: charged,
      results: count('done'),
      noResult: count('no_result'),
      failed: count('failed'),
      uncertain: count('uncertain'),
      expired: count('expired'),
      pending,
      stop,
      exitCode,
      recovery: {
        damagedFiles: report.damaged.length,
        resumed: report.resumed.length,
        uncertain: report.uncertain.length,
        expired: report.expired.length,
        rebuilt: report.rebuilt.length,
        lost: report.lost.length,
      },
    }
  }
}

/** A run that never started (no key): nothing counted but the lookups left `pending`, and no start report. */
export function notStarted(pending: number, stop: RunStop, exitCode: number): RunSummary {
  const recovery = { damagedFiles: 0, resumed: 0, uncertain: 0, expired: 0, rebuilt: 0, lost: 0 }
  return { chargedCalls: 0, results: 0, noResult: 0, failed: 0, uncertain: 0, expired: 0, pending, stop, exitCode, recovery }
}

/** The summary as one stderr line. */
export function summaryLine(s: RunSummary): Message {
  const { chargedCalls, results, noResult, failed, uncertain, expired, pending } = s
  return msg('run.summary', { chargedCalls, results, noResult, failed, uncertain, expired, pending })
}
