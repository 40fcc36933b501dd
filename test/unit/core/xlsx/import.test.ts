/**
 * The two entries of the import (the reading itself is tested by aspect: import-workbook, import-text,
 * import-header, import-limits): the same result on the calling thread and through the worker, and how each
 * way a file can fail to be read becomes one ImportResult error (never a throw).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseKeywordBuffer, readKeywordFile, ROW_SLACK, type ImportResult } from '../../../../src/core/xlsx/import'
import { tempDir, xlsxBuffer } from './helpers'

let tmp: ReturnType<typeof tempDir>
beforeEach(() => {
  tmp = tempDir('import-')
})
afterEach(() => tmp.cleanup())

const code = (r: ImportResult) => (r.ok ? 'ok' : r.error.code)
const csv = Buffer.from('企业名称\n甲科技有限公司\n乙科技有限公司\n')

describe('parseKeywordBuffer and readKeywordFile', () => {
  it('give the same result for the same bytes, on this thread and through the worker', async () => {
    const file = join(tmp.dir, '名单.csv')
    writeFileSync(file, csv)
    const here = parseKeywordBuffer(csv, '名单.csv')
    expect(here).toMatchObject({ ok: true, rows: [{ text: '甲科技有限公司' }, { text: '乙科技有限公司' }] })
    expect(await readKeywordFile(file)).toEqual(here)
  })

  it('read a workbook through the worker, with the options passed on (the sheet asked for)', async () => {
    const file = join(tmp.dir, 'book.xlsx')
    writeFileSync(file, await xlsxBuffer([{ name: '一', rows: [['企业名称'], ['甲科技有限公司']] }, { name: '二', rows: [['企业名称'], ['乙科技有限公司']] }]))
    expect(await readKeywordFile(file, { sheet: '二' })).toMatchObject({ ok: true, sheet: '二', rows: [{ text: '乙科技有限公司' }] })
    expect(code(await readKeywordFile(file, { sheet: '三' }))).toBe('SHEET_NOT_FOUND')
  })
})

describe('readKeywordFile: files it cannot read', () => {
  it('names a missing file, refuses a folder, and one over the size limit without reading it', async () => {
    expect(code(await readKeywordFile(join(tmp.dir, 'gone.csv')))).toBe('FILE_NOT_FOUND')
    const folder = join(tmp.dir, 'folder.xlsx')
    mkdirSync(folder)
    expect(code(await readKeywordFile(folder))).toBe('NOT_SPREADSHEET')
    const big = join(tmp.dir, 'big.csv')
    writeFileSync(big, csv)
    expect(code(await readKeywordFile(big, { maxBytes: 10 }))).toBe('TOO_LARGE')
  })

  it('turns a worker that gives up into TIMEOUT', async () => {
    const hang = join(tmp.dir, 'hang.mjs')
    writeFileSync(hang, 'setInterval(() => {}, 1000)\n')
    const file = join(tmp.dir, 'a.csv')
    writeFileSync(file, csv)
    const r = await readKeywordFile(file, { workerUrl: hang, timeoutMs: 300 })
    expect(r).toMatchObject({ ok: false, error: { code: 'TIMEOUT', text: { params: { ms: 300 } } } })
  })
})

describe('row limits', () => {
  it('reads a little beyond the keyword limit for title and blank rows, and refuses more keyword rows than allowed', () => {
    expect(ROW_SLACK).toBeGreaterThan(0)
    const rows = Buffer.from(`企业名称\n${Array.from({ length: 6 }, (_, i) => `公司${i}有限公司`).join('\n')}\n`)
    expect(code(parseKeywordBuffer(rows, 'a.csv', { maxRows: 6 }))).toBe('ok')
    expect(code(parseKeywordBuffer(rows, 'a.csv', { maxRows: 5 }))).toBe('TOO_MANY_ROWS')
  })
})
