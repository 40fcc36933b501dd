import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXIT } from '../../../../src/cli/io'
import { EXAMPLE_COMPANY } from '../../../../src/sim/dataset'
import { cli, folderEnv, listed } from '../cli-harness'

const A = EXAMPLE_COMPANY.name
const B = '成都某某测试科技有限公司'

describe('submit --dry-run', () => {
  it('plans without queuing: the documented JSON rows, duplicates free', async () => {
    const env = folderEnv()
    const r = await cli(['submit', '--dry-run', '--json', A, B, A], env)
    expect(r.code).toBe(EXIT.OK)
    const rows = JSON.parse(r.out) as { row: number; normalized: string; charged: boolean; duplicateOf: unknown }[]
    expect(rows.map((x) => [x.row, x.charged])).toEqual([
      [1, true],
      [2, true],
      [3, false],
    ])
    expect(rows[2]!.duplicateOf).toEqual({ type: 'row', row: 1 })
    expect(await listed(env)).toEqual([])
  })

  it('ends with exit 2 when a row is invalid', async () => {
    const r = await cli(['submit', '--dry-run', '--json', A, '--', '???'], folderEnv())
    expect(r.code).toBe(EXIT.USAGE)
    expect((JSON.parse(r.out) as { valid: boolean }[]).map((x) => x.valid)).toEqual([true, false])
  })

  it('gives one line per row and a summary for people', async () => {
    const r = await cli(['submit', '--dry-run', '--lang', 'en', A, A], folderEnv())
    const lines = r.out.split('\n')
    expect(lines[0]).toMatch(/^¥ +1 /)
    expect(lines[1]).toMatch(/^= +2 /)
    expect(r.out).toContain('2 rows: 1 charged call, 1 duplicate, 0 invalid.')
    expect(r.out.split(A).join('')).not.toMatch(/[\u4e00-\u9fff]/)
    const zh = await cli(['submit', '--dry-run', A, A], folderEnv())
    expect(zh.out).toContain('共 2 行：将收费查询 1 次，重复 1，无效 0。')
    expect(zh.out).toContain('与第 1 行重复，不收费')
  })

  it('prints the plan of every file row, the unusable ones too, before exit 2', async () => {
    const env = folderEnv()
    const file = join(env.MICROENT_DATA_DIR!, '..', `damaged-${process.pid}-${Date.now()}.csv`)
    writeFileSync(file, `企业名称,备注\n${A},\n9.1510105E+17,\n,只有备注\n${B},\n`)
    for (const extra of [[], ['--skip-invalid']]) {
      const r = await cli(['submit', '--dry-run', '--lang', 'en', ...extra, '--file', file], env)
      expect(r.code).toBe(EXIT.USAGE)
      const lines = r.out.split('\n')
      expect(lines.map((l) => l.slice(0, 6))).toEqual(['¥    2', '✗    3', '✗    4', '¥    5', lines[4]!.slice(0, 6)])
      expect(lines[1]).toContain('Row 3')
      expect(lines[4]).toBe('4 rows: 2 charged calls, 0 duplicates, 2 invalid.')
    }
    const zh = await cli(['submit', '--dry-run', '--file', file], env)
    expect(zh.out).toContain('共 4 行：将收费查询 2 次，重复 0，无效 2。')
    expect(zh.out).toContain('第 3 行')
    expect(await listed(env)).toEqual([])
  })
})

