import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { batchRowsPath, fileBatchRows } from '../../../../src/core/store/batch-rows-file'
import type { BatchInputRow } from '../../../../src/shared/domain/batch-rows'

const rows: BatchInputRow[] = [
  { row: 2, input: '甲科技有限公司', normalized: '甲科技有限公司', kind: 'name', decision: 'queued', jobId: 'j1' },
  { row: 3, input: '', normalized: '', kind: 'invalid', decision: 'invalid', jobId: null, why: { code: 'keyword.empty' } },
]

describe('fileBatchRows', () => {
  it('keeps each batch\'s rows in a file of its own and reads them back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-batch-rows-'))
    const store = fileBatchRows(dir)
    store.put('b-1', rows)
    expect(JSON.parse(readFileSync(join(dir, 'batch-rows-b-1.json'), 'utf8'))).toEqual({ format: 1, batchId: 'b-1', rows })
    expect(fileBatchRows(dir).get('b-1')).toEqual(rows)
  })

  it('knows no rows for a batch without a file, a damaged file, or one of another format', () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-batch-rows-'))
    const store = fileBatchRows(dir)
    expect(store.get('none')).toBeNull()
    writeFileSync(batchRowsPath(dir, 'cut'), '{"format":1,"rows":[')
    expect(store.get('cut')).toBeNull()
    writeFileSync(batchRowsPath(dir, 'later'), JSON.stringify({ format: 2, rows: [] }))
    expect(store.get('later')).toBeNull()
  })

  it('refuses an id that could name another file', () => {
    for (const id of ['../settings', 'a/b', '', 'x'.repeat(65)]) expect(() => batchRowsPath('/d', id), id).toThrow(/not a batch id/)
    expect(batchRowsPath('/d', 'c2f1e6b0-1b2a-4c3d-9e8f-0a1b2c3d4e5f')).toBe(join('/d', 'batch-rows-c2f1e6b0-1b2a-4c3d-9e8f-0a1b2c3d4e5f.json'))
  })
})
