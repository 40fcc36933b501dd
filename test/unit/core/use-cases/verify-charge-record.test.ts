import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isChargeEntry, type ChargeEntry } from '../../../../src/core/jobs/charge-ledger'
import { FileAppendLog } from '../../../../src/core/store/append-log'
import { RecordSeal } from '../../../../src/core/store/record-seal'
import { RECORD_FILE, SEAL_FILE, verifyChargeRecord } from '../../../../src/core/use-cases/verify-charge-record'

/** A data folder whose record the app wrote: `n` charged calls, chained, synced and sealed. */
function folder(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'microent-verify-'))
  const seal = new RecordSeal(join(dir, RECORD_FILE), join(dir, SEAL_FILE), () => 0)
  seal.check(isChargeEntry)
  const log = new FileAppendLog<ChargeEntry>(join(dir, RECORD_FILE), { valid: isChargeEntry, seal, chain: { now: () => 0 } })
  log.readAll()
  for (let i = 0; i < n; i++) log.append({ phase: 'intent', at: i, jobId: `j${i}`, keyword: `k${i}`, normalized: `k${i}`, kind: 'name' }, 'now')
  log.close()
  return dir
}

const recordLines = (dir: string) => readFileSync(join(dir, RECORD_FILE), 'utf8').split('\n').slice(0, -1)

describe('verifyChargeRecord', () => {
  it('finds a record the app wrote whole, and gives its chain head', () => {
    const dir = folder(3)
    const verdict = verifyChargeRecord(dir)
    expect(verdict).toMatchObject({ intact: true, exists: true, lines: 3, chained: 3, firstChained: 1, breaks: [], cut: null, torn: false })
    expect(verdict.head).toBe((JSON.parse(recordLines(dir)[2]!) as { hash: string }).hash)
  })

  it('names the line where the record was edited', () => {
    const dir = folder(3)
    const lines = recordLines(dir)
    lines[1] = lines[1]!.replace('"k1"', '"changed"')
    writeFileSync(join(dir, RECORD_FILE), lines.join('\n') + '\n')
    const verdict = verifyChargeRecord(dir)
    expect(verdict.intact).toBe(false)
    expect(verdict.breaks.map((b) => [b.line, b.confirmed])).toEqual([[2, false]])
  })

  it('says when lines were cut from the end, or the whole record is gone', () => {
    const cut = folder(3)
    writeFileSync(join(cut, RECORD_FILE), recordLines(cut).slice(0, 2).join('\n') + '\n')
    expect(verifyChargeRecord(cut)).toMatchObject({ intact: false, cut: { kind: 'short', lines: 2, expectedLines: 3 } })
    const gone = folder(2)
    rmSync(join(gone, RECORD_FILE))
    expect(verifyChargeRecord(gone)).toMatchObject({ intact: false, exists: false, cut: { kind: 'missing', expectedLines: 2 } })
  })

  it('finds an earlier head the chain passed through, and only that', () => {
    const dir = folder(2)
    const earlier = verifyChargeRecord(dir).head
    const log = new FileAppendLog<ChargeEntry>(join(dir, RECORD_FILE), { valid: isChargeEntry, seal: new RecordSeal(join(dir, RECORD_FILE), join(dir, SEAL_FILE), () => 0), chain: { now: () => 0 } })
    log.readAll()
    log.append({ phase: 'intent', at: 9, jobId: 'j9', keyword: 'k9', normalized: 'k9', kind: 'name' }, 'now')
    log.close()
    expect(verifyChargeRecord(dir, { earlierHead: ` ${earlier.toUpperCase()} ` }).earlierHead).toEqual({ head: earlier, line: 2 })
    expect(verifyChargeRecord(dir, { earlierHead: 'f'.repeat(64) }).earlierHead?.line).toBeNull()
  })

  it('writes nothing, even for a damaged record', () => {
    const dir = folder(2)
    writeFileSync(join(dir, RECORD_FILE), 'garbage\n')
    const before = readFileSync(join(dir, SEAL_FILE), 'utf8')
    verifyChargeRecord(dir)
    expect(readFileSync(join(dir, SEAL_FILE), 'utf8')).toBe(before)
    expect(readFileSync(join(dir, RECORD_FILE), 'utf8')).toBe('garbage\n')
  })
})
