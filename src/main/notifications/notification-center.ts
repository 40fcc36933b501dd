import type { EngineState } from '../../shared/domain/engine'
import type { Job, JobStatus } from '../../shared/domain/job'
import { PENDING_STATUSES } from '../../shared/domain/job'
import type { AppSettings } from '../../shared/ipc/contract'
import type { Clock, Timers } from '../../core/ports'
import type { Services } from '../../core/services'
import { completionsForMode, groupCompletions, type ClickTarget, type NotificationSpec } from './completion-grouping'
import { Batcher } from './notification-batcher'
import { alertText, expiringText, uncertainText, type AlertKind, type Completion, type FinishedStatus } from './notification-texts'

export const COMPLETION_WINDOW_MS = 2_000
export const COMPLETION_MIN_INTERVAL_MS = 15_000
export const RATE_LIMIT_ALERT_EVERY_MS = 30 * 60_000
export const EXPIRY_CHECK_MS = 5 * 60_000
export const EXPIRY_WARN_MS = 60 * 60_000

export interface NotificationCenterDeps {
  services: Pick<Services, 'on' | 'reads'>
  settings: () => Pick<AppSettings, 'notifications' | 'language'>
  show: (spec: NotificationSpec) => void
  /** The window shows the same facts; the OS stays quiet while it has focus. */
  isWindowFocused: () => boolean
  clock: Clock
  timers: Timers
}

const ALERT_PAUSES = new Set<string>(['key', 'rate_limit', 'disabled', 'recovery'])
const isPending = (s: JobStatus | undefined): boolean => s !== undefined && PENDING_STATUSES.includes(s)

/**
 * Turns engine events into OS notifications: finished lookups (grouped, throttled, filtered by the user's
 * setting) and alerts for what needs the user (key rejected, rate limit, quota or cap, uncertain charged calls,
 * jobids about to expire).
 */
export function startNotificationCenter(deps: NotificationCenterDeps): { dispose(): void } {
  const { services, clock, timers } = deps
  const lang = () => deps.settings().language
  // Only a pending lookup can finish; the others enter the map when they change (a resubmission makes them pending).
  const statuses = new Map<string, JobStatus>(services.reads.pending().map((j) => [j.id, j.status]))
  const warnedExpiry = new Set<string>()
  let lastPause: string | null = null
  let lastHold: string | null = null
  let lastRateAlert = -Infinity

  const deliver = (spec: NotificationSpec): void => {
    if (deps.settings().notifications === 'off' || deps.isWindowFocused()) return
    deps.show(spec)
  }
  const alert = (title: string, body: string, target: ClickTarget = null) => deliver({ kind: 'alert', title, body, target })
  const batchName = (id: string) => services.reads.batch(id)?.name ?? null

  const completions = new Batcher<Completion>({
    clock,
    timers,
    windowMs: COMPLETION_WINDOW_MS,
    minIntervalMs: COMPLETION_MIN_INTERVAL_MS,
    flush: (items) => {
      const chosen = completionsForMode(items, deps.settings().notifications)
      for (const spec of groupCompletions(chosen, lang(), batchName)) deliver(spec)
    },
  })
  const uncertain = new Batcher<Job>({
    clock,
    timers,
    windowMs: COMPLETION_WINDOW_MS,
    minIntervalMs: 0,
    flush: (jobs) => {
      const t = uncertainText(jobs.map((j) => j.keyword), lang())
      alert(t.title, t.body, jobs.length === 1 ? { type: 'lookup', id: (jobs[0] as Job).id } : null)
    },
  })

  const onJob = (job: Job): void => {
    const before = statuses.get(job.id)
    statuses.set(job.id, job.status)
    if (!isPending(before) || isPending(job.status)) return
    if (job.status === 'uncertain') return uncertain.add(job)
    completions.add({
      jobId: job.id,
      keyword: job.keyword,
      status: job.status as FinishedStatus,
      batchId: job.batchId,
      companyName: job.result?.name ?? null,
      error: job.error ?? null,
      changed: job.status === 'done' ? (services.reads.history(job.id)?.changes.map((c) => c.field) ?? []) : [],
    })
  }

  const onState = (state: EngineState): void => {
    const pause = state.status === 'paused' ? state.pause : null
    const reason = pause?.reason ?? null
    if (reason !== lastPause && pause && ALERT_PAUSES.has(pause.reason)) {
      const now = clock.now()
      if (pause.reason !== 'rate_limit' || now - lastRateAlert >= RATE_LIMIT_ALERT_EVERY_MS) {
        if (pause.reason === 'rate_limit') lastRateAlert = now
        const t = alertText(pause.reason as AlertKind, lang(), { text: pause.text, until: pause.until })
        alert(t.title, t.body)
      }
    }
    lastPause = reason
    const hold = holdAlert(state)
    if (hold && hold !== lastHold) {
      const t = alertText(hold, lang(), { text: state.submitHold?.text })
      alert(t.title, t.body)
    }
    lastHold = hold
  }

  let expiryTimer: unknown = null
  const checkExpiry = (): void => {
    const now = clock.now()
    const soon = services.reads
      .pending()
      .filter((j) => j.status === 'polling' && j.expiresAt !== null && j.expiresAt > now && j.expiresAt - now <= EXPIRY_WARN_MS && !warnedExpiry.has(j.id))
    if (soon.length) {
      for (const j of soon) warnedExpiry.add(j.id)
      const batches = new Set(soon.map((j) => j.batchId))
      const onlyBatch = batches.size === 1 ? [...batches][0] : null
      const target: ClickTarget = soon.length === 1 ? { type: 'lookup', id: (soon[0] as Job).id } : onlyBatch ? { type: 'batch', batchId: onlyBatch } : null
      const t = expiringText(soon.length, Math.round(EXPIRY_WARN_MS / 60_000), lang())
      alert(t.title, t.body, target)
    }
    expiryTimer = timers.setTimeout(checkExpiry, EXPIRY_CHECK_MS)
  }
  expiryTimer = timers.setTimeout(checkExpiry, EXPIRY_CHECK_MS)

  const unsubscribe = services.on((e) => {
    if (e.type === 'lookups:updated') onJob(e.job)
    else if (e.type === 'engine:state') onState(e.state)
  })

  return {
    dispose() {
      unsubscribe()
      completions.dispose()
      uncertain.dispose()
      if (expiryTimer !== null) timers.clearTimeout(expiryTimer)
      expiryTimer = null
    },
  }
}

/**
 * What a hold on charged calls is to tell the user. A team desk connecting to its database at start holds them too,
 * for the moment it takes to answer: that is no alert (an unanswered database becomes one once the desk says so).
 * A desk whose name is another computer's is told that, not that the database is unreachable.
 */
function holdAlert(state: EngineState): AlertKind | null {
  const hold = state.submitHold?.reason ?? null
  if (hold !== 'team_offline') return hold
  if (state.team?.deskTaken) return 'team_desk_taken'
  return state.team && state.team.offlineSince === null ? null : 'team_offline'
}
