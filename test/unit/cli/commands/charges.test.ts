import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXIT } from '../../../../src/cli/io'
import { EXAMPLE_COMPANY } from '../../../../src/sim/dataset'
import type { Simulator } from '../../../../src/sim/types'
import { cli, folderEnv, lookedUp, simEnv } from '../cli-harness'

let sim: Simulator
let env: NodeJS.ProcessEnv
const UNKNOWN = '查无此企业的收费测试有限公司'
beforeAll(async () => {
  const s = await simEnv()
  sim = s.sim
  env = s.env()
  await lookedUp(env, [EXAMPLE_COMPANY.name, UNKNOWN])
})
afterAll(() => sim?.close())

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
  })

  it('counts today, this month and in all for people, then one line per call', async () => {
    const r = await cli(['charges'], env)
    const lines = r.out.split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(/today 2, this month 2, total 2/)
    expect(r.out).toContain(UNKNOWN)
  })

  it('says there were none in a folder without calls', async () => {
    expect(JSON.parse((await cli(['charges', '--json'], folderEnv())).out)).toEqual([])
  })
})
