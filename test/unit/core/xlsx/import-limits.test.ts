import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import * as cpexcel from 'xlsx/dist/cpexcel.full.mjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseKeywordBuffer, readKeywordFile, XLSX_VERSION, type ImportResult } from '../../../../src/core/xlsx/import'
import { bombXlsx, buildZip, minimalXlsxParts, tempDir, writeStreamingXlsx, xlsxBuffer } from './helpers'
import { zhOf, enOf } from '../../../helpers/said'

let tmp: ReturnType<typeof tempDir>
beforeAll(() => {
  tmp = tempDir('xlsx-limits-')
})
afterAll(() => tmp.cleanup())

// The module exports `utils` at runtime; its .d.ts only declares `cptable`.
const cp936 = (cpexcel as unknown as { utils: { encode(cp: number, s: string): Uint8Array | number[] } }).utils
const gbk = (s: string): Buffer => Buffer.from(cp936.encode(936, s))
const code = (r: ImportResult): string => (r.ok ? 'OK' : r.error.code)
const file = (name: string, data: string | Uint8Array): string => {
  const path = join(tmp.dir, name)
  writeFileSync(path, data)
  return path
}

/** Runs `fn` while a 10 ms timer measures the longest stall of this thread's event loop. */
async function withStallMeter<T>(fn: () => Promise<T>): Promise<{ value: T; maxStallMs: number }> {
  let last = performance.now()
  let max = 0
  const timer = setInterval(() => {
    const now = performance.now()
    max = Math.max(max, now - last)
    last = now
  }, 10)
  try {
    const value = await fn()
    return { value, maxStallMs: Math.max(max, performance.now() - last) }
  } finally {
    clearInterval(timer)
  }
}

describe('the reader build', () => {
  it('is the patched SheetJS 0.20.3 in the reader module too', () => {
    expect(XLSX.version).toBe('0.20.3')
    expect(XLSX_VERSION).toBe('0.20.3')
  })
})

describe('bad files give one clear error and no rows', () => {
  it('not a spreadsheet: an image, a Word document, binary text, an unsupported extension', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
    expect(code(parseKeywordBuffer(png, 'photo.xlsx'))).toBe('NOT_SPREADSHEET')
    expect(code(parseKeywordBuffer(png, 'photo.csv'))).toBe('NOT_SPREADSHEET')
    const docx = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '<w:document/>' },
    ])
    const r = parseKeywordBuffer(docx, '名单.xlsx')
    expect(code(r)).toBe('NOT_SPREADSHEET')
    expect(r.ok ? '' : zhOf(r.error)).toContain('Word')
    expect(code(parseKeywordBuffer(Buffer.from('企业名称\n华为'), 'notes.pdf'))).toBe('NOT_SPREADSHEET')
    expect(code(parseKeywordBuffer(Buffer.from('a,b\n1,2'), 'renamed.xlsx'))).toBe('NOT_SPREADSHEET')
    const doc = XLSX.CFB.utils.cfb_new()
    XLSX.CFB.utils.cfb_add(doc, '/WordDocument', Buffer.alloc(600, 1))
    expect(code(parseKeywordBuffer(XLSX.CFB.write(doc, { type: 'buffer' }) as Buffer, 'old.xls'))).toBe('NOT_SPREADSHEET')
  })

  it('password-protected: an encrypted OOXML container and an encrypted zip entry', () => {
    const cfb = XLSX.CFB.utils.cfb_new()
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]))
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(4096, 7))
    const r = parseKeywordBuffer(XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer, '加密.xlsx')
    expect(code(r)).toBe('ENCRYPTED')
    expect(r.ok ? '' : zhOf(r.error)).toContain('密码')
    const zipped = buildZip(minimalXlsxParts('<worksheet/>').map((p, i) => (i === 4 ? { ...p, flags: 1 } : p)))
    expect(code(parseKeywordBuffer(zipped, 'z.xlsx'))).toBe('ENCRYPTED')
  })

  it('empty: no bytes, only blanks', () => {
    expect(code(parseKeywordBuffer(Buffer.alloc(0), 'a.csv'))).toBe('EMPTY')
    expect(code(parseKeywordBuffer(Buffer.from(' \r\n\r\n'), 'a.csv'))).toBe('EMPTY')
    expect(code(parseKeywordBuffer(Buffer.from(',,,\r\n,,\r\n'), 'a.csv'))).toBe('EMPTY')
  })

  it('over the size limit, checked before reading the file', async () => {
    const path = file('big.csv', `企业名称\n${'华为技术有限公司\n'.repeat(200)}`)
    const r = await readKeywordFile(path, { maxBytes: 1000 })
    expect(code(r)).toBe('TOO_LARGE')
    expect(r.ok ? '' : zhOf(r.error)).toContain('MB')
    expect(code(parseKeywordBuffer(Buffer.alloc(21 * 1024 * 1024, 0x41), 'huge.csv'))).toBe('TOO_LARGE')
  })

  it('over the row limit: counts keywords, not blank or title rows', () => {
    const csv = (n: number): Buffer => Buffer.from(`标题\n企业名称\n\n${Array.from({ length: n }, (_, i) => `公司${i}`).join('\n')}\n`)
    expect(code(parseKeywordBuffer(csv(100), 'a.csv', { maxRows: 100 }))).toBe('OK')
    const r = parseKeywordBuffer(csv(101), 'a.csv', { maxRows: 100 })
    expect(code(r)).toBe('TOO_MANY_ROWS')
    expect(r.ok ? '' : zhOf(r.error)).toContain('101 行数据')
  })

  it('a delimited file far over the row limit says how many rows it really has, not where reading stopped', () => {
    // 3,000 records (one with a line break inside quotes), read up to 100 + ROW_SLACK rows.
    const lines = Array.from({ length: 2999 }, (_, i) => `公司${i},x`)
    const r = parseKeywordBuffer(Buffer.from(`企业名称,备注\n"多行\n公司",y\n${lines.join('\n')}`), 'many.csv', { maxRows: 100 })
    expect(code(r)).toBe('TOO_MANY_ROWS')
    expect(r.ok ? '' : enOf(r.error)).toContain('has 3,001 rows')
    expect(r.ok ? '' : enOf(r.error)).toContain('over the 100-row limit')
    const txt = parseKeywordBuffer(Buffer.from(`${Array.from({ length: 3000 }, (_, i) => `公司${i}`).join('\n')}\n`), 'many.txt', { maxRows: 100 })
    expect(txt.ok ? '' : enOf(txt.error)).toContain('has 3,000 rows')
  })

  it('over the row limit by physical rows beyond what is read (checks !fullref)', async () => {
    const rows: unknown[][] = [['企业名称'], ['华为技术有限公司']]
    rows[1500] = ['远处的公司']
    const r = parseKeywordBuffer(await xlsxBuffer([{ name: 'S', rows }]), 'far.xlsx', { maxRows: 100 })
    expect(code(r)).toBe('TOO_MANY_ROWS')
    expect(r.ok ? '' : zhOf(r.error)).toContain('1,501 行')
  })

  it('a genuine zip bomb (200 MB of XML in a small file) is refused before SheetJS sees it', async () => {
    const path = file('bomb.xlsx', await bombXlsx(200))
    const { value, maxStallMs } = await withStallMeter(() => readKeywordFile(path))
    expect(code(value)).toBe('ZIP_BOMB')
    expect(value.ok ? '' : zhOf(value.error)).toContain('压缩炸弹')
    expect(maxStallMs).toBeLessThan(250)
  })

  it('crafted archives: truncated, lying about sizes, overlapping entries', async () => {
    const good = await xlsxBuffer([{ name: 'S', rows: [['企业名称'], ['华为技术有限公司']] }])
    expect(code(parseKeywordBuffer(good.subarray(0, good.length - 40), 'cut.xlsx'))).toBe('UNREADABLE')
    const overlapping = buildZip([...minimalXlsxParts('<worksheet/>'), { name: 'xl/x.xml', data: '', aliasOf: 4 }])
    expect(code(parseKeywordBuffer(overlapping, 'o.xlsx'))).toBe('ZIP_BOMB')
    // Declares 1 KB for 30 MB of XML: passes the directory checks; the worker still finishes quickly and safely.
    const xml = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${'<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(600_000)}</sheetData></worksheet>`
    const lying = file('lying.xlsx', buildZip(minimalXlsxParts(xml).map((p, i) => (i === 4 ? { ...p, declaredSize: 1024 } : p))))
    const r = await readKeywordFile(lying, { memoryMb: 128, timeoutMs: 10_000 })
    expect(r.ok).toBe(false)
  })
})

