/** Runs CLI commands in-process against a data folder, with the output captured (the CLI as a child process: test/helpers/cli.ts). */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CliIo } from '../../../src/cli/io'
import { main } from '../../../src/cli/main'
import { startSimulator } from '../../../src/sim/server'
import type { Simulator } from '../../../src/sim/types'
import { EXAMPLE_COMPANY } from '../../../src/sim/dataset'
import { afterAll, beforeAll } from 'vitest'

export interface Captured {
  io: CliIo
  out: string[]
  err: string[]
  asked: string[]
}

/** A CliIo that records what is written; `answer` is the user's reply to a prompt. */
export function captureIo(env: NodeJS.ProcessEnv, opts: { interactive?: boolean; answer?: boolean } = {}): Captured {
  const c: Captured = { out: [], err: [], asked: [], io: undefined as never }
  c.io = {
    out: (t) => void c.out.push(t),
    err: (t) => void c.err.push(t),
    status: () => undefined,
    interactive: opts.interactive ?? false,
    confirm: async (q) => (c.asked.push(q), opts.answer ?? false),
    env,
    onInterrupt: () => () => undefined,
  }
  return c
}

/** A fresh data folder (named in MICROENT_DATA_DIR, so it exists) with fast pacing; `extra` is added to the env. */
export function folderEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const dataDir = mkdtempSync(join(tmpdir(), 'microent-cli-unit-'))
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ submitIntervalMs: 20, requestsPerSecond: 40 }))
  return { MICROENT_DATA_DIR: dataDir, MICROENT_TIME_SCALE: '0.001', ...extra }
}

export interface Ran {
  code: number
  out: string
  err: string
  asked: string[]
}

/** `microent <args>` in this process. */
export async function cli(args: string[], env: NodeJS.ProcessEnv, opts: { interactive?: boolean; answer?: boolean } = {}): Promise<Ran> {
  const c = captureIo(env, opts)
  const code = await main(args, c.io)
  return { code, out: c.out.join('\n'), err: c.err.join('\n'), asked: c.asked }
}

/** A simulator answering at once (scaled), and an env pointing the CLI at it with its key. */
export async function simEnv(): Promise<{ sim: Simulator; env: (extra?: NodeJS.ProcessEnv) => NodeJS.ProcessEnv }> {
  const sim = await startSimulator({ timeScale: 0.001, completion: { type: 'fixed', ms: 30_000 }, seed: 'cli-unit' })
  return { sim, env: (extra = {}) => folderEnv({ JUHE_KEY: 'test-key', JUHE_BASE_URL: sim.url, ...extra }) }
}

/** Queues `keywords` and runs them to the end in the folder of `env`. */
export async function lookedUp(env: NodeJS.ProcessEnv, keywords: string[]): Promise<void> {
  const submit = await cli(['submit', '--yes', ...keywords], env)
  if (submit.code !== 0) throw new Error(`submit failed: ${submit.err}`)
  const run = await cli(['run', '--until-done', '--max-wait', '30'], env)
  if (run.code !== 0) throw new Error(`run failed: ${run.err}`)
}

/**
 * For a test file: a simulator, and a folder where the document's example company and `unknown` (no result) were
 * looked up before its tests; `ready` gets the folder's env once it is.
 */
export function useLookedUpFolder(unknown: string, ready: (env: NodeJS.ProcessEnv) => void): void {
  let sim: Simulator | undefined
  beforeAll(async () => {
    const s = await simEnv()
    sim = s.sim
    const env = s.env()
    await lookedUp(env, [EXAMPLE_COMPANY.name, unknown])
    ready(env)
  })
  afterAll(() => sim?.close())
}

/** `list --json`, parsed. */
export async function listed(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ keyword: string; status: string; jobid: string | null; batchId: string | null }[]> {
  return JSON.parse((await cli(['list', '--json', ...args], env)).out) as never
}