describe('submit', () => {
  it('needs keywords or a file', async () => {
    expect((await cli(['submit'], folderEnv())).code).toBe(EXIT.USAGE)
  })

  it('queues nothing without --yes when no one is at the terminal (exit 2)', async () => {
    const env = folderEnv()
    const r = await cli(['submit', A], env)
    expect(r.code).toBe(EXIT.USAGE)
    expect(r.err).toContain('--yes')
    expect(await listed(env)).toEqual([])
  })

  it('asks a person at the terminal, and queues nothing when they decline', async () => {
    const env = folderEnv()
    const declined = await cli(['submit', A, B], env, { interactive: true, answer: false })
    expect(declined.code).toBe(EXIT.OK)
    expect(declined.asked).toHaveLength(1)
    expect(declined.asked[0]).toContain('2')
    expect(await listed(env)).toEqual([])
    expect((await cli(['submit', A], env, { interactive: true, answer: true })).code).toBe(EXIT.OK)
    expect((await listed(env)).map((l) => l.status)).toEqual(['queued'])
  })

  it('queues with --yes into a named batch, and charges a keyword already queued no second time', async () => {
    const env = folderEnv()
    expect((await cli(['submit', '--yes', '--batch', '九月名单', A, B], env)).code).toBe(EXIT.OK)
    const queued = await listed(env)
    expect(queued.map((l) => l.status)).toEqual(['queued', 'queued'])
    expect(new Set(queued.map((l) => l.batchId)).size).toBe(1)
    expect(queued[0]!.batchId).not.toBeNull()
    const again = await cli(['submit', '--yes', A], env)
    expect(again.code).toBe(EXIT.OK)
    expect(await listed(env)).toHaveLength(2)
  })

  it('queues nothing when a keyword is invalid, unless told to skip it', async () => {
    const env = folderEnv()
    const refused = await cli(['submit', '--yes', A, '--', '???'], env)
    expect(refused.code).toBe(EXIT.USAGE)
    expect(await listed(env)).toEqual([])
    expect((await cli(['submit', '--yes', '--skip-invalid', A, '--', '???'], env)).code).toBe(EXIT.OK)
    expect((await listed(env)).map((l) => l.keyword)).toEqual([A])
  })

  it('says what it queued, asked or refused in the CLI\'s language alone', async () => {
    const env = folderEnv()
    const noCjk = (text: string) => expect(text.split(A).join('').split(B).join('')).not.toMatch(/[\u4e00-\u9fff]/)
    const en = async (...args: string[]) => cli(['submit', '--lang', 'en', ...args], env)
    expect((await en()).err).toBe('Give keywords or --file')
    expect((await cli(['submit'], env)).err).toBe('请给出关键词或 --file')
    const queued = await en('--yes', '--batch', 'B1', A)
    expect(queued.err).toBe('Queued 1 lookup (batch B1); run `microent run --until-done` to process it.')
    noCjk(queued.out)
    expect((await cli(['submit', '--yes', B], env)).err).toBe('已加入队列 1 项；运行 `microent run --until-done` 开始查询。')
    expect((await en('--yes', A)).err).toBe('Nothing to charge: every keyword is a duplicate')
    expect((await cli(['submit', '--yes', A], env)).err).toBe('没有需要收费查询的关键词')
    const other = '成都另一家测试科技有限公司'
    expect((await en(other)).err).toBe('1 charged call: pass --yes when not on a terminal')
    expect((await cli(['submit', other], env)).err).toBe('将产生 1 次收费查询：非交互模式下需要 --yes')
    const declined = await cli(['submit', '--lang', 'en', other], env, { interactive: true, answer: false })
    expect([declined.asked, declined.err]).toEqual([['Make 1 charged call?'], 'Cancelled: nothing was queued'])
    const invalid = await en('--yes', '--', '???')
    expect(invalid.err).toBe('Invalid keywords: nothing was queued (use --skip-invalid to skip them)')
    noCjk(invalid.out)
  })

  it('--json says charged only for rows it queued: none when refused, declined or without --yes', async () => {
    const env = folderEnv()
    const charged = (out: string) => (JSON.parse(out) as { charged: boolean }[]).map((x) => x.charged)
    const noYes = await cli(['submit', '--json', A, B], env)
    expect(noYes.code).toBe(EXIT.USAGE)
    expect(charged(noYes.out)).toEqual([false, false])
    const invalid = await cli(['submit', '--json', '--yes', A, '--', '???'], env)
    expect(invalid.code).toBe(EXIT.USAGE)
    expect(charged(invalid.out)).toEqual([false, false])
    const declined = await cli(['submit', '--json', A], env, { interactive: true, answer: false })
    expect(declined.code).toBe(EXIT.OK)
    expect(charged(declined.out)).toEqual([false])
    expect(await listed(env)).toEqual([])
    const queued = await cli(['submit', '--json', '--yes', '--skip-invalid', A, A, '--', '???'], env)
    expect(queued.code).toBe(EXIT.OK)
    expect(charged(queued.out)).toEqual([true, false, false])
    const again = await cli(['submit', '--json', '--yes', A], env)
    expect(again.code).toBe(EXIT.OK)
    expect(charged(again.out)).toEqual([false])
    expect((await listed(env)).map((l) => l.keyword)).toEqual([A])
  })

  it('reads keywords from a file', async () => {
    const env = folderEnv()
    const file = join(env.MICROENT_DATA_DIR!, '..', `list-${process.pid}-${Date.now()}.csv`)
    writeFileSync(file, `企业名称\n${A}\n${B}\n`)
    const r = await cli(['submit', '--dry-run', '--json', '--file', file], env)
    expect(r.code).toBe(EXIT.OK)
    expect((JSON.parse(r.out) as { input: string }[]).map((x) => x.input)).toEqual([A, B])
  })
})
