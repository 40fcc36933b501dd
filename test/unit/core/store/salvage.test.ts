import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { salvageLookups, salvageLookupsFromFile } from '../../../../src/core/store/salvage'
import { makeJob } from '../../../helpers/jobs'

describe('salvageLookups: what a damaged snapshot file still names', () => {
  const a = makeJob({ id: 'a', keyword: '甲科技有限公司', status: 'polling', jobid: 'micro_a', submittedAt: 1000 })
  const b = makeJob({ id: 'b', keyword: '乙"引号"科技有限公司', status: 'queued' })
  const text = JSON.stringify({ schemaVersion: 3, jobs: { a, b } })

  it('reads every whole lookup, and the fields of one cut off', () => {
    expect(salvageLookups(text)).toEqual([
      { id: 'a', keyword: '甲科技有限公司', jobid: 'micro_a', submittedAt: 1000, status: 'polling' },
      { id: 'b', keyword: '乙"引号"科技有限公司', jobid: null, submittedAt: null, status: 'queued' },
    ])
    const cut = text.slice(0, text.indexOf('"b"') + 60)
    const salvaged = salvageLookups(cut)
    expect(salvaged.map((s) => s.id)).toEqual(['a', 'b'])
    expect(salvaged[1]!.keyword).toBe('乙"引号"科技有限公司')
  })

  it('finds nothing in garbage or an empty file', () => {
    expect(salvageLookups('\u0000\u0001 not json')).toEqual([])
    expect(salvageLookups('')).toEqual([])
  })
})

describe('salvageLookupsFromFile', () => {
  it('salvages from a file, and finds nothing in one it cannot read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-salvage-'))
    const job = makeJob({ id: 'a', keyword: '甲科技有限公司', status: 'queued' })
    writeFileSync(join(dir, 'queue-01.json'), JSON.stringify({ jobs: { a: job } }).slice(0, -3))
    expect(salvageLookupsFromFile(join(dir, 'queue-01.json')).map((l) => l.id)).toEqual(['a'])
    expect(salvageLookupsFromFile(join(dir, 'gone.json'))).toEqual([])
  })
})
