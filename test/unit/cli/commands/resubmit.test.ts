import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXIT } from '../../../../src/cli/io'
import { EXAMPLE_COMPANY } from '../../../../src/sim/dataset'
import type { Simulator } from '../../../../src/sim/types'
import { cli, listed, lookedUp, simEnv } from '../cli-harness'

let sim: Simulator
let envFor: (extra?: NodeJS.ProcessEnv) => NodeJS.ProcessEnv
beforeAll(async () => {
  ;({ sim, env: envFor } = await simEnv())
})
afterAll(() => sim?.close())

const UNKNOWN = '查无此企业的重提测试有限公司'
const statusOf = async (env: NodeJS.ProcessEnv, keyword: string) => (await listed(env)).find((l) => l.keyword === keyword)?.status

describe('resubmit one lookup', () => {
  it('needs --yes (a new charged call), and queues a final lookup again with it', async () => {
    const env = envFor()
    await lookedUp(env, [UNKNOWN])
    const unconfirmed = await cli(['resubmit', UNKNOWN], env)
    expect(unconfirmed.code).toBe(EXIT.USAGE)
    expect(await statusOf(env, UNKNOWN)).toBe('no_result')
    const r = await cli(['resubmit', UNKNOWN, '--yes'], env)
    expect(r.code).toBe(EXIT.OK)
    expect(r.out).toContain(UNKNOWN)
    expect(await statusOf(env, UNKNOWN)).toBe('queued')
  })

  it('refuses a lookup still pending, and one that does not exist, with exit 2', async () => {
    const env = envFor()
    await cli(['submit', '--yes', EXAMPLE_COMPANY.name], env)
    expect((await cli(['resubmit', EXAMPLE_COMPANY.name, '--yes'], env)).code).toBe(EXIT.USAGE)
    expect((await cli(['resubmit', '没有的公司', '--yes'], env)).code).toBe(EXIT.USAGE)
    expect(await statusOf(env, EXAMPLE_COMPANY.name)).toBe('queued')
  })

  it('needs a reference or --status, not both', async () => {
    const env = envFor()
    expect((await cli(['resubmit'], env)).code).toBe(EXIT.USAGE)
    expect((await cli(['resubmit'], env)).err).toMatch(/^用法：microent resubmit/)
    expect((await cli(['resubmit', '--lang', 'en'], env)).err).toMatch(/^Usage: microent resubmit <jobid\|keyword> --yes/)
    expect((await cli(['resubmit', 'x', '--status', 'failed'], env)).code).toBe(EXIT.USAGE)
  })
})

describe('resubmit --status', () => {
  it('says what it would charge, and queues them only with --yes', async () => {
    const env = envFor()
    await lookedUp(env, [UNKNOWN, EXAMPLE_COMPANY.name])
    const plan = await cli(['resubmit', '--status', 'no_result'], env)
    expect(plan.code).toBe(EXIT.USAGE)
    expect(plan.err).toContain('--yes')
    expect(plan.err).toBe('将重新提交 1 项（收费 1 次）\n重新提交会再次收费，请加 --yes 确认')
    const en = await cli(['resubmit', '--status', 'no_result', '--lang', 'en'], env)
    expect(en.err).toBe('1 to resubmit (1 charged call)\nResubmitting makes new charged calls: confirm with --yes')
    expect(await statusOf(env, UNKNOWN)).toBe('no_result')
    const r = await cli(['resubmit', '--status', 'no_result', '--yes', '--lang', 'en'], env)
    expect(r.code).toBe(EXIT.OK)
    expect(r.out).toMatch(/^Queued {4}/)
    expect(r.out.split(UNKNOWN).join('')).not.toMatch(/[\u4e00-\u9fff]/)
    expect(await statusOf(env, UNKNOWN)).toBe('queued')
    expect(await statusOf(env, EXAMPLE_COMPANY.name)).toBe('done')
  })

  it('says so when no lookup has the status, and refuses statuses that cannot be resubmitted', async () => {
    const env = envFor()
    const none = await cli(['resubmit', '--status', 'failed', '--yes'], env)
    expect(none.code).toBe(EXIT.OK)
    expect(none.out).toBe('')
    for (const status of ['done', 'queued', 'nope', ',']) expect((await cli(['resubmit', '--status', status], env)).code).toBe(EXIT.USAGE)
  })
})
