import { describe, expect, it } from 'vitest'
import { prepareBuffer } from '../../../../src/core/xlsx/import-prepare'
import { bombXlsx, buildZip, minimalXlsxParts } from './helpers'

const limits = { maxBytes: 1024 * 1024, maxUnzippedBytes: 10 * 1024 * 1024 }
const bytes = (s: string) => new Uint8Array(Buffer.from(s))
const failure = (r: ReturnType<typeof prepareBuffer>) => ('ok' in r && !r.ok ? r.error.code : null)

describe('prepareBuffer', () => {
  it('refuses an empty file and one over the size limit before reading anything', () => {
    expect(failure(prepareBuffer(new Uint8Array(0), 'a.csv', limits))).toBe('EMPTY')
    expect(failure(prepareBuffer(new Uint8Array(limits.maxBytes + 1), 'a.csv', limits))).toBe('TOO_LARGE')
  })

  it('sends a sound xlsx and an old .xls (by their bytes, whatever the name) to the worker as binary', () => {
    const xlsx = new Uint8Array(buildZip(minimalXlsxParts('<sheetData/>')))
    expect(prepareBuffer(xlsx, 'named.csv', limits)).toEqual({ type: 'binary', data: xlsx })
    const cfb = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])
    expect(prepareBuffer(cfb, 'old.xls', limits)).toMatchObject({ type: 'binary' })
  })

  it('refuses a zip bomb from its directory alone', async () => {
    expect(failure(prepareBuffer(new Uint8Array(await bombXlsx(50)), 'bomb.xlsx', limits))).toMatch(/ZIP_BOMB|TOO_LARGE/)
  })

  it('refuses a zip that is not a spreadsheet', () => {
    const docx = new Uint8Array(buildZip([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]))
    expect(failure(prepareBuffer(docx, 'letter.xlsx', limits))).toBe('NOT_SPREADSHEET')
  })

  it('reads text files by name, with their extension for the reader; ".xls" too (HTML or TSV saved as .xls)', () => {
    for (const name of ['a.CSV', 'a.tsv', 'a.txt', 'noext', 'report.xls']) {
      expect(prepareBuffer(bytes('名称\n甲'), name, limits), name).toMatchObject({ type: 'text' })
    }
    expect(prepareBuffer(bytes('x'), 'a.CSV', limits)).toMatchObject({ ext: '.csv' })
    expect(failure(prepareBuffer(bytes('x'), 'photo.png', limits))).toBe('NOT_SPREADSHEET')
  })
})