describe('the worker', () => {
  it('gives the same result as the in-process parser', async () => {
    const buf = await xlsxBuffer([{ name: '名单', rows: [['企业名称', '信用代码'], ['华为技术有限公司', 914403001922038216]] }])
    const path = file('same.xlsx', buf)
    expect(await readKeywordFile(path, { column: 1 })).toEqual(parseKeywordBuffer(buf, 'same.xlsx', { column: 1 }))
  })

  it('decodes text in the worker: a GBK .txt comes back with its encoding and line numbers', async () => {
    const gbkBytes = gbk('企业名称\n华为技术有限公司\n')
    const r = await readKeywordFile(file('gbk.txt', gbkBytes))
    expect(r).toMatchObject({ ok: true, encoding: 'gbk', headerRow: 1, rows: [{ row: 2, text: '华为技术有限公司', problem: null }] })
    expect(r).toEqual(parseKeywordBuffer(gbkBytes, 'gbk.txt'))
  })

  it('is stopped at its deadline', async () => {
    const path = file('slow.csv', '企业名称\n华为技术有限公司\n')
    const r = await readKeywordFile(path, { timeoutMs: 1 })
    expect(code(r)).toBe('TIMEOUT')
    expect(r.ok ? '' : zhOf(r.error)).toContain('秒')
  })

  it('is stopped at its memory cap', async () => {
    const wide = `企业名称${',x'.repeat(60)}\n${`华为技术有限公司${',x'.repeat(60)}\n`.repeat(50_000)}`
    const r = await readKeywordFile(file('wide.csv', wide), { memoryMb: 32 })
    expect(code(r)).toBe('TOO_LARGE')
    expect(r.ok ? '' : enOf(r.error)).toContain('32 MB memory limit')
  })

  it('refuses 50,001 keywords (default limit) while the app stays responsive', async () => {
    const path = join(tmp.dir, 'rows-50001.xlsx')
    await writeStreamingXlsx(path, ['序号', '企业名称', '统一社会信用代码'], 50_001, (i) => [i + 1, `测试企业${i}有限公司`, `91510100${String(i).padStart(9, '0')}X`])
    const { value, maxStallMs } = await withStallMeter(() => readKeywordFile(path))
    expect(code(value)).toBe('TOO_MANY_ROWS')
    expect(value.ok ? '' : zhOf(value.error)).toContain('50,000')
    expect(maxStallMs).toBeLessThan(250)
  })
})
