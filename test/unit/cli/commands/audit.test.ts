import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verdictJson } from '../../../../src/cli/commands/audit'
import { EXIT } from '../../../../src/cli/io'
import type { Simulator } from '../../../../src/sim/types'
import { cli, folderEnv, lookedUp, simEnv } from '../cli-harness'

let sim: Simulator
let envFor: (extra?: NodeJS.ProcessEnv) => NodeJS.ProcessEnv
beforeAll(async () => {
  ;({ sim, env: envFor } = await simEnv())
})
afterAll(() => sim?.close())

type Verdict = Parameters<typeof verdictJson>[0]

describe('verdictJson (audit verify --json)', () => {
  it('names the first break beside the list, and null when there is none', () => {
    const base = { intact: true, exists: true, lines: 2, chained: 2, firstChained: 1, head: 'h', breaks: [], cut: null, repaired: [], torn: false } as unknown as Verdict
    expect(verdictJson(base)).toMatchObject({ intact: true, firstBreak: null, breaks: [] })
    const broken = { ...base, intact: false, breaks: [{ line: 3, kind: 'chain', confirmed: false }, { line: 5, kind: 'chain', confirmed: true }] } as unknown as Verdict
    expect(verdictJson(broken).firstBreak).toEqual({ line: 3, kind: 'chain' })
    expect(Object.keys(verdictJson(base))).toEqual(['intact', 'exists', 'lines', 'chained', 'firstChained', 'head', 'firstBreak', 'breaks', 'cut', 'repaired', 'torn'])
  })
})

describe('audit', () => {
  it('needs a subcommand it knows (exit 2)', async () => {
    expect((await cli(['audit'], folderEnv())).code).toBe(EXIT.USAGE)
    expect((await cli(['audit', 'rewrite'], folderEnv())).code).toBe(EXIT.USAGE)
  })

  it('verify: an intact record exits 0, an edited line exits 1 naming it', async () => {
    const env = envFor()
    await lookedUp(env, ['审计单元测试甲科技有限公司'])
    const ok = await cli(['audit', 'verify', '--json'], env)
    expect(ok.code).toBe(EXIT.OK)
    expect(JSON.parse(ok.out)).toMatchObject({ intact: true, exists: true, lines: 2, chained: 2, firstBreak: null })

    const path = join(env.MICROENT_DATA_DIR!, 'charges.jsonl')
    const lines = readFileSync(path, 'utf8').split('\n')
    const at = lines.findIndex((l) => l.includes('"outcome":"accepted"'))
    lines[at] = lines[at]!.replace('"outcome":"accepted"', '"outcome":"rejected"')
    writeFileSync(path, lines.join('\n'))
    const broken = await cli(['audit', 'verify', '--json'], env)
    expect(broken.code).toBe(EXIT.FAILURE)
    expect(JSON.parse(broken.out)).toMatchObject({ intact: false, firstBreak: { line: at + 1 } })
    const human = await cli(['audit', 'verify'], env)
    expect(human.code).toBe(EXIT.FAILURE)
    expect(human.err).toContain(String(at + 1))
  })
})
