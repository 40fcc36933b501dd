import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { RecoveryReport } from '../../shared/domain/recovery-report'

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, '-')
}

/**
 * Keeps a start's recovery report in the data folder (`recovery-report-<time>.json`) when it found damaged or
 * missing files or lookups it could not recover: stderr may have gone unread (a scheduled run) and a banner may be
 * dismissed, but what was lost stays named beside the files set aside. Returns the file written, or null.
 */
export function keepRecoveryReport(dataDir: string, report: RecoveryReport): string | null {
  if (!report.damaged.length && !report.lost.length) return null
  const path = join(dataDir, `recovery-report-${stamp(report.at)}.json`)
  writeFileSync(path, JSON.stringify(report, null, 2) + '\n')
  return path
}
