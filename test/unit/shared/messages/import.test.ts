import { describe, expect, it } from 'vitest'
import { msg, render } from '../../../../src/shared/messages'

const zh = (m: Parameters<typeof render>[0]) => render(m, 'zh-CN')
const en = (m: Parameters<typeof render>[0]) => render(m, 'en')

describe('import messages', () => {
  it('say what a file that is no spreadsheet turned out to be, when the reader could tell', () => {
    expect(zh(msg('import.notSpreadsheet', { file: 'a.docx', detail: 'word' }))).toBe(
      '「a.docx」不是可识别的表格文件。这是 Word 文档，支持 .xlsx、.xls、.csv（UTF-8 或 GBK 编码）和每行一个关键词的 .txt 文件。',
    )
    expect(en(msg('import.notSpreadsheet', { file: 'a.bin', detail: '' }))).toBe(
      '"a.bin" is not a spreadsheet we can read. Supported: .xlsx, .xls, .csv (UTF-8 or GBK) and .txt with one keyword per line.',
    )
    // A detail this version does not know says nothing about what the file is.
    expect(en(msg('import.notSpreadsheet', { file: 'a.bin', detail: 'hologram' }))).not.toContain('hologram')
  })

  it('give the sizes of a zip bomb only when the file declared them', () => {
    expect(en(msg('import.zipBomb', { file: 'b.xlsx', bytes: null, ratio: null }))).toBe('"b.xlsx" has an abnormal compressed structure; it may be a crafted "zip bomb" and was not read.')
    expect(zh(msg('import.zipBomb', { file: 'b.xlsx', bytes: 2 * 1024 * 1024, ratio: 812.4 }))).toContain('（声明解压后 2.0 MB，压缩比约 812 倍）')
  })

  it('count rows with thousands separators and say whether blank rows were counted', () => {
    const rows = (physical: boolean) => msg('import.tooManyRows', { file: 'c.xlsx', sheet: 'S', rows: 52_001, max: 50_000, physical })
    expect(en(rows(false))).toContain('has 52,001 rows of data, over the 50,000-row limit')
    expect(en(rows(true))).toContain('(counting blank or formatted-only rows)')
    expect(zh(rows(true))).toContain('共有 52,001 行（含空行或仅设置了格式的行）')
  })

  it('name every column a code-first read falls back to', () => {
    const m = msg('import.codeFirst', { code: '统一社会信用代码', others: ['注册号', '企业名称'] })
    expect(zh(m)).toBe('每行优先用「统一社会信用代码」中的代码查询，代码为空或不是代码时用「注册号」、「企业名称」')
    expect(en(m)).toBe('Each row is looked up by its "统一社会信用代码" when that cell holds a code, else by "注册号", "企业名称"')
  })

  it('start a row problem with its row, so a list of them needs no other prefix', () => {
    expect(zh(msg('import.cellError', { row: 9, value: '#REF!' }))).toMatch(/^第 9 行：/)
    expect(en(msg('import.emptyCell', { row: 9, header: 'Name' }))).toBe('Row 9: "Name" is empty; skipped.')
  })
})
