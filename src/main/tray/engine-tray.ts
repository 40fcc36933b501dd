import type { Services } from '../../core/services'
import type { Timers } from '../../core/ports'
import { TrayController, type TrayActions, type TrayControllerDeps } from './tray-controller'

/** engine:state is not sent for every job change, but the tray shows the pending count: redrawn at most this often. */
export const TRAY_REFRESH_MS = 300

export interface EngineTrayDeps extends Omit<TrayControllerDeps, 'actions'> {
  services: Pick<Services, 'engine' | 'on'>
  timers: Timers
  /** What the tray's menu does besides pausing and resuming the engine. */
  actions: Omit<TrayActions, 'pause' | 'resume'>
}

/**
 * The tray icon, following the engine (its state and pending count) and pausing or resuming it from the menu.
 * `stopFollowing` is called when shutdown begins; the icon itself stays (tray.dispose) until everything is written.
 */
export function startEngineTray(deps: EngineTrayDeps): { tray: TrayController; stopFollowing(): void } {
  const { services, timers, actions, ...rest } = deps
  const tray = new TrayController({ ...rest, actions: { ...actions, pause: () => services.engine.pause(), resume: () => services.engine.resume() } })
  tray.start(services.engine.state())
  let timer: unknown = null
  const stopFeed = services.on(() => {
    if (timer !== null) return
    timer = timers.setTimeout(() => {
      timer = null
      tray.update(services.engine.state())
    }, TRAY_REFRESH_MS)
  })
  return {
    tray,
    stopFollowing() {
      stopFeed()
      if (timer !== null) timers.clearTimeout(timer)
    },
  }
}
