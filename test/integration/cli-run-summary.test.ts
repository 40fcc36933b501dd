/**
 * `run` says what the start recovered and ends with a summary on stderr (and with --json as one object on stdout),
 * whether it ends by --until-done, --max-wait or Ctrl-C; exit codes keep their meaning. CLI against the simulator.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator } from '../../src/sim/server'
import type { Simulator } from '../../src/sim/types'
import { sampleKeywords } from '../../src/sim/dataset'
import type { RunSummary } from '../../src/cli/run-summary'
import { runCli } from '../helpers/cli'

let sim: Simulator
const SLOW = '慢速'

function freshEnv(extra: Record<string, string> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'microent-summary-'))
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ submitIntervalMs: 20, requestsPerSecond: 40 }))
  return { MICROENT_DATA_DIR: dataDir, JUHE_KEY: 'test-key', JUHE_BASE_URL: sim.url, MICROENT_TIME_SCALE: '0.001', ...extra }
}

beforeAll(async () => {
  // Slow lookups take a simulated 20 h (72 s here): still running when the run is stopped.
  sim = await startSimulator({ timeScale: 0.001, seed: 'summary', completion: (ctx) => (ctx.keyword.includes(SLOW) ? 72_000_000 : 30_000) })
})
afterAll(async () => sim?.close())

describe('run: recovery at the start, a summary at the end', () => {
  it('--until-done --json: stdout is one summary object, stderr says the same in words', async () => {
    const env = freshEnv()
    const s = sampleKeywords(sim.dataset, 2)
    await runCli(['submit', '--yes', s.knownNames[0]!, s.knownNames[1]!, s.unknownNames[0]!], env)
    const run = await runCli(['run', '--until-done', '--json', '--max-wait', '60', '--lang', 'en'], env)
    expect(run.code).toBe(0)
    const summary = JSON.parse(run.stdout) as RunSummary
    expect(summary).toEqual({
      chargedCalls: 3,
      results: 2,
      noResult: 1,
      failed: 0,
      uncertain: 0,
      expired: 0,
      pending: 0,
      stop: 'done',
      exitCode: 0,
      recovery: { damagedFiles: 0, resumed: 0, uncertain: 0, expired: 0, rebuilt: 0, lost: 0 },
      desk: null,
    })
    // The per-lookup lines go to stderr with --json, so stdout parses.
    expect(run.stderr).toContain(s.knownNames[0]!)
    expect(run.stderr).toContain('This run: 3 charged calls, 2 results found, 1 no result, 0 failed, 0 uncertain, 0 still pending')
  })

  it('--max-wait: exit 1 with the lookups still pending counted; the next run says they resumed', async () => {
    const env = freshEnv()
    await runCli(['submit', '--yes', `${SLOW}甲科技有限公司`, `${SLOW}乙科技有限公司`], env)
    const run = await runCli(['run', '--until-done', '--max-wait', '2', '--json', '--lang', 'en'], env)
    expect(run.code).toBe(1)
    expect(JSON.parse(run.stdout)).toMatchObject({ chargedCalls: 2, pending: 2, stop: 'max_wait', exitCode: 1 })
    expect(run.stderr).toContain('Waited 2 s; 2 lookups are not final yet')
    expect(run.stderr).toContain('2 charged calls, 0 results found, 0 no result, 0 failed, 0 uncertain, 2 still pending')

    const again = await runCli(['run', '--max-wait', '1', '--lang', 'en'], env)
    expect(again.stderr.split('\n').slice(0, 2)).toEqual(['On start: 2 lookups resumed.', 'Local mode: data is kept on this computer only.'])
    expect(again.stderr).toContain('This run: 0 charged calls')
  })

  it('Ctrl-C: exit 0 and the summary, one charged call in the singular', async () => {
    const env = freshEnv()
    await runCli(['submit', '--yes', `${SLOW}丙科技有限公司`], env)
    const run = await runCli(['run', '--until-done', '--json', '--lang', 'en'], env, { interruptWhen: () => (sim.stats().chargedByKeyword[`${SLOW}丙科技有限公司`] ?? 0) > 0 })
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('Stopping after the calls in flight')
    expect(run.stderr).toContain('This run: 1 charged call, 0 results found')
    expect(JSON.parse(run.stdout)).toMatchObject({ chargedCalls: 1, pending: 1, stop: 'interrupted', exitCode: 0 })
  })
})
