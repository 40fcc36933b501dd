import { describe, expect, it } from 'vitest'
import { cellTextXml, excelSerial, rowXml, workbookParts, worksheetHead, worksheetTail, xmlEscape, XF } from '../../../../src/core/xlsx/xlsx-xml'

describe('xml text', () => {
  it('escapes text and strips XML-illegal characters on its own, whatever the caller passed', () => {
    expect(xmlEscape('<a href="x">&</a>\r')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;&#xD;')
    expect(xmlEscape('\u0000\u0008\u000B\u000C\u001F\uFFFE\uFFFF')).toBe('\uFFFD'.repeat(7))
    expect(xmlEscape('\t\n ok 😀 \uD83D')).toBe('\t\n ok 😀 \uFFFD')
    expect(cellTextXml('_x000D_')).toBe('_x005F_x000D_')
    expect(cellTextXml('_xZZZZ_ _x12_')).toBe('_xZZZZ_ _x12_')
  })
})

describe('rowXml', () => {
  const open = ['<c r="A', '<c r="B', '<c r="C']

  it('writes strings as inline strings, numbers and dates as values, and leaves null cells out', () => {
    const xml = rowXml(7, [{ v: 'a&b', s: XF.text }, null, { v: 42, s: XF.count }], open)
    expect(xml).toBe(`<row r="7"><c r="A7" s="${XF.text}" t="inlineStr"><is><t>a&amp;b</t></is></c><c r="C7" s="${XF.count}"><v>42</v></c></row>`)
  })

  it('keeps leading and trailing spaces and line breaks with xml:space="preserve"', () => {
    expect(rowXml(1, [{ v: ' x', s: XF.text }], open)).toContain('<t xml:space="preserve"> x</t>')
    expect(rowXml(1, [{ v: 'a\nb', s: XF.text }], open)).toContain('<t xml:space="preserve">a\nb</t>')
    expect(rowXml(1, [{ v: 'a b', s: XF.text }], open)).toContain('<t>a b</t>')
  })

  it('writes a date as its Excel serial: 1970-01-01 is 25569, noon is half a day', () => {
    expect(excelSerial(new Date(0))).toBe(25569)
    expect(rowXml(2, [{ v: new Date(Date.UTC(1970, 0, 1, 12)), s: XF.datetime }], open)).toContain('<v>25569.5</v>')
  })

  it('leaves a cell empty for NaN, Infinity and an invalid Date (SpreadsheetML has no value for them)', () => {
    expect(rowXml(3, [{ v: Number.NaN, s: XF.count }, { v: Infinity, s: XF.count }, { v: new Date(Number.NaN), s: XF.date }], open)).toBe('<row r="3"></row>')
  })

  it('names columns beyond the built prefixes by their letter, and sets a custom height', () => {
    const cells = Array.from({ length: 28 }, (_, i) => (i === 27 ? { v: 1, s: XF.count } : null))
    expect(rowXml(4, cells, open, 30)).toBe(`<row r="4" ht="30" customHeight="1"><c r="AB4" s="${XF.count}"><v>1</v></c></row>`)
  })
})

describe('worksheet head and tail', () => {
  it('merges adjacent columns of the same width and style into one <col>', () => {
    const head = worksheetHead([{ width: 10 }, { width: 10 }, { width: 20, style: XF.colText }, { width: 20 }], true)
    expect(head).toContain('<cols><col min="1" max="2" width="10" customWidth="1"/>' + `<col min="3" max="3" width="20" style="${XF.colText}" customWidth="1"/>` + '<col min="4" max="4" width="20" customWidth="1"/></cols>')
    expect(head).toContain('tabSelected="1"')
    expect(head.endsWith('<sheetData>')).toBe(true)
  })

  it('freezes the header row only when asked, and selects only the first sheet', () => {
    expect(worksheetHead([], false, true)).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>')
    expect(worksheetHead([], false)).not.toContain('<pane')
    expect(worksheetHead([], false)).not.toContain('tabSelected')
    expect(worksheetHead([], false)).not.toContain('<cols>')
  })

  it('closes the sheet with an autofilter only when there is a range', () => {
    expect(worksheetTail('A1:C9')).toMatch(/^<\/sheetData><autoFilter ref="A1:C9"\/><pageMargins/)
    expect(worksheetTail(null)).not.toContain('autoFilter')
    expect(worksheetTail(null).endsWith('</worksheet>')).toBe(true)
  })
})

describe('workbookParts', () => {
  const parts = new Map(workbookParts([{ name: '数据', filterRef: 'A1:V3' }, { name: "O'Brien <说明>", filterRef: null }], { creator: 'microent & co', created: new Date(Date.UTC(2024, 4, 13, 16, 5, 9, 123)) }))

  it('holds every part a workbook needs, each sheet in the workbook, its relationships and content types', () => {
    expect([...parts.keys()].sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'docProps/app.xml', 'docProps/core.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml'])
    const workbook = parts.get('xl/workbook.xml')!
    expect(workbook).toContain('<sheet name="数据" sheetId="1" r:id="rId1"/><sheet name="O\'Brien &lt;说明&gt;" sheetId="2" r:id="rId2"/>')
    const rels = parts.get('xl/_rels/workbook.xml.rels')!
    expect(rels).toContain('Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"')
    expect(rels).toContain('Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"')
    expect(parts.get('[Content_Types].xml')!.match(/worksheets\/sheet\d\.xml/g)).toEqual(['worksheets/sheet1.xml', 'worksheets/sheet2.xml'])
  })

  it('defines the filter database of a filtered sheet only, with an absolute range', () => {
    const workbook = parts.get('xl/workbook.xml')!
    expect(workbook).toContain('<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">\'数据\'!$A$1:$V$3</definedName></definedNames>')
    expect(workbook.match(/_FilterDatabase/g)).toHaveLength(1)
  })

  it('escapes the creator and writes the creation time to the second', () => {
    const core = parts.get('docProps/core.xml')!
    expect(core).toContain('<dc:creator>microent &amp; co</dc:creator>')
    expect(core).toContain('>2024-05-13T16:05:09Z</dcterms:created>')
    expect(parts.get('docProps/app.xml')).toContain('<vt:i4>2</vt:i4>')
  })
})
