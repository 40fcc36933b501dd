/**
 * Import benchmark: readKeywordFile (worker thread) and parseKeywordBuffer (same thread) on .xlsx and .csv
 * keyword lists, against SheetJS read + sheet_to_json on the same file, at 10,000 and 100,000 rows.
 * Each case runs in a fresh child process so peak RSS is its own (RSS includes the worker thread).
 *   node --import tsx bench/xlsx-import.ts [rows...]
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import * as XLSX from 'xlsx'
import { parseKeywordBuffer, readKeywordFile, type ImportResult } from '../src/core/xlsx/import'
import { runCaseBench } from './child-cases'
import { render } from '../src/shared/messages'
import { measure, type Measured } from './xlsx-fixtures'

type Case = 'worker-xlsx' | 'inline-xlsx' | 'sheetjs-xlsx' | 'worker-csv' | 'sheetjs-csv'
const CASES: Case[] = ['worker-xlsx', 'inline-xlsx', 'sheetjs-xlsx', 'worker-csv', 'sheetjs-csv']
const HEADER = ['序号', '企业名称', '统一社会信用代码', '备注']

function row(i: number): [number, string, string, string] {
  return [i + 1, `成都测试第${i}号科技有限公司`, `91510100${String(i).padStart(9, '0')}X`, i % 7 ? '' : '重点客户']
}

async function writeFixtures(dir: string, rows: number): Promise<{ xlsx: string; csv: string }> {
  const xlsx = join(dir, `keywords-${rows}.xlsx`)
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useStyles: false, useSharedStrings: true })
  const ws = book.addWorksheet('名单')
  ws.addRow(HEADER).commit()
  for (let i = 0; i < rows; i++) ws.addRow(row(i)).commit()
  ws.commit()
  await book.commit()
  const csv = join(dir, `keywords-${rows}.csv`)
  const lines = [HEADER.join(',')]
  for (let i = 0; i < rows; i++) lines.push(row(i).join(','))
  writeFileSync(csv, '\uFEFF' + lines.join('\r\n') + '\r\n')
  return { xlsx, csv }
}

async function runOne(kind: Case, rows: number, path: string): Promise<Measured & { found: number; fileMb: number }> {
  const opts = { maxRows: Math.max(rows, 50_000), column: '企业名称' }
  let found = 0
  const count = (r: ImportResult): void => {
    if (!r.ok) throw new Error(`${kind}: ${r.error.code} ${render(r.error.text, 'en')}`)
    found = r.rows.length
  }
  const m = await measure(async () => {
    if (kind.startsWith('worker')) count(await readKeywordFile(path, opts))
    else if (kind === 'inline-xlsx') count(parseKeywordBuffer(readFileSync(path), path, opts))
    else {
      const wb = XLSX.read(readFileSync(path), { type: 'buffer', raw: kind === 'sheetjs-csv' })
      found = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0] as string] as XLSX.WorkSheet).length
    }
  })
  return { found, ...m, fileMb: statSync(path).size / 1024 / 1024 }
}

await runCaseBench(import.meta.url, {
  name: 'xlsx-import-bench',
  cases: CASES,
  async prepare(rows, dir) {
    const files = await writeFixtures(dir, rows)
    return (kind) => (kind.endsWith('csv') ? files.csv : files.xlsx)
  },
  runOne,
  row: (r) => ({
    case: r.kind,
    rows: r.rows,
    'rows found': r.found,
    seconds: Number(r.seconds.toFixed(2)),
    'peak RSS MB': Math.round(r.peakRssMb),
    'longest block ms': Math.round(r.maxBlockMs),
    'file MB': Number(r.fileMb.toFixed(1)),
  }),
  title: `Import (node ${process.version}, SheetJS ${XLSX.version}; worker = readKeywordFile, inline = parseKeywordBuffer)`,
})
