import { describe, expect, it } from 'vitest'
import { EXIT } from '../../../../src/cli/io'
import { EXAMPLE_COMPANY } from '../../../../src/sim/dataset'
import { cli, folderEnv, useLookedUpFolder } from '../cli-harness'

let env: NodeJS.ProcessEnv
const UNKNOWN = '查无此企业的收费测试有限公司'
useLookedUpFolder(UNKNOWN, (e) => (env = e))

type Call = { at: string; keyword: string; outcome: string; jobid: string | null }

describe('charges', () => {
  it('lists the charged calls newest first as JSON, with ISO times', async () => {
    const r = await cli(['charges', '--json'], env)
    expect(r.code).toBe(EXIT.OK)
    const calls = JSON.parse(r.out) as Call[]
    expect(calls.map((c) => c.keyword).sort()).toEqual([EXAMPLE_COMPANY.name, UNKNOWN].sort())
    for (const c of calls) {
      expect(c.outcome).toBe('accepted')
      expect(c.jobid).toMatch(/^micro_/)
      expect(new Date(c.at).toISOString()).toBe(c.at)
    }
    expect(Date.parse(calls[0]!.at)).toBeGreaterThanOrEqual(Date.parse(calls[1]!.at))
  })

  it('keeps to --limit, which must be a positive whole number', async () => {
    expect(JSON.parse((await cli(['charges', '--json', '--limit', '1'], env)).out)).toHaveLength(1)
    for (const limit of ['0', '-1', '1.5', 'all']) expect((await cli(['charges', `--limit=${limit}`], env)).code).toBe(EXIT.USAGE)
    expect((await cli(['charges', '--limit=0'], env)).err).toBe('--limit 需要正整数')
    expect((await cli(['charges', '--limit=0', '--lang', 'en'], env)).err).toBe('--limit takes a positive whole number')
  })

  it('counts today, this month and in all for people, then one line per call, in one language', async () => {
    const r = await cli(['charges', '--lang', 'en'], env)
    const lines = r.out.split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(/today 2, this month 2, total 2/)
    expect(lines[1]).toContain('accepted (charged)')
    expect(r.out).toContain(UNKNOWN)
    // Keywords are data: the rest is English alone.
    expect(r.out.split(UNKNOWN).join('').split(EXAMPLE_COMPANY.name).join('')).not.toMatch(/[\u4e00-\u9fff]/)
    const zh = await cli(['charges'], env)
    expect(zh.out.split('\n')[0]).toBe('今日 2 次，本月 2 次，共 2 次（含结果未知）')
    expect(zh.out).toContain('已受理（已收费）')
  })

  it('says there were none in a folder without calls', async () => {
    expect(JSON.parse((await cli(['charges', '--json'], folderEnv())).out)).toEqual([])
  })
})
