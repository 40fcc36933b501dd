/**
 * `microent audit verify`: is the charged-call record as the app wrote it? The hash chain says where a line was
 * edited, added or removed; the seal says whether lines were cut from the end or the file is gone (the chain alone
 * cannot tell a shorter record from an older one). Read only: nothing is written, copied or repaired.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { verifyChain, type ChainBreakKind } from '../store/hash-chain'
import { RecordSeal } from '../store/record-seal'
import { isChargeEntry } from '../jobs/charge-ledger'

export const RECORD_FILE = 'charges.jsonl'
export const SEAL_FILE = 'charges.meta.json'

export interface RecordVerdict {
  /** True when the record is whole: no break in the chain, nothing cut or missing. */
  intact: boolean
  exists: boolean
  lines: number
  chained: number
  /** The first line the chain covers (earlier ones were written before this version); null: none yet. */
  firstChained: number | null
  /** The chain's head: an export prints it, so a later check can show this record went on unchanged. */
  head: string
  /** Every break in file order; `confirmed`: the user was shown it and confirmed (it stays a break). */
  breaks: { line: number; kind: ChainBreakKind; confirmed: boolean }[]
  /** Lines missing from the end or the whole file, as the seal knows them. */
  cut: { kind: 'missing' | 'short'; lines: number; expectedLines: number } | null
  /** Lines cut by a crash and named by a repair note (not breaks). */
  repaired: number[]
  /** The last line is cut by a crash and not repaired yet (the next charged call repairs it): not a break. */
  torn: boolean
  /** Asked for an earlier head (an export's): the line the chain had it after, or null when it never had it. */
  earlierHead?: { head: string; line: number | null }
}

export function verifyChargeRecord(dataDir: string, opts: { earlierHead?: string } = {}): RecordVerdict {
  const recordPath = join(dataDir, RECORD_FILE)
  const metaPath = join(dataDir, SEAL_FILE)
  const exists = existsSync(recordPath)
  const earlier = opts.earlierHead?.trim().toLowerCase()
  const report = verifyChain(exists ? readFileSync(recordPath, 'utf8') : '', earlier ? { find: earlier } : {})
  const confirmed = readConfirmed(metaPath)
  const seal = new RecordSeal(recordPath, metaPath).check(isChargeEntry, { keepCopy: false })
  const cutProblem = seal.problems.find((p) => p.kind === 'missing' || p.kind === 'short')
  const cut =
    cutProblem?.kind === 'missing' ? { kind: 'missing' as const, lines: 0, expectedLines: cutProblem.expectedLines }
    : cutProblem?.kind === 'short' ? { kind: 'short' as const, lines: cutProblem.lines, expectedLines: cutProblem.expectedLines }
    : null
  const breaks = report.breaks.map((b) => ({ ...b, confirmed: confirmed.includes(b.line) }))
  return {
    // Found after a break is no proof: the edit that broke the chain may be what the earlier export covered.
    ...(earlier ? { earlierHead: { head: earlier, line: report.found !== null && !report.breaks.some((b) => b.line <= (report.found ?? 0)) ? report.found : null } } : {}),
    intact: breaks.length === 0 && cut === null,
    exists,
    lines: report.lines,
    chained: report.chained,
    firstChained: report.firstChained,
    head: report.head,
    breaks,
    cut,
    repaired: report.repaired,
    torn: report.torn,
  }
}

function readConfirmed(metaPath: string): number[] {
  try {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as { chainConfirmed?: unknown }
    return Array.isArray(meta.chainConfirmed) ? meta.chainConfirmed.filter((n): n is number => Number.isInteger(n)) : []
  } catch {
    return []
  }
}
