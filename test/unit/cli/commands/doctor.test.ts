import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXIT } from '../../../../src/cli/io'
import type { Simulator } from '../../../../src/sim/types'
import { cli, folderEnv, listed, lookedUp, simEnv } from '../cli-harness'

let sim: Simulator
let envFor: (extra?: NodeJS.ProcessEnv) => NodeJS.ProcessEnv
beforeAll(async () => {
  ;({ sim, env: envFor } = await simEnv())
})
afterAll(() => sim?.close())

type Report = { healthy: boolean; repaired: boolean; findings: { kind: string; zh: string; en: string; repair: { zh: string; en: string } }[] }

describe('doctor', () => {
  it('says a sound folder is sound (exit 0)', async () => {
    const env = envFor()
    await lookedUp(env, ['医生单元测试甲科技有限公司'])
    const r = await cli(['doctor', '--json'], env)
    expect(r.code).toBe(EXIT.OK)
    expect(JSON.parse(r.out)).toEqual({ healthy: true, repaired: false, findings: [], desk: null })
    expect((await cli(['doctor'], folderEnv())).code).toBe(EXIT.OK)
  })

  it('finds a damaged file without touching it (exit 1); --repair sets it aside and keeps every paid lookup', async () => {
    const env = envFor()
    const dir = env.MICROENT_DATA_DIR!
    await lookedUp(env, ['医生单元测试乙科技有限公司', '医生单元测试丙科技有限公司'])
    const before = (await listed(env)).map((l) => l.keyword).sort()
    const archives = readdirSync(dir).filter((n) => /^archive-\d+\.json$/.test(n))
    expect(archives.length).toBeGreaterThan(0)
    for (const f of archives) writeFileSync(join(dir, f), '{"jobs": garbage')

    const check = await cli(['doctor', '--json'], env)
    expect(check.code).toBe(EXIT.FAILURE)
    const report = JSON.parse(check.out) as Report
    expect(report).toMatchObject({ healthy: false, repaired: false })
    expect(report.findings.map((f) => f.kind)).toContain('damaged_file')
    for (const f of report.findings) expect(f.repair.en).toBeTruthy()
    expect(readdirSync(dir).filter((n) => n.includes('.corrupt-'))).toEqual([])

    const human = await cli(['doctor'], env)
    expect(human.out).toMatch(/^✗ /)
    expect(human.out).toContain('doctor --repair')

    await cli(['doctor', '--repair'], env)
    expect(readdirSync(dir).filter((n) => n.includes('.corrupt-')).length).toBeGreaterThan(0)
    expect((await listed(env)).map((l) => l.keyword).sort()).toEqual(before)
  })
})
