import { beijingDay } from '../../shared/domain/beijing-time'
import type { KeywordKind } from '../../shared/domain/keyword'
import type { Job } from '../../shared/domain/job'
import type { AppendLog, Durability } from '../store/append-log'
import type { ChargedCall } from '../../shared/ipc/contract'

/**
 * One line per step of a charged call. The intent line is on disk before the request leaves; the outcome line
 * follows. An intent without an outcome is a call that may have been charged (the process died in between).
 */
export type ChargeEntry =
  | {
      phase: 'intent'
      at: number
      jobId: string
      keyword: string
      normalized: string
      kind: Exclude<KeywordKind, 'invalid'>
      /** The API base URL the call went to, when not Juhe's own (the simulator, a proxy). */
      source?: string
    }
  | {
      phase: 'outcome'
      at: number
      jobId: string
      /** accepted: a jobid came back (charged). rejected: the API refused it (not charged). not_sent: never left. */
      outcome: 'accepted' | 'rejected' | 'uncertain' | 'not_sent'
      jobid: string | null
      code: string | null
      /** The API's signature of its answer (JOB申请 carries one), evidence for the audit export. */
      sign?: string
    }

/** A line of the record that the ledger can use (a line that parses as `null` or `{}` is no entry). */
export function isChargeEntry(v: unknown): v is ChargeEntry {
  if (typeof v !== 'object' || v === null) return false
  const e = v as Record<string, unknown>
  return (e.phase === 'intent' || e.phase === 'outcome') && typeof e.jobId === 'string' && typeof e.at === 'number'
}

/** The code of the lines added back from lookups when the record had lost their calls (charge-record.ts). */
export const RECONSTRUCTED = 'RECONSTRUCTED'

// One call as the user sees it is part of the IPC contract (the app lists the record).
export type { ChargedCall } from '../../shared/ipc/contract'

export interface ChargeCounts {
  today: number
  month: number
  total: number
}

// Days and months are counted in Beijing time, as Juhe bills them.
export { beijingDay }

export class ChargeLedger {
  private entries: ChargeEntry[]
  /** Settled calls that were, or may have been, charged (accepted or uncertain), by Beijing day and month. */
  private chargedByDay = new Map<string, number>()
  private chargedByMonth = new Map<string, number>()
  private chargedTotal = 0
  private openIntents = new Map<string, Extract<ChargeEntry, { phase: 'intent' }>>()
  /** Lookups with a call in the record that was, or may have been, charged. */
  private chargedIds = new Set<string>()

  constructor(
    private readonly log: AppendLog<ChargeEntry>,
    private readonly opts: { source?: () => string | null } = {},
  ) {
    this.entries = log.readAll()
    for (const e of this.entries) this.apply(e)
  }

  /** Where charged calls go now: null for Juhe's own API, else the base URL (the simulator, a proxy). */
  source(): string | null {
    return this.opts.source?.() ?? null
  }

  /** The record has a call of this lookup that was, or may have been, charged (accepted, uncertain or unanswered). */
  hasCharge(jobId: string): boolean {
    return this.chargedIds.has(jobId) || this.openIntents.has(jobId)
  }

  /**
   * Adds back the calls that lookups prove were made (a jobid, or an uncertain call) when the record lost them: one
   * intent at the lookup's submission and its outcome, coded RECONSTRUCTED, so the caps count them again. (`code`:
   * null for test and bench data written as the engine would have.)
   */
  reconstruct(jobs: readonly Job[], now: number, code: string | null = RECONSTRUCTED): void {
    for (const job of [...jobs].sort((a, b) => (a.submittedAt ?? a.createdAt) - (b.submittedAt ?? b.createdAt))) {
      const at = job.submittedAt ?? job.createdAt
      const source = job.source ? { source: job.source } : {}
      this.add({ phase: 'intent', at, jobId: job.id, keyword: job.keyword, normalized: job.normalized, kind: job.kind, ...source }, 'soon')
      const outcome = job.jobid !== null ? 'accepted' : 'uncertain'
      this.add({ phase: 'outcome', at: Math.max(at, Math.min(now, job.completedAt ?? now)), jobId: job.id, outcome, jobid: job.jobid, code }, 'soon')
    }
    if (jobs.length) void this.log.durable().catch(() => {})
  }

