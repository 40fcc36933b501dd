/**
 * A customer list reconciled: a 200-row workbook with invalid, repeated, already-known and mixed-identifier rows is
 * submitted from the CLI, and `export --batch` writes exactly 200 reconciled rows in source order, read back with
 * openpyxl, the counts on 说明 adding up, the source file's SHA-256 named.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator } from '../../src/sim/server'
import type { Simulator } from '../../src/sim/types'
import { runCli } from '../helpers/cli'
import { readWithOpenpyxl } from '../helpers/xlsx/openpyxl'

let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator({ timeScale: 0.001, completion: { type: 'fixed', ms: 30_000 }, seed: 'reconcile', datasetSize: 300 })
})
afterAll(async () => sim?.close())

type Cell = string | number | null

describe('a batch reconciled from the CLI', () => {
  it('exports one reconciled row per input row, in source order, every outcome counted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-reconcile-'))
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ submitIntervalMs: 0, requestsPerSecond: 50 }))
    const env = { MICROENT_DATA_DIR: dir, JUHE_KEY: 'test-key', JUHE_BASE_URL: sim.url, MICROENT_TIME_SCALE: '0.001' }

    // Companies the simulator knows (past the document's example and the formula-named ones); five known before the
    // list arrives.
    const companies = sim.dataset.companies.slice(40)
    const known = companies.slice(150, 155).map((c) => c.name)
    expect((await runCli(['submit', '--yes', ...known], env)).code).toBe(0)
    expect((await runCli(['run', '--until-done', '--max-wait', '30'], env)).code).toBe(0)
    const stored = JSON.parse((await runCli(['list', '--json'], env)).stdout) as { keyword: string; result: { credit_no: string } | null }[]
    const codes = stored.map((j) => j.result?.credit_no ?? '')
    expect(codes.every((c) => /^[0-9A-Z]{18}$/.test(c))).toBe(true)

    // The customer list: 200 rows below a header.
    const rows: Cell[][] = [['序号', '企业名称']]
    const add = (v: Cell) => rows.push([rows.length, v])
    for (let i = 0; i < 150; i++) add(companies[i]!.name)
    for (let i = 0; i < 10; i++) add(companies[i]!.name) // repeats of rows 2..11
    for (const name of known) add(name)
    for (const code of codes) add(code) // the same companies by their credit code
    const invalid: Cell[] = ['=HYPERLINK("http://x")', '公司', '11010519491231002X', 9.1510105e17, 'someone@example.com', null]
    for (const v of invalid) add(v)
    while (rows.length < 201) add(`核对补足${rows.length}号贸易有限公司`) // not in the simulator: no result
    expect(rows).toHaveLength(201)
    const file = join(dir, '客户名单.xlsx')
    const wb = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '名单')
    writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)

    const submit = await runCli(['submit', '--file', file, '--yes', '--skip-invalid'], env)
    expect(submit.code, submit.stderr).toBe(0)
    expect((await runCli(['run', '--until-done', '--max-wait', '60'], env)).code).toBe(0)

    const out = join(dir, 'reconciled.xlsx')
    const exported = await runCli(['export', out, '--batch', '客户名单.xlsx'], env)
    expect(exported.code, exported.stderr).toBe(0)
    const [sheet, notes] = readWithOpenpyxl(out)
    expect(sheet?.name).toBe('核对结果')
    const body = sheet!.rows.slice(1)
    expect(body).toHaveLength(200)
    // Source order: the file's rows 2..201, each once, with the value as read.
    expect(body.map((r) => r[0])).toEqual(Array.from({ length: 200 }, (_, i) => i + 2))
    expect(body[0]?.[1]).toBe(companies[0]!.name)
    expect(body[0]?.slice(2, 5)).toEqual(['已查到', null, '完全一致'])
    expect(body[0]?.[7]).toBe(companies[0]!.name) // the company's own fields follow

    const outcome = (sourceRow: number) => body[sourceRow - 2]?.[2]
    const detail = (sourceRow: number) => String(body[sourceRow - 2]?.[3] ?? '')
    expect(outcome(152)).toBe('重复行')
    expect(detail(152)).toBe('与第 2 行重复，未再收费')
    expect(outcome(162)).toBe('此前已查')
    expect(body[160]?.[4]).toBe('完全一致')
    for (let i = 0; i < codes.length; i++) {
      expect(outcome(167 + i)).toBe('此前已查')
      expect(detail(167 + i)).toContain('已查过同一企业（其统一社会信用代码即本行所填）')
      expect(body[167 + i - 2]?.[4]).toBe('完全一致') // the code typed is the registered one
    }
    const firstInvalid = 167 + codes.length
    expect(invalid.map((_, i) => outcome(firstInvalid + i))).toEqual(Array(invalid.length).fill('输入无效'))
    expect(detail(firstInvalid)).toContain('公式')
    expect(detail(firstInvalid + 2)).toContain('身份证')
    expect(detail(firstInvalid + 3)).toContain('数字')
    // Unmatched rows stand out; found ones do not.
    expect(sheet!.fills[firstInvalid - 1]?.[0]).toBe('FFFFC7CE')
    expect(sheet!.fills[1]?.[0]).toBeNull()
    expect(outcome(201)).toBe('查无结果')
    expect(sheet!.fills[200]?.[0]).toBe('FFFFC7CE')

    const note = (label: string) => notes!.rows.find((r) => r[0] === label)?.[1]
    expect(note('批次')).toBe('客户名单.xlsx')
    expect(note('来源文件 SHA-256')).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'))
    expect(note('工作表')).toBe('名单')
    expect(note('输入行数')).toBe(200)
    const counted = notes!.rows.filter((r) => String(r[0]).startsWith('核对结果：')).reduce((sum, r) => sum + Number(r[1]), 0)
    expect(counted).toBe(200)
    expect(note('核对')).toBe('各核对结果相加为 200，等于输入行数 200')
    expect(note('数据来源（接口地址）')).toBe(sim.url)
    expect(String(note('导出时间（UTC）'))).toMatch(/^\d{4}-\d{2}-\d{2}T/)
  }, 120_000)

  it('refuses a batch it does not know (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-reconcile-none-'))
    writeFileSync(join(dir, 'settings.json'), '{}')
    const run = await runCli(['export', join(dir, 'x.xlsx'), '--batch', '没有这个批次'], { MICROENT_DATA_DIR: dir })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('没有名为或编号为“没有这个批次”的批次')
  })
})
