// The export worker as it ships: builds main with electron-vite (--mode shell, no renderer), checks where the
// worker entry lands and what it imports, then runs the built export chunk under plain Node (no vitest, no tsx),
// as the Electron main process loads it, and reads the workbook the built worker wrote.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import * as XLSX from 'xlsx'
import { describe, expect, it } from 'vitest'
import { makeJob } from './helpers'
import { useShellBuild } from '../../../helpers/shell-build'

const outDir = useShellBuild('export-bundle-test')
const main = join(outDir, 'main')
const LOOKUP = 'new URL("./export-worker.js", import.meta.url)'

/** Relative modules a built file imports, transitively. */
function relativeImports(file: string, seen = new Set<string>()): Set<string> {
  for (const [, spec] of readFileSync(join(main, file), 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*["'](\.\/[^"']+)["']/g)) {
    const name = (spec as string).slice(2)
    if (seen.has(name)) continue
    seen.add(name)
    relativeImports(name, seen)
  }
  return seen
}

/** The chunk holding export-worker-host.ts (and exportLookups): the one that looks for the worker. */
function exportChunk(): string {
  const chunks = (readdirSync(main, { recursive: true }) as string[]).filter((f) => f.endsWith('.js') && readFileSync(join(main, f), 'utf8').includes(LOOKUP))
  expect(chunks).toHaveLength(1)
  return chunks[0] as string
}

function runBuiltExport(out: string): { ok: true; summary: { rows: number; bytes: number } } | { ok: false; code: string; en: string } {
  const jobs = [makeJob({ id: 'a' }), makeJob({ id: 'b', status: 'queued', keyword: '=1+1', jobid: null, submittedAt: null })]
  const input = join(outDir, 'jobs.json')
  writeFileSync(input, JSON.stringify(jobs))
  const runner = join(outDir, 'run-export.mjs')
  writeFileSync(
    runner,
    `import { readFileSync } from 'node:fs'
const { exportLookups } = await import(${JSON.stringify(pathToFileURL(join(main, exportChunk())).href)})
const jobs = JSON.parse(readFileSync(process.argv[2], 'utf8'))
try {
  const summary = await exportLookups(jobs, process.argv[3], { appVersion: 'bundle-test', now: Date.UTC(2024, 4, 13) })
  console.log(JSON.stringify({ ok: true, summary }))
} catch (err) {
  console.log(JSON.stringify({ ok: false, code: err.code, en: err.message }))
}
`,
  )
  const stdout = execFileSync(process.execPath, [runner, input, out], { cwd: outDir, encoding: 'utf8', timeout: 60_000 })
  return JSON.parse(stdout.trim().split('\n').pop() as string)
}

describe('built export worker', () => {
  it('is emitted as out/main/export-worker.js, beside the one chunk that looks for it', () => {
    expect(existsSync(join(main, 'export-worker.js'))).toBe(true)
    expect(exportChunk()).not.toContain('/')
  })

  it('imports shared chunks and packages only: never the Electron entry', () => {
    const deps = relativeImports('export-worker.js')
    expect(deps.size).toBeGreaterThan(0)
    expect([...deps]).not.toContain('index.js')
    for (const file of ['export-worker.js', ...deps]) expect(readFileSync(join(main, file), 'utf8')).not.toMatch(/from\s*["']electron["']/)
  })

  it('writes a workbook when the built export chunk runs under plain Node', () => {
    const out = join(outDir, 'built.xlsx')
    const result = runBuiltExport(out)
    expect(result).toMatchObject({ ok: true, summary: { rows: 2 } })
    const wb = XLSX.read(readFileSync(out), { type: 'buffer' })
    expect(wb.SheetNames).toEqual(['查询结果', '未完成', '说明'])
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['查询结果'] as XLSX.WorkSheet, { header: 1 })
    expect(rows).toHaveLength(3)
    expect(rows[2]?.[0]).toBe("'=1+1")
  })

  it('reports the worker file it expected when the bundle lacks it', () => {
    const worker = join(main, 'export-worker.js')
    renameSync(worker, `${worker}.away`)
    try {
      const result = runBuiltExport(join(outDir, 'missing.xlsx'))
      expect(result).toMatchObject({ ok: false, code: 'WRITE_FAILED' })
      expect(result.ok === false && result.en).toContain(worker)
    } finally {
      renameSync(`${worker}.away`, worker)
    }
    expect(existsSync(join(outDir, 'missing.xlsx'))).toBe(false)
  })
})
