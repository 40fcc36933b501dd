import { Notification, type NativeImage } from 'electron'
import type { Logger } from '../core/ports'
import { silentLogger } from '../core/ports'
import type { ClickTarget, NotificationSpec } from '../notifications/completion-grouping'

export interface OsNotifierDeps {
  icon?: NativeImage
  /** Shows the window, then opens the lookup or batch the notification is about. */
  onClick: (target: ClickTarget) => void
  logger?: Logger
}

export interface OsNotifier {
  show(spec: NotificationSpec): void
  dispose(): void
}

/** Without a reference a notification can be collected before it is clicked, and the click is lost. */
const MAX_LIVE = 20

/** OS notifications. Alerts stay until dismissed where the platform allows it; completions come and go. */
export function createOsNotifier(deps: OsNotifierDeps): OsNotifier {
  const logger = deps.logger ?? silentLogger
  const live = new Set<Notification>()
  const forget = (n: Notification) => live.delete(n)

  return {
    show(spec) {
      if (!Notification.isSupported()) return
      const alert = spec.kind === 'alert'
      const n = new Notification({
        title: spec.title,
        body: spec.body,
        ...(deps.icon ? { icon: deps.icon } : {}),
        silent: !alert,
        urgency: alert ? 'critical' : 'normal',
        timeoutType: alert ? 'never' : 'default',
      })
      n.on('click', () => {
        forget(n)
        deps.onClick(spec.target)
      })
      n.on('close', () => forget(n))
      n.on('failed', (_event, error) => {
        forget(n)
        logger.warn('notification failed', { error: String(error).slice(0, 200) })
      })
      live.add(n)
      if (live.size > MAX_LIVE) {
        const oldest = live.values().next().value
        if (oldest) live.delete(oldest)
      }
      n.show()
    },
    dispose() {
      for (const n of live) n.close()
      live.clear()
    },
  }
}
