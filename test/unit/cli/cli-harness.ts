/** Runs CLI commands in-process against a data folder, with the output captured (the CLI as a child process: test/helpers/cli.ts). */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CliIo } from '../../../src/cli/io'
import { main } from '../../../src/cli/main'

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
