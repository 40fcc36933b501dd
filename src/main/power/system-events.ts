import { net, powerMonitor } from 'electron'
import type { Logger, Timers } from '../../core/ports'

export interface SystemEventDeps {
  engine: { wake(): void; networkChanged(online: boolean): void }
  timers: Timers
  /** The OS is shutting down or logging out: quit properly so the queue is written. */
  onShutdown: () => void
  logger: Logger
  pollMs?: number
}

/** Main has no online/offline event; Chromium's own view of connectivity is cheap to ask every few seconds. */
export const ONLINE_POLL_MS = 5_000

/**
 * Sleep/wake and connectivity feed the engine: after wake, overdue polls are spread out and a probe goes first;
 * losing the network pauses calls at once instead of after a timeout; getting it back probes immediately.
 */
export function watchSystemEvents(deps: SystemEventDeps): () => void {
  const onResume = () => {
    deps.logger.info('system resumed')
    deps.engine.wake()
  }
  // Typed without arguments, but Electron passes an event: preventing it asks the OS to wait for our quit.
  const onShutdown = (...args: unknown[]) => {
    ;(args[0] as { preventDefault?: () => void } | undefined)?.preventDefault?.()
    deps.onShutdown()
  }
  powerMonitor.on('resume', onResume)
  powerMonitor.on('shutdown', onShutdown)

  let online = net.isOnline()
  if (!online) deps.engine.networkChanged(false)
  let timer: unknown = null
  const poll = () => {
    const now = net.isOnline()
    if (now !== online) {
      online = now
      deps.logger.info(now ? 'network back' : 'network lost')
      deps.engine.networkChanged(now)
    }
    timer = deps.timers.setTimeout(poll, deps.pollMs ?? ONLINE_POLL_MS)
  }
  timer = deps.timers.setTimeout(poll, deps.pollMs ?? ONLINE_POLL_MS)

  return () => {
    powerMonitor.off('resume', onResume)
    powerMonitor.off('shutdown', onShutdown)
    if (timer !== null) deps.timers.clearTimeout(timer)
    timer = null
  }
}
