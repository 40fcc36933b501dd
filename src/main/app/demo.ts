import type { KeyStatus } from '../../shared/ipc/contract'
import type { KeyVault } from '../api/ports'
import { ApiFailure } from '../api/failure'
import { msg } from '../../shared/messages'

/**
 * Demo mode lets someone without a key try the whole flow: the API simulator runs inside the app, lookups go to a
 * data folder of their own, and the UI shows a 演示 banner. Simulated time runs 20x faster, so a typical lookup
 * (about 5 minutes on the real API) finishes in about 15 seconds.
 */
export const DEMO_TIME_SCALE = 0.05
export const DEMO_KEY = 'test-key'
export const DEMO_FLAG = '--demo'

export function isDemoLaunch(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): boolean {
  return argv.includes(DEMO_FLAG) || env.MICROENT_DEMO === '1'
}

/** The arguments to relaunch with, in or out of demo mode. */
export function relaunchArgs(argv: readonly string[], demo: boolean): string[] {
  const rest = argv.slice(1).filter((a) => a !== DEMO_FLAG)
  return demo ? [...rest, DEMO_FLAG] : rest
}

/**
 * A development run (`npm run dev`) loads the renderer from electron-vite's dev server, which exits with the Electron
 * process: a relaunched app would find nothing to load. Such a run is started in demo mode instead.
 */
export const DEV_RELAUNCH_REFUSED = msg('desktop.devRelaunchRefused')

/** Restarts the app in or out of demo mode, or refuses where that cannot work. */
export function switchDemo(
  on: boolean,
  ctx: { servedByDevServer: boolean; argv: readonly string[]; env: NodeJS.ProcessEnv; relaunch: (args: string[]) => void; quit: () => void },
): void {
  if (ctx.servedByDevServer) throw new ApiFailure('NOT_ALLOWED', DEV_RELAUNCH_REFUSED)
  // The new process inherits the environment: MICROENT_DEMO=1 would otherwise bring the demo straight back.
  ctx.env.MICROENT_DEMO = on ? '1' : '0'
  ctx.relaunch(relaunchArgs(ctx.argv, on))
  ctx.quit()
}

export interface DemoBackend {
  baseUrl: string
  close(): Promise<void>
}

export async function startDemoBackend(): Promise<DemoBackend> {
  // Loaded only in demo mode: the simulator and its sample companies stay out of every other start-up.
  const { startSimulator } = await import('../../sim/server')
  const sim = await startSimulator({ timeScale: DEMO_TIME_SCALE, seed: 'demo', keys: { [DEMO_KEY]: 'ok' } })
  return { baseUrl: sim.url, close: () => sim.close() }
}

/** The simulator's key, fixed: there is nothing to protect and nothing to set. */
export class DemoKeyVault implements KeyVault {
  async load(): Promise<void> {}

  current(): string {
    return DEMO_KEY
  }

  async status(): Promise<KeyStatus> {
    return { set: true, masked: '演示 demo', storage: 'session', encryptionAvailable: true, backend: 'demo' }
  }

  async set(): Promise<KeyStatus> {
    throw new ApiFailure('NOT_ALLOWED', msg('desktop.demoKeyFixed'))
  }

  async clear(): Promise<KeyStatus> {
    return this.set()
  }
}