  /**
   * Counted at once; resolves when the line is on disk, and the charged request must not leave before. The wait
   * (fdatasync) happens off the event loop, and one sync also covers the outcome lines written before it.
   */
  recordIntent(e: Omit<Extract<ChargeEntry, { phase: 'intent' }>, 'phase'>): Promise<void> {
    const source = this.source()
    this.add({ phase: 'intent', ...e, ...(source ? { source } : {}) }, 'soon')
    return this.log.durable()
  }

  /**
   * Written at once (a killed process loses nothing) and made durable with the next intent or within the log's
   * sync delay: a submission's outcome and the next one's intent share one fdatasync. Only a power cut inside
   * that window can lose the line, and then recovery counts the call as uncertain (charged, needs a check):
   * a lost jobid, never a second charge.
   */
  recordOutcome(e: Omit<Extract<ChargeEntry, { phase: 'outcome' }>, 'phase'>): void {
    this.add({ phase: 'outcome', ...e }, 'soon')
  }

  /** Intents never settled by an outcome line: the process died while the call was out. */
  unsettledIntents(): Extract<ChargeEntry, { phase: 'intent' }>[] {
    return [...this.openIntents.values()]
  }

  all(): ChargeEntry[] {
    return this.entries.slice()
  }

  /** Every call in the record, newest first, each intent paired with the outcome that followed it. */
  calls(limit = Infinity): ChargedCall[] {
    const out: ChargedCall[] = []
    const open = new Map<string, ChargedCall>()
    for (const e of this.entries) {
      if (e.phase === 'intent') {
        const call: ChargedCall = { at: e.at, lookupId: e.jobId, keyword: e.keyword, outcome: 'pending', jobid: null, code: null }
        open.set(e.jobId, call)
        out.push(call)
      } else {
        const call = open.get(e.jobId)
        if (!call) continue
        open.delete(e.jobId)
        call.outcome = e.outcome
        call.jobid = e.jobid
        call.code = e.code
        if (e.sign) call.sign = e.sign
      }
    }
    // By time: lines added back from lookups (RECONSTRUCTED) are appended after later ones.
    return out.reverse().sort((a, b) => b.at - a.at).slice(0, limit)
  }

  /**
   * Charged or possibly charged calls, for the spending guard (conservative: uncertain and unanswered calls count).
   * Kept as running counts: the guard asks before every charged call.
   */
  counts(now: number): ChargeCounts {
    const day = beijingDay(now)
    const month = day.slice(0, 7)
    let today = this.chargedByDay.get(day) ?? 0
    let inMonth = this.chargedByMonth.get(month) ?? 0
    for (const intent of this.openIntents.values()) {
      const d = beijingDay(intent.at)
      if (d === day) today++
      if (d.startsWith(month)) inMonth++
    }
    return { today, month: inMonth, total: this.chargedTotal + this.openIntents.size }
  }

  private add(e: ChargeEntry, durability: Durability): void {
    this.log.append(e, durability)
    this.entries.push(e)
    this.apply(e)
  }

  private apply(e: ChargeEntry): void {
    if (e.phase === 'intent') {
      this.openIntents.set(e.jobId, e)
      return
    }
    const intent = this.openIntents.get(e.jobId)
    this.openIntents.delete(e.jobId)
    if (intent && (e.outcome === 'accepted' || e.outcome === 'uncertain')) {
      const day = beijingDay(intent.at)
      this.chargedByDay.set(day, (this.chargedByDay.get(day) ?? 0) + 1)
      this.chargedByMonth.set(day.slice(0, 7), (this.chargedByMonth.get(day.slice(0, 7)) ?? 0) + 1)
      this.chargedTotal++
      this.chargedIds.add(e.jobId)
    }
  }
}
