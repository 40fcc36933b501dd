import type { RecoveryReport, ReportedLookup } from '../../shared/domain/recovery-report'
import { beijingMinute } from '../../shared/domain/beijing-time'
import { msg, type Message } from '../../shared/messages'

/**
 * The report's one-line summary ("3 lookups resumed, 1 uncertain (may have been charged), 2 expired while the app
 * was closed"), or null when there is nothing to say.
 */
export function recoverySummaryText(r: RecoveryReport): Message | null {
  const movedTo = r.damaged.flatMap((d) => (d.movedTo !== null ? [d.movedTo] : []))
  const missing = r.damaged.filter((d) => d.movedTo === null).map((d) => d.file)
  const counts = { resumed: r.resumed.length, rebuilt: r.rebuilt.length, uncertain: r.uncertain.length, expired: r.expired.length, lost: r.lost.length }
  if (!movedTo.length && !missing.length && !Object.values(counts).some((n) => n > 0)) return null
  return msg('recovery.summary', { movedTo, missing, ...counts })
}

/** One lookup that could not be recovered, with what is known of it. */
export function lostLookupText(l: ReportedLookup): Message {
  return msg('recovery.lostLookup', {
    id: l.id,
    keyword: l.keyword,
    jobid: l.jobid,
    paidAt: l.paidAt !== null ? beijingMinute(l.paidAt) : null,
    charged: l.charged,
  })
}

/** What the user can do about the lost lookups. */
export function lostAdvice(r: RecoveryReport): Message | null {
  if (!r.lost.length) return null
  const kept = r.damaged.flatMap((d) => (d.movedTo ? [d.movedTo] : [])).join(', ')
  return msg('recovery.lostAdvice', { lost: r.lost.length, kept })
}
