import { describe, expect, it } from 'vitest'
import { parseStatuses } from '../../../../src/cli/commands/query'
import { CliError, EXIT } from '../../../../src/cli/io'
import { EXAMPLE_COMPANY } from '../../../../src/sim/dataset'
import { cli, folderEnv, listed, useLookedUpFolder } from '../cli-harness'

let env: NodeJS.ProcessEnv
const UNKNOWN = '不存在的某某测试有限公司'
useLookedUpFolder(UNKNOWN, (e) => (env = e))

describe('parseStatuses', () => {
  it('takes a comma list of known statuses, and none for nothing', () => {
    expect(parseStatuses('done, no_result')).toEqual(['done', 'no_result'])
    expect(parseStatuses(undefined)).toBeUndefined()
    expect(parseStatuses('')).toBeUndefined()
  })

  it('refuses an unknown status with exit 2, listing the known ones', () => {
    let err: unknown
    try {
      parseStatuses('done,finished')
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(CliError)
    expect((err as CliError).exitCode).toBe(EXIT.USAGE)
    expect((err as CliError).message).toMatch(/finished.*queued/)
  })
})

describe('list', () => {
  it('prints every lookup as JSON, filtered by status', async () => {
    expect((await listed(env)).map((l) => [l.keyword, l.status]).sort()).toEqual([
      [EXAMPLE_COMPANY.name, 'done'],
      [UNKNOWN, 'no_result'],
    ].sort())
    expect((await listed(env, '--status', 'no_result')).map((l) => l.keyword)).toEqual([UNKNOWN])
  })

  it('prints one line per lookup for people, and says when there is none', async () => {
    const r = await cli(['list'], env)
    expect(r.code).toBe(EXIT.OK)
    expect(r.out.split('\n')).toHaveLength(2)
    expect(r.out).toContain(EXAMPLE_COMPANY.name)
    const empty = await cli(['list', '--lang', 'en'], folderEnv())
    expect(empty.out).toBe('No lookups')
    expect((await cli(['list'], folderEnv())).out).toBe('没有查询记录')
    expect(await listed(folderEnv())).toEqual([])
  })

  it('refuses a bad status with exit 2, said in the CLI\'s language', async () => {
    const zh = await cli(['list', '--status', 'nope'], env)
    expect(zh.code).toBe(EXIT.USAGE)
    expect(zh.err).toContain('未知状态 nope；可用：queued')
    const en = await cli(['list', '--status', 'nope', '--lang', 'en'], env)
    expect(en.err).toContain('Unknown status nope; use: queued')
    expect(en.err).not.toMatch(/[\u4e00-\u9fff]/)
  })
})

describe('show', () => {
  it('finds a lookup by keyword or jobid, as JSON or with every company field', async () => {
    const json = await cli(['show', '--json', EXAMPLE_COMPANY.name], env)
    const lookup = JSON.parse(json.out) as { status: string; jobid: string; result: Record<string, string> }
    expect(lookup).toMatchObject({ status: 'done', result: { credit_no: EXAMPLE_COMPANY.credit_no } })
    const byJobid = await cli(['show', lookup.jobid], env)
    expect(byJobid.code).toBe(EXIT.OK)
    expect(byJobid.out).toContain(EXAMPLE_COMPANY.credit_no)
  })

  it('shows and lists in one language: Chinese by default, English with --lang en (data aside)', async () => {
    const data = (text: string) => Object.values(EXAMPLE_COMPANY).reduce((t, v) => (typeof v === 'string' && v ? t.split(v).join('') : t), text)
    const en = await cli(['show', '--lang', 'en', EXAMPLE_COMPANY.name], env)
    expect(en.out).toContain('Status:              Done (done)')
    expect(data(en.out)).not.toMatch(/[\u4e00-\u9fff]/)
    const zh = await cli(['show', EXAMPLE_COMPANY.name], env)
    expect(zh.out).toContain('状态:                已完成 (done)')
    expect(zh.out).not.toMatch(/Status|Keyword/)
    const list = await cli(['list', '--lang', 'en'], env)
    expect(list.out).toMatch(/^Done {8}/m)
    const keywords = (await listed(env)).flatMap((l) => [l.keyword, (l as { normalized?: string }).normalized ?? ''])
    expect(keywords.reduce((t, k) => (k ? t.split(k).join('') : t), data(list.out))).not.toMatch(/[\u4e00-\u9fff]/)
    expect((await cli(['list'], env)).out).toMatch(/^已完成/m)
    expect((await cli(['show', '--lang', 'en'], env)).err).toBe('Usage: microent show <keyword|jobid> [--json]')
    expect((await cli(['show'], env)).err).toBe('用法：microent show <keyword|jobid> [--json]')
  })

  it('refuses a reference that matches nothing, and a missing one, with exit 2', async () => {
    const none = await cli(['show', '没有这个公司'], env)
    expect(none.code).toBe(EXIT.USAGE)
    expect(none.err).toContain('没有这个公司')
    expect((await cli(['show'], env)).code).toBe(EXIT.USAGE)
  })
})
