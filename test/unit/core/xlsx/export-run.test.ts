import { Writable } from 'node:stream'
import * as XLSX from 'xlsx'
import { describe, expect, it } from 'vitest'
import { neutralizedCells, runExport, type ExportPlan } from '../../../../src/core/xlsx/export-run'
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

const jobs = [
  makeJob({ keyword: '=1+1', normalized: '=1+1', status: 'done', batchId: 'b', result: makeCompany({ reg_capi: '+100万', belong_org: '@局' }) }),
  makeJob({ keyword: '甲科技有限公司', status: 'queued' }),
]
const plan = (format: 'xlsx' | 'csv'): ExportPlan => ({
  format,
  placeholder: '-',
  batchNames: { b: '-批次' },
  total: 2,
  unfinished: 1,
  notes: { now: 0, appName: 'microent-desk', appVersion: '1', filter: '全部', counts: zeroCounts() },
})

describe('neutralizedCells', () => {
  it('counts the cells of a row that start a formula: keyword, normalized, batch name and company fields', () => {
    expect(neutralizedCells(jobs[0]!, { b: '-批次' })).toBe(5)
    expect(neutralizedCells(jobs[0]!, {})).toBe(4) // the batch shown by its id
    expect(neutralizedCells(jobs[1]!, {})).toBe(0)
  })

  it('counts no company fields unless the lookup is done', () => {
    expect(neutralizedCells({ ...jobs[0]!, status: 'failed' }, {})).toBe(2)
  })
})

describe('runExport', () => {
  it('writes the chosen format and says how many cells it neutralised', async () => {
    const xlsx = sink()
    expect(await runExport(xlsx.stream, arraySource(jobs), plan('xlsx'), { aborted: () => false })).toEqual({ neutralized: 5 })
    expect(XLSX.read(xlsx.bytes()).SheetNames).toEqual(['查询结果', '未完成', '说明'])
    const csv = sink()
    expect(await runExport(csv.stream, arraySource(jobs), plan('csv'), { aborted: () => false })).toEqual({ neutralized: 5 })
    expect(csv.bytes().toString('utf8').startsWith('\uFEFF')).toBe(true)
    expect(csv.stream.writableEnded).toBe(true)
  })
})
