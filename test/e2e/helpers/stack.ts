import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSimulator } from '../../../src/sim/server'
import type { SimOptions, Simulator } from '../../../src/sim/types'
import { startWebHost, type WebHost } from '../../../src/webhost/main'

export const KEY = 'test-key'
export const OTHER_KEY = 'other-good-key-0001'

export interface Stack {
  sim: Simulator
  host: WebHost
  dataDir: string
  /**
   * Closes the host and starts a new one on the same folder, port and token (as after an app restart); `between`
   * runs while no host holds the folder (to damage a file).
   */
  restartHost(between?: () => void): Promise<WebHost>
  close(): Promise<void>
}

export interface StackOptions {
  timeScale?: number
  sim?: SimOptions
  /** Put the simulator's key in the vault from the start. */
  withKey?: boolean
  settings?: Record<string, unknown>
  /** A host in demo mode (as `npm run web -- --demo`): app:info says so and the key is locked. */
  demo?: boolean
}

/** A simulator and a web host on a fresh data folder; fast engine settings so batches finish in seconds. */
export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const timeScale = opts.timeScale ?? 0.02
  const sim = await startSimulator({ timeScale, seed: 'e2e', completion: { type: 'fixed', ms: 90_000 }, keys: { [KEY]: 'ok', [OTHER_KEY]: 'ok' }, ...opts.sim })
  const dataDir = mkdtempSync(join(tmpdir(), 'microent-e2e-'))
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ submitIntervalMs: 20, requestsPerSecond: 40, ...opts.settings }))
  const start = (port = 0, token?: string) =>
    startWebHost({ dataDir, baseUrl: sim.url, timeScale, port, token, initialKey: opts.withKey === false ? null : KEY, demo: opts.demo ?? false, version: 'e2e' })
  const stack: Stack = {
    sim,
    host: await start(),
    dataDir,
    async restartHost(between) {
      const { port, token } = stack.host
      await stack.host.close()
      between?.()
      stack.host = await start(port, token)
      return stack.host
    },
    async close() {
      await stack.host.close()
      await sim.close()
    },
  }
  return stack
}
