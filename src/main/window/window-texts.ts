import type { Lang } from '../tray/tray-status'
import { render } from '../../shared/messages'

/** Said when the window's page cannot be loaded after its retries (a damaged install, most likely). */
export function pageFailedText(lang: Lang, code: number): { title: string; body: string } {
  return { title: render({ code: 'desktop.pageFailedTitle' }, lang), body: render({ code: 'desktop.pageFailedBody', params: { code } }, lang) }
}
