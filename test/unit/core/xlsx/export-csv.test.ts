import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { writeCsv } from '../../../../src/core/xlsx/export-csv'
import { RESULT_COLUMNS } from '../../../../src/core/xlsx/export-rows'
import { arraySource } from '../../../../src/core/xlsx/job-source'
import { makeCompany, makeJob } from '../../../helpers/jobs'

function sink() {
  const chunks: Buffer[] = []
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk)
      done()
    },
  })
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') }
}

const T = Date.UTC(2026, 11, 6, 2, 0, 0)

describe('writeCsv', () => {
  it('writes a BOM, the header and one CRLF record per lookup, quoted as RFC 4180 says', async () => {
    const { stream, text } = sink()
    const jobs = [
      makeJob({ keyword: '甲,"引号"', normalized: '甲,"引号"', status: 'done', submittedAt: T, completedAt: T, result: makeCompany({ start_date: '2011-05-27' }) }),
      makeJob({ keyword: '=1+2', normalized: '=1+2', status: 'queued' }),
    ]
    const progress: Array<[number, number]> = []
    await writeCsv({ stream, source: arraySource(jobs), total: 2, placeholder: '-', aborted: () => false, onProgress: (w, t) => progress.push([w, t]) })
    const out = text()
    expect(out.startsWith('\uFEFF')).toBe(true)
    const records = out.slice(1).split('\r\n')
    expect(records.at(-1)).toBe('')
    expect(records).toHaveLength(4)
    expect(records[0]!.split(',')).toHaveLength(RESULT_COLUMNS.length)
    expect(records[1]!.startsWith('"甲,""引号""","甲,""引号"""')).toBe(true)
    expect(records[1]).toContain(',2011-05-27,')
    expect(records[1]).toContain(',2026-12-06 10:00:00,')
    expect(records[2]!.startsWith("'=1+2,'=1+2,")).toBe(true)
    expect(progress.at(-1)).toEqual([2, 2])
  })

  it('stops writing when aborted, without ending the stream', async () => {
    const { stream } = sink()
    const many = Array.from({ length: 2000 }, () => makeJob({ keyword: '某'.repeat(30), status: 'queued' }))
    let checks = 0
    await writeCsv({ stream, source: arraySource(many), total: many.length, placeholder: '-', aborted: () => ++checks > 0 })
    expect(checks).toBeGreaterThan(0)
    expect(stream.writableEnded).toBe(false)
  })
})
