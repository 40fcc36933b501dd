// The app binary as the command line (`--cli`, src/main/app/cli-mode.ts) in real Electron: one command, its output
// on stdout, its exit code, no window. From out/ (`electron . --cli …`); packaged.electron.ts runs the same from a
// packaged build (the CLI chunk and the workers inside app.asar).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleKeywords } from '../../src/sim/dataset'
import type { Simulator } from '../../src/sim/types'
import { appEnv, electronBinary, freshFolders, KEY, root, startSim } from './helpers/app'
import { runProcess, SANDBOX_ARGS } from './helpers/process'

let sim: Simulator
let env: Record<string, string>

beforeAll(async () => {
  sim = await startSim()
  env = { ...appEnv(freshFolders(sim)), JUHE_KEY: KEY, JUHE_BASE_URL: sim.url, LANG: 'en_US.UTF-8' }
  delete env.MICROENT_TEST_HOOKS
})
afterAll(async () => {
  await sim?.close()
})

describe('electron . --cli', () => {
  const cli = (...args: string[]) => runProcess(electronBinary(), [root, ...SANDBOX_ARGS, '--cli', ...args], env, { cwd: root })

  it('lists an empty folder as [] and exits 0', async () => {
    const r = await cli('list', '--json')
    expect([r.code, r.stdout.trim() ? JSON.parse(r.stdout) : r.stderr]).toEqual([0, []])
  })

  it('queues a lookup, then lists it; an unknown command exits 2', async () => {
    const [known] = sampleKeywords(sim.dataset, 1).knownNames
    const submitted = await cli('submit', known as string, '--yes')
    expect(submitted.code, submitted.stderr).toBe(0)
    const listed = await cli('list', '--json')
    expect(listed.code, listed.stderr).toBe(0)
    expect((JSON.parse(listed.stdout) as unknown[]).length).toBe(1)
    const unknown = await cli('frobnicate')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('frobnicate')
  })
})
