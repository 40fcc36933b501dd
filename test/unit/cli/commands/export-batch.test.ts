import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Simulator } from '../../../../src/sim/types'
import { readWithOpenpyxl } from '../../../helpers/xlsx/openpyxl'
import { cli, simEnv } from '../cli-harness'

let sim: Simulator
let envOf: Awaited<ReturnType<typeof simEnv>>['env']
beforeAll(async () => {
  ;({ sim, env: envOf } = await simEnv())
})
afterAll(async () => sim?.close())

describe('microent export --batch', () => {
  it('writes the batch found by its name, one row per input row, and says so in the chosen language', async () => {
    const env = envOf()
    const names = sim.dataset.companies.slice(40, 42).map((c) => c.name)
    const submit = await cli(['submit', '--yes', '--batch', '十二月名单', names[0]!, names[1]!, names[0]!, '=1+1', '--skip-invalid'], env)
    expect(submit.code, submit.err).toBe(0)
    expect((await cli(['run', '--until-done', '--max-wait', '30'], env)).code).toBe(0)
    const out = join(env.MICROENT_DATA_DIR!, 'batch.xlsx')
    const run = await cli(['export', out, '--batch', '十二月名单', '--lang', 'en'], env)
    expect(run.code, run.err).toBe(0)
    expect(run.err).toMatch(/^Exported the batch's reconciliation, 4 rows \(3 with a company found\)/)
    const [sheet] = readWithOpenpyxl(out)
    expect(sheet!.rows.slice(1).map((r) => [r[0], r[2]])).toEqual([
      [1, '已查到'],
      [2, '已查到'],
      [3, '重复行'],
      [4, '输入无效'],
    ])
  })

  it('needs the id when two batches share a name, and refuses an unknown one (exit 2, nothing written)', async () => {
    const env = envOf()
    const names = sim.dataset.companies.slice(50, 54).map((c) => c.name)
    expect((await cli(['submit', '--yes', '--batch', '同名', names[0]!, names[1]!], env)).code).toBe(0)
    expect((await cli(['submit', '--yes', '--batch', '同名', names[2]!, names[3]!], env)).code).toBe(0)
    const out = join(env.MICROENT_DATA_DIR!, 'x.xlsx')
    const twice = await cli(['export', out, '--batch', '同名'], env)
    expect(twice.code).toBe(2)
    expect(twice.err).toContain('有 2 个批次名为“同名”，请改用批次编号')
    const ids = twice.err.split('\n').slice(1).map((l) => l.trim().split(/\s+/)[0])
    expect(ids).toHaveLength(2)
    expect((await cli(['export', out, '--batch', ids[0]!], env)).code).toBe(0)
    expect((await cli(['export', join(env.MICROENT_DATA_DIR!, 'y.xlsx'), '--batch', 'nope'], env)).code).toBe(2)
  })
})
