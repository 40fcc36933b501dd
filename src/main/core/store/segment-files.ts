import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { SegmentStores } from '../jobs/job-repository'
import { SEGMENT_NAME } from '../jobs/segments'
import type { Clock } from '../ports'
import type { ConfLike } from './conf-backed-store'
import { openRecoverable, type RecoveryNotice } from './recoverable-open'

function validateSegment(data: Record<string, unknown>): string | null {
  for (const key of ['jobs', 'batches']) {
    const v = data[key]
    if (v !== undefined && (typeof v !== 'object' || v === null || Array.isArray(v))) return `${key} is not an object`
  }
  return null
}

/**
 * The jobs' snapshot files in a data folder, opened with a conf-family constructor (conf in the CLI and the test
 * host, electron-store in the app). A damaged file is set aside and reported through `notices`.
 */
export function segmentFiles(dir: string, construct: (name: string) => ConfLike, clock: Clock, notices: RecoveryNotice[]): SegmentStores {
  return {
    open(name) {
      const opened = openRecoverable(join(dir, `${name}.json`), () => construct(name), clock, validateSegment)
      if (opened.notice) notices.push(opened.notice)
      return opened.store
    },
    list() {
      if (!existsSync(dir)) return []
      return readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.slice(0, -'.json'.length))
        .filter((n) => SEGMENT_NAME.test(n))
        .sort()
    },
  }
}
