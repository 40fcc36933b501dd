/**
 * Export benchmark: exportLookups (exceljs streaming, xlsx and CSV) against SheetJS json_to_sheet + writeFile,
 * at 10,000 and 100,000 lookups. Each case runs in a fresh child process so peak RSS is its own.
 *   node --import tsx bench/xlsx-export.ts [rows...]
 */
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as XLSX from 'xlsx'
import { COMPANY_FIELD_LABELS, COMPANY_FIELDS } from '../src/shared/domain/company'
import { exportLookups } from '../src/main/core/xlsx/export'
import { makeJobs, measure, printTable } from './xlsx-fixtures'

XLSX.set_fs(fs)

type Case = 'exceljs-xlsx' | 'exceljs-csv' | 'sheetjs-xlsx'
const CASES: Case[] = ['exceljs-xlsx', 'exceljs-csv', 'sheetjs-xlsx']

async function runOne(kind: Case, rows: number, dir: string): Promise<void> {
  const jobs = makeJobs(rows)
  const baseRss = process.memoryUsage().rss / 1024 / 1024
  const out = join(dir, `${kind}-${rows}.${kind.endsWith('csv') ? 'csv' : 'xlsx'}`)
  const m = await measure(async () => {
    if (kind === 'sheetjs-xlsx') {
      const records = jobs.map((j) => {
        const rec: Record<string, unknown> = { 查询关键词: j.keyword, 规范化关键词: j.normalized, 状态: j.status }
        for (const f of COMPANY_FIELDS) rec[COMPANY_FIELD_LABELS[f].zh] = j.result?.[f] ?? ''
        rec.批次 = j.batchId
        rec.提交时间 = j.submittedAt === null ? '' : new Date(j.submittedAt)
        rec.完成时间 = j.completedAt === null ? '' : new Date(j.completedAt)
        rec.jobid = j.jobid
        return rec
      })
      const wb = XLSX.utils.book_new()
      XLSX.utils.book_append_sheet(wb, XLSX.utils.json_to_sheet(records), '查询结果')
      XLSX.writeFile(wb, out, { compression: true })
    } else {
      await exportLookups(jobs, out, { appVersion: 'bench', now: Date.now(), batchNames: {} })
    }
  })
  const bytes = statSync(out).size
  console.log(JSON.stringify({ kind, rows, ...m, baseRssMb: baseRss, fileMb: bytes / 1024 / 1024 }))
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (args[0] === '--one') {
    await runOne(args[1] as Case, Number(args[2]), args[3] as string)
    return
  }
  const sizes = args.length ? args.map(Number) : [10_000, 100_000]
  const dir = mkdtempSync(join(tmpdir(), 'xlsx-export-bench-'))
  const self = fileURLToPath(import.meta.url)
  const table: Record<string, string | number>[] = []
  try {
    for (const rows of sizes) {
      for (const kind of CASES) {
        const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--one', kind, String(rows), dir], { encoding: 'utf8', maxBuffer: 1 << 24 })
        const r = JSON.parse(out.trim().split('\n').pop() as string)
        table.push({
          case: kind,
          rows: r.rows,
          seconds: Number(r.seconds.toFixed(2)),
          'peak RSS MB': Math.round(r.peakRssMb),
          'RSS before MB': Math.round(r.baseRssMb),
          'longest block ms': Math.round(r.maxBlockMs),
          'file MB': Number(r.fileMb.toFixed(1)),
        })
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  printTable(`Export (node ${process.version}, SheetJS ${XLSX.version}; "RSS before" = the jobs in memory)`, table)
}

await main()
