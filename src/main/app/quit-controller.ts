import type { Logger, Timers } from '../../core/ports'

interface QuitApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown
  quit(): void
}

export interface QuitControllerDeps {
  app: QuitApp
  /** Stops the scheduler (drains calls in flight) and writes everything. */
  shutdown: () => Promise<void>
  timers: Timers
  logger: Logger
  /** A hung network call must not keep the app from quitting; the next start recovers whatever was in flight. */
  timeoutMs?: number
}

export const QUIT_TIMEOUT_MS = 20_000

/**
 * Quitting waits for the shutdown: the first `before-quit` is held, the shutdown runs once, then the app quits for
 * real. `isQuitting` tells the window's close handler not to hide to the tray.
 */
export function createQuitController(deps: QuitControllerDeps): { isQuitting(): boolean } {
  let quitting = false
  let finished = false
  let running = false
  deps.app.on('before-quit', (event) => {
    quitting = true
    if (finished) return
    event.preventDefault()
    if (running) return
    running = true
    let timer: unknown = null
    const timeout = new Promise<void>((resolve) => {
      timer = deps.timers.setTimeout(() => {
        deps.logger.warn('shutdown took too long; quitting anyway')
        resolve()
      }, deps.timeoutMs ?? QUIT_TIMEOUT_MS)
    })
    const work = deps.shutdown().catch((err: unknown) => deps.logger.error('shutdown failed', { error: err instanceof Error ? err.message : 'unknown' }))
    void Promise.race([work, timeout]).finally(() => {
      if (timer !== null) deps.timers.clearTimeout(timer)
      finished = true
      deps.app.quit()
    })
  })
  return { isQuitting: () => quitting }
}
