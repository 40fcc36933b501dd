import type { RecoveryReport } from '../shared/domain/recovery-report'
import { bilingual } from '../shared/domain/job'
import { lostAdvice, lostLookupText, recoverySummaryText } from '../core/jobs/recovery-report-text'

/** The lookups that could not be recovered, named one per line (said by every command that opens the folder). */
export function lostLines(r: RecoveryReport): string[] {
  const advice = lostAdvice(r)
  if (!advice) return []
  return [bilingual(advice.zh, advice.en).message, ...r.lost.map((l) => `  - ${bilingual(...pair(lostLookupText(l))).message}`)]
}

function pair(t: { zh: string; en: string }): [string, string] {
  return [t.zh, t.en]
}

/** What `run` says at its start: the summary line, and the uncertain and expired lookups by name. */
export function recoveryLines(r: RecoveryReport): string[] {
  const summary = recoverySummaryText(r)
  if (!summary) return []
  const lines = [bilingual(summary.zh, summary.en).message]
  for (const l of r.uncertain) lines.push(`  ? ${l.keyword ?? l.id}${l.jobid ? `  ${l.jobid}` : ''}`)
  for (const l of r.expired) lines.push(`  ⌛ ${l.keyword ?? l.id}${l.jobid ? `  ${l.jobid}` : ''}`)
  return lines
}

/** A snapshot file the folder had is gone: said like a damaged one (lookups are paused, paid ones rebuilt). */
export function missingFileLine(file: string): string {
  return bilingual(`注意：数据文件 ${file} 不见了，已从收费记录恢复已付费的查询，查询已暂停。`, `A data file is missing: ${file}; paid lookups were rebuilt from the charged-call record, and lookups are paused.`).message
}
