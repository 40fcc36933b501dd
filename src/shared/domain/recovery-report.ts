import type { JobStatus } from './job'

/** One lookup a restart did something to, named so the user can find it (or look it up again). */
export interface ReportedLookup {
  /** Local id; present in the list unless the lookup is `lost`. */
  id: string
  /** The keyword as entered; null when no copy of it survived (a lost lookup known only from a batch). */
  keyword: string | null
  /** The API's jobid, when the lookup had one (it was paid for). */
  jobid: string | null
  /** When its charged call went out (ms since epoch); null when it was never paid for, or that is unknown. */
  paidAt: number | null
  /** Whether it was (or may have been) paid for: null when nothing says (a lost lookup known only from a batch). */
  charged: boolean | null
  /** Its status now (for a lost lookup: the last one known). Null when unknown. */
  status: JobStatus | null
}

/** A data file that could not be read, moved aside byte for byte. */
export interface DamagedFile {
  /** File name in the data folder (`queue-03.json`). */
  file: string
  /** Name it was moved to (`queue-03.json.corrupt-…`); null when the file was missing. */
  movedTo: string | null
  reason: string
}

/**
 * What a start found and did, as plain data: the CLI prints it on stderr, the window shows it as one banner, and
 * `microent doctor` can reuse it. Every list is empty on an ordinary start with nothing pending.
 */
export interface RecoveryReport {
  /** When the report was made (start-up). */
  at: number
  damaged: DamagedFile[]
  /**
   * Charged lookups carried over from the last run, still waiting for their result (polling with their jobid): the
   * free polls resume. Queued lookups not sent yet are not listed (waiting for a run is their normal state).
   */
  resumed: ReportedLookup[]
  /** Caught mid-call by the stop: they may have been charged, and are never resent without the user. */
  uncertain: ReportedLookup[]
  /** Their jobid's 24 h ran out while the app was closed. */
  expired: ReportedLookup[]
  /** Brought back from the charged-call record after a damaged file (the paid ones it held). */
  rebuilt: ReportedLookup[]
  /** Known to have existed (a copy in the damaged file, a batch naming it) and not recoverable: named here. */
  lost: ReportedLookup[]
}

export function emptyRecoveryReport(at: number): RecoveryReport {
  return { at, damaged: [], resumed: [], uncertain: [], expired: [], rebuilt: [], lost: [] }
}

/** True when the report has something to tell beyond lookups simply carried on. */
export function reportNeedsAttention(r: RecoveryReport): boolean {
  return r.damaged.length + r.uncertain.length + r.expired.length + r.rebuilt.length + r.lost.length > 0
}

/** True when there is nothing at all to say. */
export function reportIsEmpty(r: RecoveryReport): boolean {
  return !reportNeedsAttention(r) && r.resumed.length === 0
}
