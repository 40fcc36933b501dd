/**
 * Import benchmark: readKeywordFile (worker thread) and parseKeywordBuffer (same thread) on .xlsx and .csv
 * keyword lists, against SheetJS read + sheet_to_json on the same file, at 10,000 and 100,000 rows.
 * Each case runs in a fresh child process so peak RSS is its own (RSS includes the worker thread).
 *   node --import tsx bench/xlsx-import.ts [rows...]
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import * as XLSX from 'xlsx'
import { parseKeywordBuffer, readKeywordFile, type ImportResult } from '../src/main/core/xlsx/import'
import { measure, printTable } from './xlsx-fixtures'

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

async function runOne(kind: Case, rows: number, path: string): Promise<void> {
  const opts = { maxRows: Math.max(rows, 50_000), column: '企业名称' }
  let found = 0
  const count = (r: ImportResult): void => {
    if (!r.ok) throw new Error(`${kind}: ${r.error.code} ${r.error.en}`)
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
  console.log(JSON.stringify({ kind, rows, found, ...m, fileMb: statSync(path).size / 1024 / 1024 }))
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (args[0] === '--one') {
    await runOne(args[1] as Case, Number(args[2]), args[3] as string)
    return
  }
  const sizes = args.length ? args.map(Number) : [10_000, 100_000]
  const dir = mkdtempSync(join(tmpdir(), 'xlsx-import-bench-'))
  const self = fileURLToPath(import.meta.url)
  const table: Record<string, string | number>[] = []
  try {
    for (const rows of sizes) {
      const files = await writeFixtures(dir, rows)
      for (const kind of CASES) {
        const path = kind.endsWith('csv') ? files.csv : files.xlsx
        const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--one', kind, String(rows), path], { encoding: 'utf8' })
        const r = JSON.parse(out.trim().split('\n').pop() as string)
        table.push({
          case: kind,
          rows: r.rows,
          'rows found': r.found,
          seconds: Number(r.seconds.toFixed(2)),
          'peak RSS MB': Math.round(r.peakRssMb),
          'longest block ms': Math.round(r.maxBlockMs),
          'file MB': Number(r.fileMb.toFixed(1)),
        })
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  printTable(`Import (node ${process.version}, SheetJS ${XLSX.version}; worker = readKeywordFile, inline = parseKeywordBuffer)`, table)
}

await main()
