import { mkdtempSync, readFileSync } from 'node:fs'
import { createWriteStream } from 'node:fs'
import type { Writable } from 'node:stream'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeTableCsv, writeTableWorkbook, type TableSheet } from '../../../../src/core/xlsx/table-workbook'
import { readWithOpenpyxl } from '../../../helpers/xlsx/openpyxl'

const sheet = (): TableSheet => ({
  name: '核对',
  columns: [
    { header: '行号', kind: 'count', width: 8 },
    { header: '代码', kind: 'id', width: 22 },
    { header: '时间', kind: 'datetime', width: 20 },
  ],
  rows: [
    { cells: [{ t: 'count', v: 2 }, { t: 'text', v: '91510105MA61Y8AB1L' }, { t: 'datetime', v: new Date(Date.UTC(2026, 11, 6, 14, 5)) }] },
    { alert: true, cells: [{ t: 'count', v: 3 }, { t: 'text', v: '=HYPERLINK("x")' }, null] },
  ],
})

async function written(path: string, write: (s: Writable) => Promise<void>) {
  const stream = createWriteStream(path)
  await write(stream)
  await new Promise<void>((r) => (stream.closed ? r() : stream.once('close', () => r())))
}

describe('evidence workbooks (table-workbook)', () => {
  it('writes sheets another reader opens as written: codes as text, a red fill on flagged rows, never a formula, and 说明', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'microent-table-')), 'out.xlsx')
    await written(path, (s) => writeTableWorkbook(s, [sheet()], [['导出人', 'clerk'], ['总数', 2]], { creator: 'test', created: new Date(0) }))
    const [main, notes] = readWithOpenpyxl(path)
    expect(main?.name).toBe('核对')
    expect(main?.rows).toEqual([
      ['行号', '代码', '时间'],
      [2, '91510105MA61Y8AB1L', '2026-12-06T14:05:00'],
      [3, "'=HYPERLINK(\"x\")", ''],
    ])
    expect(main?.fills[1]).toEqual([null, null, null])
    expect(main?.fills[2]).toEqual(['FFFFC7CE', 'FFFFC7CE', 'FFFFC7CE'])
    expect(notes).toMatchObject({ name: '说明', rows: [['项目', '内容'], ['导出人', 'clerk'], ['总数', 2]] })
  })

  it('writes the main table as CSV with a BOM, formulas neutralised', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'microent-table-')), 'out.csv')
    await written(path, (s) => writeTableCsv(s, sheet()))
    expect(readFileSync(path, 'utf8')).toBe('\uFEFF行号,代码,时间\r\n2,91510105MA61Y8AB1L,2026-12-06 14:05:00\r\n3,"\'=HYPERLINK(""x"")",\r\n')
  })
})
