import type { Lang } from '../tray/tray-status'
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
  const zh = deps.language() === 'zh-CN'
  const ask = wish.demo
    ? zh
      ? { title: '切换到演示模式？', message: '应用已在运行。要重新启动并进入演示模式吗？演示数据与真实查询分开保存。', yes: '重新启动', no: '取消' }
      : { title: 'Switch to demo mode?', message: 'The app is already running. Restart it in demo mode? Demo data is kept apart from real lookups.', yes: 'Restart', no: 'Cancel' }
    : zh
      ? { title: '退出演示模式？', message: '应用正以演示模式运行。要重新启动并使用真实接口吗？', yes: '重新启动', no: '继续演示' }
      : { title: 'Leave demo mode?', message: 'The app is running in demo mode. Restart it with the real API?', yes: 'Restart', no: 'Stay in demo' }
  if (!(await deps.confirm(ask))) return
  try {
    deps.relaunch(wish.demo)
  } catch {
    deps.tell({ title: ask.title, message: zh ? DEV_RELAUNCH_REFUSED.zh : DEV_RELAUNCH_REFUSED.en })
  }
}
