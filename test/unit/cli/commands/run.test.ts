import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunSummary } from '../../../../src/cli/run-summary'
import { EXIT } from '../../../../src/cli/io'
import { EXAMPLE_COMPANY } from '../../../../src/sim/dataset'
import type { Simulator } from '../../../../src/sim/types'
import { cli, listed, simEnv } from '../cli-harness'

let sim: Simulator
let envFor: (extra?: NodeJS.ProcessEnv) => NodeJS.ProcessEnv
beforeAll(async () => {
  ;({ sim, env: envFor } = await simEnv())
})
afterAll(() => sim?.close())

const UNKNOWN = '查无此企业的测试有限公司'

describe('run', () => {
  it('runs the queued lookups to the end and says what it did, as one JSON object with --json', async () => {
    const env = envFor()
    await cli(['submit', '--yes', EXAMPLE_COMPANY.name, UNKNOWN], env)
    const r = await cli(['run', '--until-done', '--max-wait', '30', '--json'], env)
    expect(r.code).toBe(EXIT.OK)
    const summary = JSON.parse(r.out) as RunSummary
    expect(summary).toMatchObject({ chargedCalls: 2, results: 1, noResult: 1, failed: 0, uncertain: 0, pending: 0, stop: 'done', exitCode: 0 })
    expect(summary.recovery).toEqual({ damagedFiles: 0, resumed: 0, uncertain: 0, expired: 0, rebuilt: 0, lost: 0 })
    expect((await listed(env)).map((l) => l.status).sort()).toEqual(['done', 'no_result'])
    // The lines per lookup go to stderr with --json, so stdout is the object alone.
    expect(r.err).toContain(EXAMPLE_COMPANY.name)
    // In Chinese without a locale: each lookup's line starts with its status's name.
    expect(r.err).toMatch(/^已完成　 {2}/m)
  })

  it('ends at once with nothing to do', async () => {
    const r = await cli(['run', '--until-done', '--json'], envFor())
    expect(r.code).toBe(EXIT.OK)
    expect(JSON.parse(r.out)).toMatchObject({ chargedCalls: 0, pending: 0, stop: 'done' })
  })

  it('needs a key (exit 3) and a positive --max-wait (exit 2)', async () => {
    expect((await cli(['run'], envFor({ JUHE_KEY: '' }))).code).toBe(EXIT.KEY)
    for (const wait of ['0', '-5', 'soon']) expect((await cli(['run', `--max-wait=${wait}`], envFor())).code).toBe(EXIT.USAGE)
  })

  it('prints the summary object with --json when JUHE_KEY is missing (stop "key", exit 3), counting what waits', async () => {
    const env = envFor({ JUHE_KEY: '' })
    await cli(['submit', '--yes', EXAMPLE_COMPANY.name, UNKNOWN], env)
    const r = await cli(['run', '--until-done', '--json', '--lang', 'en'], env)
    expect(r.code).toBe(EXIT.KEY)
    const summary = JSON.parse(r.out) as RunSummary
    expect(summary).toEqual({
      chargedCalls: 0, results: 0, noResult: 0, failed: 0, uncertain: 0, expired: 0, pending: 2, stop: 'key', exitCode: EXIT.KEY,
      recovery: { damagedFiles: 0, resumed: 0, uncertain: 0, expired: 0, rebuilt: 0, lost: 0 },
      desk: null,
    })
    expect(r.err).toContain('JUHE_KEY')
    expect((await listed(env)).map((l) => l.status)).toEqual(['queued', 'queued'])
    // Without --json stdout stays empty, as before.
    expect((await cli(['run'], env)).out).toBe('')
  })

  it('stops with exit 3 when the key is rejected, charging nothing', async () => {
    const env = envFor({ JUHE_KEY: 'not-a-known-key' })
    await cli(['submit', '--yes', EXAMPLE_COMPANY.name], env)
    const r = await cli(['run', '--until-done', '--max-wait', '30', '--json'], env)
    expect(r.code).toBe(EXIT.KEY)
    expect(JSON.parse(r.out)).toMatchObject({ chargedCalls: 0, stop: 'key', exitCode: EXIT.KEY })
    expect((await listed(env)).map((l) => l.status)).toEqual(['queued'])
  })

  it('ends with exit 1 when --max-wait passes first, leaving the rest pending', async () => {
    const env = envFor()
    await cli(['submit', '--yes', EXAMPLE_COMPANY.name], env)
    const slow = await cli(['config', 'set', 'submitIntervalMs', '600000'], env)
    expect(slow.code).toBe(EXIT.OK)
    await cli(['submit', '--yes', UNKNOWN], env)
    const r = await cli(['run', '--until-done', '--max-wait', '1', '--json', '--lang', 'en'], env)
    expect(r.code).toBe(EXIT.FAILURE)
    expect(r.err).toMatch(/Waited 1 s; \d+ lookups? (is|are) not final yet; run again to carry on/)
    expect(r.err.split(EXAMPLE_COMPANY.name).join('').split(UNKNOWN).join('')).not.toMatch(/[\u4e00-\u9fff]/)
    expect(JSON.parse(r.out)).toMatchObject({ stop: 'max_wait', exitCode: EXIT.FAILURE })
    expect((JSON.parse(r.out) as RunSummary).pending).toBeGreaterThan(0)
  })
})
