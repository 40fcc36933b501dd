import type { WebContents } from 'electron'
import type { EventChannel, EventMap } from '../../shared/ipc/contract'
import type { EventPort } from '../api/ports'
import type { Logger } from '../../core/ports'

/**
 * Sends contract events to the main window. Nothing is sent to a destroyed window, nor to one whose page is not
 * the app (navigation is blocked, but lookups must never leak to a foreign page should that ever fail).
 */
export function createWindowEventSink(contents: () => WebContents | null, isAppUrl: (url: string) => boolean, logger: Logger): EventPort {
  return {
    send<E extends EventChannel>(channel: E, payload: EventMap[E]): void {
      const wc = contents()
      if (!wc || wc.isDestroyed() || !isAppUrl(wc.getURL())) return
      try {
        wc.send(channel, payload)
      } catch (err) {
        logger.warn('event not delivered', { channel, error: err instanceof Error ? err.name : 'unknown' })
      }
    },
  }
}
