/**
 * `microent submit --file` as a child process on spreadsheets written here: header rows the importer does not know
 * by name, `--column` by the text the CLI lists, dry-run JSON with one object per data row, code-first reading.
 * Only dry runs: nothing here reaches an API.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli'

interface RowJson {
  row: number
  input: string
  normalized: string
  kind: string
  valid: boolean
  warnings: unknown[]
  errors: { code: string; zh: string; en: string; text: { code: string } }[]
  duplicateOf: unknown
  charged: boolean
}

const KEYS = ['row', 'input', 'normalized', 'kind', 'valid', 'warnings', 'errors', 'duplicateOf', 'charged', 'desk']

function folder() {
  const dir = mkdtempSync(join(tmpdir(), 'microent-cli-import-'))
  return { dir, env: { MICROENT_DATA_DIR: dir } }
}

function workbook(dir: string, name: string, rows: unknown[][]): string {
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '名单')
  const path = join(dir, name)
  writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
  return path
}

function rows(stdout: string): RowJson[] {
  const parsed = JSON.parse(stdout) as RowJson[]
  for (const r of parsed) expect(Object.keys(r)).toEqual(KEYS)
  return parsed
}

describe('submit --file: header rows', () => {
  it('charges nothing for a first row 客户 above company names', async () => {
    const { dir, env } = folder()
    const file = workbook(dir, 'clients.xlsx', [['客户'], ['成都成电光信科技股份有限公司'], ['四川甲乙贸易有限公司']])
    const dry = await runCli(['submit', '--dry-run', '--json', '--file', file], env)
    expect(dry.code).toBe(0)
    const plan = rows(dry.stdout)
    expect(plan.map((r) => [r.row, r.input, r.charged])).toEqual([
      [2, '成都成电光信科技股份有限公司', true],
      [3, '四川甲乙贸易有限公司', true],
    ])
    expect(dry.stderr).toContain('第 1 行作为表头（「客户」不像企业名称或代码），不查询')
    const en = await runCli(['submit', '--dry-run', '--json', '--lang', 'en', '--file', file], env)
    expect(en.stderr).toContain('Row 1 is taken as the header ("客户" is no company name or code) and is not looked up')
    const text = await runCli(['submit', '--dry-run', '--lang', 'en', '--file', file], env)
    expect(text.stdout).toContain('2 rows: 2 charged calls')
    expect((await runCli(['submit', '--dry-run', '--file', file], env)).stdout).toContain('共 2 行：将收费查询 2 次')
  })

  it('accepts --column by the header text it lists as a choice, by index and by letter', async () => {
    const { dir, env } = folder()
    const file = workbook(dir, 'two.xlsx', [['序号', '客户'], [1, '成都成电光信科技股份有限公司'], [2, '四川甲乙贸易有限公司']])
    const ask = await runCli(['submit', '--dry-run', '--json', '--file', file], env)
    expect(ask.code).toBe(2)
    expect(ask.stderr).toContain('1: 客户')
    for (const column of ['客户', '1', 'B']) {
      const dry = await runCli(['submit', '--dry-run', '--json', '--column', column, '--file', file], env)
      expect(dry.code).toBe(0)
      expect(rows(dry.stdout).map((r) => [r.row, r.input, r.charged])).toEqual([
        [2, '成都成电光信科技股份有限公司', true],
        [3, '四川甲乙贸易有限公司', true],
      ])
    }
    const wrong = await runCli(['submit', '--dry-run', '--column', '地址', '--file', file], env)
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain('--column 地址 不是表中的列; 可用列号、列字母或表头:')
    const english = await runCli(['submit', '--dry-run', '--lang', 'en', '--column', '地址', '--file', file], env)
    expect(english.stderr).toContain('--column 地址 names no column of the file; an index, a letter or a header:')
  })

  it('accepts the "A 列" it lists for a file whose first row it does not take for a header', async () => {
    const { dir, env } = folder()
    const csv = join(dir, 'plain.csv')
    writeFileSync(csv, '成都成电光信科技股份有限公司,甲\r\n四川甲乙贸易有限公司,乙\r\n')
    const ask = await runCli(['submit', '--dry-run', '--file', csv], env)
    expect(ask.stderr).toContain('0: A 列')
    const dry = await runCli(['submit', '--dry-run', '--json', '--column', 'A 列', '--file', csv], env)
    expect(dry.code).toBe(0)
    expect(rows(dry.stdout).map((r) => r.row)).toEqual([1, 2])
  })
})

describe('submit --dry-run --json --file: one object per data row', () => {
  it('lists rows the spreadsheet damaged and rows with an empty cell as invalid, in file order, exit 2', async () => {
    const { dir, env } = folder()
    const file = workbook(dir, 'damaged.xlsx', [
      ['企业名称', '备注'],
      ['成都成电光信科技股份有限公司', ''],
      [9.1510105e17, ''],
      ['', '只有备注'],
      [],
      ['9.1510105E+17', ''],
      ['四川甲乙贸易有限公司', ''],
      ['成都成电光信科技股份有限公司', ''],
    ])
    for (const extra of [[], ['--skip-invalid']]) {
      const dry = await runCli(['submit', '--dry-run', '--json', ...extra, '--file', file], env)
      expect(dry.code).toBe(2)
      const plan = rows(dry.stdout)
      expect(plan.map((r) => [r.row, r.kind, r.valid, r.charged, r.errors.map((e) => e.code)])).toEqual([
        [2, 'name', true, true, []],
        [3, 'invalid', false, false, ['DAMAGED_NUMBER']],
        [4, 'invalid', false, false, ['EMPTY']],
        [6, 'invalid', false, false, ['DAMAGED_NUMBER']],
        [7, 'name', true, true, []],
        [8, 'name', true, false, []],
      ])
      expect(plan[1]).toMatchObject({ input: '915101050000000000', duplicateOf: null, warnings: [] })
      expect(plan[1]?.errors[0]?.en).toContain('Row 3')
      expect(plan[1]?.errors[0]?.zh).toContain('第 3 行')
      expect(plan[1]?.errors[0]?.text.code).toBe('import.damagedNumber')
      expect(plan[2]).toMatchObject({ input: '', normalized: '' })
      expect(plan[5]?.duplicateOf).toEqual({ type: 'row', row: 2 })
    }
    // Without --dry-run the damaged rows still stop the whole file.
    const refused = await runCli(['submit', '--yes', '--json', '--file', file], env)
    expect(refused.code).toBe(2)
    expect(refused.stdout).toBe('')
    expect(refused.stderr).toContain('--skip-invalid')
    // Each damaged row said once, in the CLI's language: never "中文 / English".
    expect(refused.stderr).toContain('有 2 行无法使用')
    expect(refused.stderr).toContain('第 3 行：「企业名称」是被 Excel 当作数字保存的长代码')
    expect(refused.stderr).not.toContain(' / ')
    const english = await runCli(['submit', '--yes', '--lang', 'en', '--file', file], env)
    expect(english.stderr).toContain('2 rows of')
    expect(english.stderr).toContain('Row 3: "企业名称" holds a long code that Excel stored as a number')
    expect(english.stderr).not.toMatch(/[\u4e00-\u9fff]行/)
  })
})

describe('submit --file: code-first', () => {
  it('looks each row up by its credit code when it has one, by its name otherwise', async () => {
    const { dir, env } = folder()
    const file = workbook(dir, 'both.xlsx', [
      ['企业名称', '统一社会信用代码'],
      ['华为技术有限公司', '914403001922038216'],
      ['成都成电光信科技股份有限公司', ''],
      ['四川甲乙贸易有限公司', 9.1510105e17],
      ['四川丙丁商贸有限公司', '无'],
      ['', '9151010057463511XR'],
    ])
    const dry = await runCli(['submit', '--dry-run', '--json', '--lang', 'en', '--file', file], env)
    expect(dry.code).toBe(0)
    expect(rows(dry.stdout).map((r) => [r.row, r.input, r.kind])).toEqual([
      [2, '914403001922038216', 'credit_code'],
      [3, '成都成电光信科技股份有限公司', 'name'],
      [4, '四川甲乙贸易有限公司', 'name'],
      [5, '四川丙丁商贸有限公司', 'name'],
      [6, '9151010057463511XR', 'credit_code'],
    ])
    expect(dry.stderr).toContain('Each row is looked up by its "统一社会信用代码" when that cell holds a code, else by "企业名称"')
    const zh = await runCli(['submit', '--dry-run', '--json', '--file', file], env)
    expect(zh.stderr).toContain('每行优先用「统一社会信用代码」中的代码查询，代码为空或不是代码时用「企业名称」')
  })

  it('reads a mixed column of codes and names row by row', async () => {
    const { dir, env } = folder()
    const file = workbook(dir, 'mixed.xlsx', [['名单'], ['914403001922038216'], ['成都成电光信科技股份有限公司'], ['510109000123456']])
    const dry = await runCli(['submit', '--dry-run', '--json', '--file', file], env)
    expect(dry.code).toBe(0)
    expect(rows(dry.stdout).map((r) => [r.row, r.kind])).toEqual([
      [2, 'credit_code'],
      [3, 'name'],
      [4, 'reg_no'],
    ])
  })
})

describe('submit --json on a file that cannot be used', () => {
  it('prints one JSON error object (not an empty array) and exits 2: damaged, cut, missing, too many rows, no column', async () => {
    const { dir, env } = folder()
    const files = {
      damaged: join(dir, 'damaged.xlsx'),
      cut: join(dir, 'cut.xlsx'),
      missing: join(dir, 'missing.xlsx'),
      many: join(dir, 'many.csv'),
    }
    writeFileSync(files.damaged, Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 251)))
    writeFileSync(files.cut, Buffer.from('PK\x03\x04garbage'))
    writeFileSync(files.many, `企业名称\n${Array.from({ length: 52_000 }, (_, i) => `测试${i}号科技有限公司`).join('\n')}\n`)
    const expected: Record<keyof typeof files, string> = { damaged: 'NOT_SPREADSHEET', cut: 'UNREADABLE', missing: 'FILE_NOT_FOUND', many: 'TOO_MANY_ROWS' }
    for (const [key, path] of Object.entries(files) as [keyof typeof files, string][]) {
      for (const args of [['submit', '--dry-run', '--json', '--file', path], ['submit', '--json', '--yes', '--file', path]]) {
        const run = await runCli(args, env)
        expect(run.code, `${key} ${args.join(' ')}`).toBe(2)
        const out = JSON.parse(run.stdout) as { error: { code: string; zh: string; en: string }; file: string }
        expect(out).toEqual({ error: { code: expected[key], zh: expect.any(String), en: expect.any(String), text: { code: expect.any(String), params: expect.any(Object) } }, file: path, desk: null })
        // stderr in the CLI's language (Chinese without a locale), the one language alone.
        expect(run.stderr).toContain(out.error.zh)
        expect(run.stderr).not.toContain(out.error.en)
      }
    }
    // The real number of rows read and the limit.
    const many = JSON.parse((await runCli(['submit', '--dry-run', '--json', '--file', files.many], env)).stdout) as { error: { en: string } }
    expect(many.error.en).toContain('has 52,001 rows')
    expect(many.error.en).toContain('50,000-row limit')
    // A column the CLI cannot choose by itself: the columns are in the object.
    const two = workbook(dir, 'two.xlsx', [['甲', '乙'], ['华为技术有限公司', '腾讯科技有限公司'], ['小米科技有限责任公司', '字节跳动有限公司']])
    const choice = await runCli(['submit', '--dry-run', '--json', '--column', '地址', '--file', two], env)
    expect(choice.code).toBe(2)
    expect(JSON.parse(choice.stdout)).toMatchObject({ error: { code: 'COLUMN_CHOICE', columns: expect.any(Array) }, file: two })
  }, 60_000)
})
