import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { damagedRows, everyRow, importPreview, readKeywords, usableRows } from '../../../../src/core/use-cases/import-keywords'

const dir = mkdtempSync(join(tmpdir(), 'microent-import-'))
function file(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text, 'utf8')
  return path
}

async function read(path: string) {
  const res = await readKeywords(path)
  if (!res.ok) throw new Error(`expected a read, got ${res.error.code}`)
  return res.read
}

describe('import keywords', () => {
  it('plans only the rows the spreadsheet did not damage, in file order', async () => {
    const r = await read(file('codes.csv', '统一社会信用代码\n9.1510105E+17\n9151010057463511XR\n91440300192203821X\n'))
    expect(damagedRows(r).map((x) => [x.row, x.problem?.code])).toEqual([[2, 'DAMAGED_NUMBER']])
    expect(usableRows(r)).toEqual([
      { text: '9151010057463511XR', row: 3 },
      { text: '91440300192203821X', row: 4 },
    ])
  })

  it('lists every row with its decision: a damaged cell and an empty keyword cell are never planned', async () => {
    const r = await read(file('names.csv', '企业名称;备注\n甲有限公司;\n;只有备注\n9.1510105E+17;\n'))
    const rows = everyRow(r)
    expect(rows.map((e) => ('text' in e ? ['plan', e.row, e.text] : ['never', e.row, e.input, e.error.code]))).toEqual([
      ['plan', 2, '甲有限公司'],
      ['never', 3, '', 'EMPTY'],
      ['never', 4, '9.1510105E+17', 'DAMAGED_NUMBER'],
    ])
  })

  it('previews a file for the window under a token, never its path', async () => {
    const r = await read(file('list.csv', '企业名称\n甲有限公司\n乙有限公司\n'))
    const preview = importPreview('tok-1', 'list.csv', r)
    expect(preview).toMatchObject({ token: 'tok-1', fileName: 'list.csv', headerRow: 1, headerInferred: false, codeFirst: null, needsColumnChoice: null })
    expect(preview.rows.map((x) => x.text)).toEqual(['甲有限公司', '乙有限公司'])
    expect(JSON.stringify(preview)).not.toContain(dir)
  })

  it('says why a file cannot be read', async () => {
    const res = await readKeywords(join(dir, 'missing.xlsx'))
    expect(res.ok).toBe(false)
  })
})
