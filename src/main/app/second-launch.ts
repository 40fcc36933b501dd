import type { Lang } from '../tray/tray-status'
import { render, type MessageCode } from '../../shared/messages'
import { DEV_RELAUNCH_REFUSED, isDemoLaunch } from './demo'

/**
 * A second launch only wakes the first (Electron's single-instance lock), but what it was started for still counts:
 * `--demo` (or MICROENT_DEMO=1) while the real app runs, or a plain launch while the demo runs, asks whether to
 * restart in that mode. The second instance sends its wish as the lock's additionalData, because `argv` in the
 * first instance's `second-instance` event may be reordered and lacks the second one's environment.
 */

export interface LaunchWish {
  demo: boolean
}

/** What the second instance passes to `app.requestSingleInstanceLock(additionalData)`. */
export function launchWish(argv: readonly string[], env: NodeJS.ProcessEnv): LaunchWish {
  return { demo: isDemoLaunch(argv, env) }
}

/** Reads the wish in the first instance; an older build sends no data, so its argv is read instead. */
export function readLaunchWish(argv: readonly string[], additionalData: unknown): LaunchWish {
  const demo = (additionalData as { demo?: unknown } | null)?.demo
  return { demo: typeof demo === 'boolean' ? demo : isDemoLaunch(argv, {}) }
}

export interface SecondLaunchDeps {
  currentDemo: boolean
  language: () => Lang
  showWindow(): void
  /** Asks the user; resolves with true to restart. */
  confirm(text: { title: string; message: string; yes: string; no: string }): Promise<boolean>
  /** Restarts in or out of demo mode; throws where that cannot work (a development run). */
  relaunch(demo: boolean): void
  tell(text: { title: string; message: string }): void
}

export async function handleSecondLaunch(wish: LaunchWish, deps: SecondLaunchDeps): Promise<void> {
  deps.showWindow()
  if (wish.demo === deps.currentDemo) return
  const lang = deps.language()
  const say = (code: MessageCode) => render({ code }, lang)
  const ask = wish.demo
    ? { title: say('desktop.toDemoTitle'), message: say('desktop.toDemoQuestion'), yes: say('desktop.restart'), no: say('desktop.cancel') }
    : { title: say('desktop.leaveDemoTitle'), message: say('desktop.leaveDemoQuestion'), yes: say('desktop.restart'), no: say('desktop.stayInDemo') }
  if (!(await deps.confirm(ask))) return
  try {
    deps.relaunch(wish.demo)
  } catch {
    deps.tell({ title: ask.title, message: render(DEV_RELAUNCH_REFUSED, lang) })
  }
}
