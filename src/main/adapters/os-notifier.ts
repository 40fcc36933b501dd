import { Notification, type NativeImage } from 'electron'
import type { Logger } from '../../core/ports'
import { silentLogger } from '../../core/ports'
import type { ClickTarget, NotificationSpec } from '../notifications/completion-grouping'

export interface OsNotifierDeps {
  icon?: NativeImage
  platform?: NodeJS.Platform
  /** Shows the window, then opens the lookup or batch the notification is about. */
  onClick: (target: ClickTarget) => void
  /** The OS refused a notification (macOS: unsigned build or permission off; Windows: no shortcut, focus assist). */
  onFailed?: (error: string) => void
  /** Smoke-test hook: each notification handed to the OS, and a way to click it as the user would. */
  onShown?: (spec: NotificationSpec, click: () => void) => void
  logger?: Logger
}

export interface OsNotifier {
  show(spec: NotificationSpec): void
  /**
   * Windows: a click that reached the app through its toast activator (Notification.handleActivation), including
   * one on a notification in Action Center whose object is gone. `args` is the raw activation string, which carries
   * the toast's tag (`type=click&tag=…`).
   */
  activate(args: string): void
  dispose(): void
}

/** Notifications held so a click can still reach them (Windows keeps them in Action Center for days). */
const MAX_LIVE = 50
const TAG_PREFIX = 'mx-'

/** OS notifications. Alerts stay until dismissed where the platform allows it; completions come and go. */
export function createOsNotifier(deps: OsNotifierDeps): OsNotifier {
  const logger = deps.logger ?? silentLogger
  const platform = deps.platform ?? process.platform
  // By tag: the notification object (a reference keeps its click alive) and what a click opens.
  const live = new Map<string, { n: Notification; target: ClickTarget }>()
  const clicked = new Set<string>()
  let next = 0
  const salt = Date.now().toString(36)

  const fire = (tag: string, target: ClickTarget) => {
    // Windows may deliver one click twice: the instance's event and the activator's callback.
    if (clicked.has(tag)) return
    clicked.add(tag)
    live.delete(tag)
    deps.onClick(target)
  }

  return {
    show(spec) {
      if (!Notification.isSupported()) return
      const alert = spec.kind === 'alert'
      const tag = `${TAG_PREFIX}${salt}-${next++}`
      const n = new Notification({
        id: tag,
        title: spec.title,
        body: spec.body,
        ...(deps.icon ? { icon: deps.icon } : {}),
        silent: !alert,
        urgency: alert ? 'critical' : 'normal',
        timeoutType: alert ? 'never' : 'default',
      })
      n.on('click', () => fire(tag, spec.target))
      n.on('close', (details) => {
        // On Windows a toast that times out moves to Action Center and can still be clicked there: keep it.
        if (platform === 'win32' && details?.reason === 'timedOut') return
        live.delete(tag)
      })
      n.on('failed', (_event, error) => {
        live.delete(tag)
        logger.warn('notification failed', { error: String(error).slice(0, 200) })
        deps.onFailed?.(String(error))
      })
      live.set(tag, { n, target: spec.target })
      while (live.size > MAX_LIVE) {
        const oldest = live.keys().next().value
        if (oldest === undefined) break
        live.delete(oldest)
      }
      n.show()
      deps.onShown?.(spec, () => n.emit('click'))
    },
    activate(args) {
      const tag = new URLSearchParams(args).get('tag')
      const held = tag ? live.get(tag) : undefined
      // A notification from an earlier run (or one dropped from the map) still brings the window back.
      if (tag && held) fire(tag, held.target)
      else if (!tag || !clicked.has(tag)) deps.onClick(null)
    },
    dispose() {
      // On Windows close() also removes a toast from Action Center, where a click still reaches the app through its
      // activator after it quits (Windows starts it; `activate` above): quitting lets go of them instead.
      if (platform !== 'win32') for (const { n } of live.values()) n.close()
      live.clear()
    },
  }
}
