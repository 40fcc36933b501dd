import type { Lang } from '../tray/tray-status'
import { notificationsFailedText } from './notification-texts'

/**
 * Tells the user, once a session, that the OS refused a notification: the alerts they rely on (a rejected key, a
 * used-up quota) would otherwise never come, and nothing on screen would say why.
 */
export function createFailureNotice(deps: { language: () => Lang; platform: NodeJS.Platform; show: (t: { title: string; body: string }) => void }): () => void {
  let told = false
  return () => {
    if (told) return
    told = true
    deps.show(notificationsFailedText(deps.language(), deps.platform))
  }
}
