import { mkdtempSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isChargeEntry, type ChargeEntry } from '../../../../src/core/jobs/charge-ledger'
import { FileAppendLog } from '../../../../src/core/store/append-log'
import { RecordSeal } from '../../../../src/core/store/record-seal'
import { auditFileName, dataSourceOf, exportAudit, periodReversed } from '../../../../src/core/use-cases/audit-export'
import { RECORD_FILE, SEAL_FILE } from '../../../../src/core/use-cases/verify-charge-record'
import type { Batch } from '../../../../src/shared/domain/job'
import type { ChargedCall } from '../../../../src/shared/ipc/contract'
import { makeJob } from '../../../helpers/jobs'
import { readWithOpenpyxl } from '../../../helpers/xlsx/openpyxl'

/** A data folder whose record the app wrote: `n` intents, chained and sealed. */
function folder(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'microent-audit-'))
  const seal = new RecordSeal(join(dir, RECORD_FILE), join(dir, SEAL_FILE), () => 0)
  seal.check(isChargeEntry)
  const log = new FileAppendLog<ChargeEntry>(join(dir, RECORD_FILE), { valid: isChargeEntry, seal, chain: { now: () => 0 } })
  log.readAll()
  for (let i = 0; i < n; i++) log.append({ phase: 'intent', at: i, jobId: `j${i}`, keyword: `k${i}`, normalized: `k${i}`, kind: 'name' }, 'now')
  log.close()
  return dir
}

const at = (iso: string) => Date.parse(iso)
const call = (iso: string, jobId: string, keyword: string): ChargedCall => ({ at: at(iso), lookupId: jobId, keyword, outcome: 'accepted', jobid: `micro_${jobId}`, code: null })

describe('the audit export both hosts make', () => {
  it('names the batch of each call, the source, version and OS user, and the chain head verified now', async () => {
    const dir = folder(2)
    const batch: Batch = { id: 'b1', name: '客户名单.xlsx', createdAt: 0, jobIds: ['j0'] }
    const out = join(dir, 'audit.xlsx')
    const { rows, head } = await exportAudit(
      out,
      { from: '2026-12-06', to: null },
      {
        dataDir: dir,
        // The first call is a day before the period (Beijing time): left out.
        calls: [call('2026-12-05T02:00:00Z', 'j9', '旧'), call('2026-12-06T02:00:00Z', 'j0', '甲'), call('2026-12-06T03:00:00Z', 'j1', '乙')],
        lookups: [makeJob({ id: 'j0', batchId: 'b1' }), makeJob({ id: 'j1', batchId: null })],
        batches: [batch],
        source: 'https://proxy.example/juhe',
        pricePerCall: null,
      },
      { version: '9.9.9', now: at('2026-12-06T06:00:00Z') },
    )
    expect(rows).toBe(2)
    expect(head).toMatch(/^[0-9a-f]{64}$/)
    const book = readWithOpenpyxl(out)
    const calls = book.find((s) => s.name === '收费调用')!
    expect(calls.rows.slice(1).map((r) => [r[3], r[5]])).toEqual([
      ['甲', '客户名单.xlsx'],
      ['乙', null],
    ])
    const notes = new Map(book.find((s) => s.name === '说明')!.rows.map((r) => [r[0], r[1]]))
    expect(notes.get('收费记录哈希链头')).toBe(head)
    expect(notes.get('导出软件及版本')).toBe('microent-desk 9.9.9')
    expect(notes.get('导出人（操作系统用户）')).toBe(userInfo().username)
    expect(notes.get('数据来源（接口地址）')).toBe('https://proxy.example/juhe')
    expect(String(notes.get('哈希链核验（导出时）'))).toMatch(/^完整：共 2 行/)
  })

  it('names the source in effect, its credentials masked, never empty', () => {
    expect(dataSourceOf(' https://u:p@proxy.example ', 'https://settings.example')).toBe('https://***@proxy.example')
    expect(dataSourceOf(undefined, 'https://settings.example')).toBe('https://settings.example')
    expect(dataSourceOf('', null)).toMatch(/^https:\/\/.*juhe/)
  })

  it('refuses a period named the wrong way round, and suggests a file name with the Beijing time', () => {
    expect(periodReversed({ from: '2026-12-06', to: '2026-12-01' })).toBe(true)
    expect(periodReversed({ from: '2026-12-01', to: '2026-12-01' })).toBe(false)
    expect(periodReversed({ from: null, to: '2026-12-01' })).toBe(false)
    expect(auditFileName(at('2026-12-05T16:30:00Z'), 'csv')).toMatch(/^收费调用记录_20261206.*\.csv$/)
  })
})
