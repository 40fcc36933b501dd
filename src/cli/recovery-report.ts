import type { RecoveryReport } from '../shared/domain/recovery-report'
import { msg, render, type Lang } from '../shared/messages'
import { lostAdvice, lostLookupText, recoverySummaryText } from '../core/jobs/recovery-report-text'

/** The lookups that could not be recovered, named one per line (said by every command that opens the folder), in `lang`. */
export function lostLines(lang: Lang, r: RecoveryReport): string[] {
  const advice = lostAdvice(r)
  if (!advice) return []
  return [render(advice, lang), ...r.lost.map((l) => `  - ${render(lostLookupText(l), lang)}`)]
}

/** What `run` says at its start: the summary line, and the uncertain and expired lookups by name. */
export function recoveryLines(lang: Lang, r: RecoveryReport): string[] {
  const summary = recoverySummaryText(r)
  if (!summary) return []
  const lines = [render(summary, lang)]
  for (const l of r.uncertain) lines.push(`  ? ${l.keyword ?? l.id}${l.jobid ? `  ${l.jobid}` : ''}`)
  for (const l of r.expired) lines.push(`  ⌛ ${l.keyword ?? l.id}${l.jobid ? `  ${l.jobid}` : ''}`)
  return lines
}

/** A snapshot file the folder had is gone: said like a damaged one (lookups are paused, paid ones rebuilt). */
export function missingFileLine(lang: Lang, file: string): string {
  return render(msg('recovery.fileMissing', { file }), lang)
}
