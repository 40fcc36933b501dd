import type { WebContents } from 'electron'
import type { Logger } from '../../core/ports'
import { isSafeExternalUrl } from './external-url'

export interface NavigationPolicy {
  /** A URL of the app itself (its protocol, or the dev server in development). */
  isAppUrl(url: string): boolean
  openExternal(url: string): void
  logger: Logger
}

/**
 * Applied to every webContents the app creates (app `web-contents-created`): no navigation away from the app, no
 * new windows, no webviews. A safe https link the user clicks opens in the default browser instead.
 */
export function hardenWebContents(contents: WebContents, policy: NavigationPolicy): void {
  const sendOut = (url: string): void => {
    if (isSafeExternalUrl(url)) policy.openExternal(url)
    else policy.logger.warn('blocked link', { scheme: schemeOf(url) })
  }

  contents.setWindowOpenHandler(({ url }) => {
    sendOut(url)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event) => {
    if (policy.isAppUrl(event.url)) return
    event.preventDefault()
    sendOut(event.url)
  })
  contents.on('will-frame-navigate', (event) => {
    // will-navigate decides for the main frame; the app has no subframes, so none may navigate.
    if (event.isMainFrame) return
    event.preventDefault()
    policy.logger.warn('blocked frame navigation', { scheme: schemeOf(event.url) })
  })
  contents.on('will-redirect', (event) => {
    if (policy.isAppUrl(event.url)) return
    event.preventDefault()
    policy.logger.warn('blocked redirect', { scheme: schemeOf(event.url) })
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    policy.logger.warn('blocked webview')
  })
}

/** Only the scheme is logged: a URL could carry anything. */
function schemeOf(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(url)
  return m ? (m[1] as string).toLowerCase() : 'invalid'
}
