import { Writable } from 'node:stream'
import * as XLSX from 'xlsx'
import { describe, expect, it } from 'vitest'
import { PENDING_COLUMNS, RESULT_COLUMNS } from '../../../../src/core/xlsx/export-rows'
import { writeXlsx } from '../../../../src/core/xlsx/export-xlsx'
import { arraySource } from '../../../../src/core/xlsx/job-source'
import { zeroCounts } from '../../../../src/shared/domain/status-tally'
import { makeCompany, makeJob } from '../../../helpers/jobs'

function sink() {
  const chunks: Buffer[] = []
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk)
      done()
    },
  })
  return { stream, bytes: () => Buffer.concat(chunks) }
}

const NOW = Date.UTC(2026, 11, 6, 2, 0, 0)
const notes = { now: NOW, appName: 'microent-desk', appVersion: '1.0.0', filter: '全部', counts: { ...zeroCounts(), done: 1, queued: 1, no_result: 1 } }
const jobs = [
  makeJob({ keyword: '成都成电光信科技股份有限公司', status: 'done', result: makeCompany(), submittedAt: NOW, completedAt: NOW }),
  makeJob({ keyword: '=2+3', normalized: '=2+3', status: 'queued' }),
  makeJob({ keyword: '查无此企业有限公司', status: 'no_result' }),
]

async function exported(aborted = () => false) {
  const { stream, bytes } = sink()
  const progress: Array<[number, number]> = []
  await writeXlsx({ stream, source: arraySource(jobs), total: 3, unfinished: 1, placeholder: '-', aborted, notes, onProgress: (w, t) => progress.push([w, t]) })
  return { book: XLSX.read(bytes()), progress, size: bytes().length }
}

describe('writeXlsx', () => {
  it('writes 查询结果 (every lookup), 未完成 (no answer yet) and 说明, each with its header row', async () => {
    const { book, progress } = await exported()
    expect(book.SheetNames).toEqual(['查询结果', '未完成', '说明'])
    const results = XLSX.utils.sheet_to_json<string[]>(book.Sheets['查询结果']!, { header: 1 })
    expect(results[0]).toEqual(RESULT_COLUMNS.map((c) => c.header))
    expect(results).toHaveLength(4)
    const pending = XLSX.utils.sheet_to_json<string[]>(book.Sheets['未完成']!, { header: 1 })
    expect(pending[0]).toEqual(PENDING_COLUMNS.map((c) => c.header))
    expect(pending.map((r) => r[0]).slice(1)).toEqual(["'=2+3"]) // no_result is an answer; the formula is defused
    expect(progress.at(-1)).toEqual([3, 3])
  })

  it('filters and freezes the header of the data sheets', async () => {
    const { book } = await exported()
    expect(book.Sheets['查询结果']!['!autofilter']?.ref).toMatch(/^A1:[A-Z]+4$/)
    expect(book.Sheets['未完成']!['!autofilter']?.ref).toMatch(/^A1:[A-Z]+2$/)
    expect(book.Sheets['说明']!['!autofilter']).toBeUndefined()
  })

  it('writes codes as text, never numbers', async () => {
    const { book } = await exported()
    const sheet = book.Sheets['查询结果']!
    const creditColumn = XLSX.utils.encode_col(RESULT_COLUMNS.findIndex((c) => c.header === '统一社会信用代码'))
    expect(sheet[`${creditColumn}2`]).toMatchObject({ t: 's', v: '9151010057463511XR' })
  })
})
