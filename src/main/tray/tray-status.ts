import type { EngineState, PauseReason } from '../../shared/domain/engine'
import { PRODUCT_NAME_EN, PRODUCT_NAME_ZH } from '../app/identity'
import { msg, render, type Message } from '../../shared/messages'

/** Pure: what the tray shows for an engine state. The icon and the tooltip both tell pending, paused, offline. */

export type Lang = 'zh-CN' | 'en'
export type TrayIconState = 'idle' | 'busy' | 'paused' | 'offline' | 'attention'

export interface TrayModel {
  icon: TrayIconState
  tooltip: string
  /** First menu line, e.g. "进行中：3 项". */
  pendingLabel: string
  /** The pause/resume item resumes when true. */
  paused: boolean
  /** A short badge for the macOS menu bar ('' for none). */
  title: string
}

/** Pauses that only the user can clear get the attention icon. */
const NEEDS_USER = new Set<PauseReason>(['key', 'disabled', 'recovery'])

/** Windows cuts tray tooltips at 127 characters. */
const MAX_TOOLTIP = 127

export function trayModel(state: EngineState | null, lang: Lang): TrayModel {
  const say = (m: Message) => render(m, lang)
  const name = lang === 'zh-CN' ? PRODUCT_NAME_ZH : PRODUCT_NAME_EN
  const pending = state?.pending ?? 0
  let icon: TrayIconState
  let line: Message
  if (!state || state.status === 'stopped') {
    icon = 'idle'
    line = msg('desktop.trayStopped')
  } else if (state.status === 'paused') {
    const reason = state.pause?.reason ?? 'user'
    icon = NEEDS_USER.has(reason) ? 'attention' : 'paused'
    line = msg('desktop.trayLine', { state: msg('desktop.trayPaused', { reason }), waiting: pending })
  } else if (state.status === 'offline') {
    icon = 'offline'
    line = msg('desktop.trayLine', { state: msg('desktop.trayOffline'), waiting: pending })
  } else if (state.submitHold && pending > 0) {
    icon = 'paused'
    line = msg('desktop.trayLine', { state: msg('desktop.trayHeld', { quota: state.submitHold.reason === 'quota' }), waiting: pending })
  } else if (pending > 0) {
    icon = 'busy'
    line = msg('desktop.trayBusy', { pending })
  } else {
    icon = 'idle'
    line = msg('desktop.trayIdle')
  }
  const tooltip = `${name} — ${say(line)}`
  return {
    icon,
    tooltip: tooltip.length > MAX_TOOLTIP ? `${tooltip.slice(0, MAX_TOOLTIP - 1)}…` : tooltip,
    pendingLabel: say(msg('desktop.trayPending', { pending })),
    paused: state?.status === 'paused',
    title: pending > 0 ? String(pending) : '',
  }
}

export function trayMenuLabels(lang: Lang) {
  const say = (m: Message) => render(m, lang)
  return {
    show: say(msg('desktop.trayShow')),
    pause: say(msg('desktop.trayPause')),
    resume: say(msg('desktop.trayResume')),
    openData: say(msg('desktop.trayOpenData')),
    quit: say(msg('desktop.trayQuit')),
  }
}

/**
 * The tray image for a state. macOS: a template image (black and alpha; the system tints it for the menu bar).
 * Elsewhere: a glyph drawn for the taskbar's theme, `-dark` for dark taskbars, `-light` for light ones. Windows gets
 * an .ico holding 16, 20, 24, 32, 40 and 48 px, so 125% and 150% scaling pick a drawn size instead of a blurred one
 * (PNG files there offer only 1x and @2x).
 */
export function trayIconFile(state: TrayIconState, platform: NodeJS.Platform, darkTaskbar: boolean): string {
  if (platform === 'darwin') return `tray/${state}Template.png`
  return `tray/${state}-${darkTaskbar ? 'dark' : 'light'}.${platform === 'win32' ? 'ico' : 'png'}`
}

/**
 * The folder the tray images are read from (trayIconFile's paths are relative to it). Electron reads an .ico with
 * Win32's LoadImage, which cannot look inside app.asar: it copies the file to %TEMP% and reads that copy again at
 * each size it needs, so the icon goes blank once the temp folder is cleaned (electron/electron#30911), and an .ico
 * in the archive has also been reported loading as an empty image. A packaged Windows build therefore carries the
 * .ico files beside app.asar, in resources/tray (electron-builder.yml win.extraResources).
 */
export function trayResourcesDir(o: { platform: NodeJS.Platform; isPackaged: boolean; appResourcesDir: string; processResourcesPath: string }): string {
  return o.platform === 'win32' && o.isPackaged ? o.processResourcesPath : o.appResourcesDir
}

/** The sizes in every Windows tray .ico: 100%, 125%, 150%, 200%, 250% and 300% of 16 px. */
export const TRAY_ICO_SIZES = [16, 20, 24, 32, 40, 48] as const
