/**
 * The same hostile keywords through every input path of the CLI (arguments, .txt, .csv, .xlsx): the same decision
 * for each row, and nothing charged. Then a real submit of all of them queues nothing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli'

/** Each with whether it is a valid keyword at all (two are codes whose check character is wrong: opt-in only). */
const HOSTILE: [string, boolean][] = [
  ['9151O10057463511XR', false], // an O for a 0
  ['9151010057463511XA', true], // wrong check character
  ['11010519491231002X', false], // a citizen ID
  ['110105194912310021', false], // a citizen ID with a wrong check digit
  [`=cmd|' /C calc'!A0`, false],
  ['+86 138 0000 0000', false],
  ['@SUM(A1)', false],
  ['-某某科技有限公司', false],
  ['9.1510105E+17', false],
  ['915101005746351000', false],
  ['ab', false],
  ['客户名', false],
  ['info@example.com', false],
  ['https://www.example.cn/firm', false],
  ['12345678', false],
  ["'9151 0100 5746 3511 XA", true],
  ['9151 0100 5746 3511 X', false],
]

interface RowJson {
  row: number
  input: string
  valid: boolean
  charged: boolean
}

function folder() {
  const dir = mkdtempSync(join(tmpdir(), 'microent-hostile-'))
  // No API at all: a charged call could not even be attempted, and none is planned.
  return { dir, env: { MICROENT_DATA_DIR: dir, JUHE_KEY: 'test-key', JUHE_BASE_URL: 'http://127.0.0.1:9' } }
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)

function files(dir: string) {
  const txt = join(dir, 'list.txt')
  writeFileSync(txt, HOSTILE.map(([v]) => v).join('\n'))
  const csv = join(dir, 'list.csv')
  writeFileSync(csv, ['企业名称', ...HOSTILE.map(([v]) => csvCell(v))].join('\r\n'))
  const xlsx = join(dir, 'list.xlsx')
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['企业名称'], ...HOSTILE.map(([v]) => [v])]), '名单')
  writeFileSync(xlsx, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
  return { txt, csv, xlsx }
}

async function decisions(args: string[], env: Record<string, string>): Promise<Map<string, [boolean, boolean]>> {
  const run = await runCli(['submit', '--dry-run', '--json', ...args], env)
  expect(run.code, run.stderr).toBe(2) // invalid rows: a dry run says so by its exit code
  const rows = JSON.parse(run.stdout) as RowJson[]
  expect(rows).toHaveLength(HOSTILE.length)
  return new Map(rows.map((r) => [r.input, [r.valid, r.charged]]))
}

describe('hostile keywords on every input path', () => {
  it('get the same decision from arguments, a .txt, a .csv and an .xlsx, and none is charged', async () => {
    const { dir, env } = folder()
    const f = files(dir)
    const expected = new Map(HOSTILE.map(([v, valid]) => [v, [valid, false]]))
    const fromArgs = await decisions(['--', ...HOSTILE.map(([v]) => v)], env)
    expect(fromArgs).toEqual(expected)
    for (const file of [f.txt, f.csv, f.xlsx]) expect(await decisions(['--file', file], env), file).toEqual(expected)
  })

  it('a real submit of all of them queues nothing and records no charged call; --allow-bad-check queues the two codes only', async () => {
    const { dir, env } = folder()
    const f = files(dir)
    const submit = await runCli(['submit', '--yes', '--skip-invalid', '--file', f.csv], env)
    expect(submit.code, submit.stderr).toBe(0)
    expect(submit.stderr).toContain('--allow-bad-check')
    const list = await runCli(['list', '--json'], env)
    expect(JSON.parse(list.stdout)).toEqual([])
    const charges = await runCli(['charges', '--json'], env)
    expect(JSON.parse(charges.stdout)).toEqual([])

    const allowed = await runCli(['submit', '--yes', '--skip-invalid', '--allow-bad-check', '--file', f.csv], env)
    expect(allowed.code, allowed.stderr).toBe(0)
    const queued = JSON.parse((await runCli(['list', '--json'], env)).stdout) as { normalized: string }[]
    // The two spellings of one code are one lookup.
    expect(queued.map((j) => j.normalized)).toEqual(['9151010057463511XA'])
  })

  it('--accept-fixes looks a typo code up by its corrected code; without it the row is left out', async () => {
    const { env } = folder()
    const without = await runCli(['submit', '--dry-run', '--json', '9151O10057463511XR'], env)
    expect(JSON.parse(without.stdout)[0]).toMatchObject({ valid: false, charged: false })
    const fixed = await runCli(['submit', '--dry-run', '--json', '--accept-fixes', '9151O10057463511XR'], env)
    expect(fixed.code).toBe(0)
    expect(JSON.parse(fixed.stdout)[0]).toMatchObject({ input: '9151O10057463511XR', normalized: '9151010057463511XR', kind: 'credit_code', valid: true, charged: true })
  })
})
