import type { EngineState, PauseReason } from '../../shared/domain/engine'
import { PRODUCT_NAME_EN, PRODUCT_NAME_ZH } from '../app/identity'

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

const PAUSE_ZH: Record<PauseReason, string> = {
  user: '已暂停',
  key: '已暂停：API 密钥有问题',
  rate_limit: '已暂停：请求过于频繁，稍后自动继续',
  maintenance: '已暂停：接口维护中',
  disabled: '已停止：接口已停用',
  recovery: '已暂停：数据文件已恢复，请确认',
}
const PAUSE_EN: Record<PauseReason, string> = {
  user: 'Paused',
  key: 'Paused: API key problem',
  rate_limit: 'Paused: rate limited, resumes by itself',
  maintenance: 'Paused: API maintenance',
  disabled: 'Stopped: API discontinued',
  recovery: 'Paused: data file recovered, please review',
}

/** Windows cuts tray tooltips at 127 characters. */
const MAX_TOOLTIP = 127

export function trayModel(state: EngineState | null, lang: Lang): TrayModel {
  const zh = lang === 'zh-CN'
  const name = zh ? PRODUCT_NAME_ZH : PRODUCT_NAME_EN
  const pending = state?.pending ?? 0
  const pendingLabel = zh ? `进行中：${pending} 项` : `Pending: ${pending}`
  const waiting = pending > 0 ? (zh ? `，${pending} 项等待中` : `; ${pending} waiting`) : ''
  let icon: TrayIconState
  let line: string
  if (!state || state.status === 'stopped') {
    icon = 'idle'
    line = zh ? '已停止' : 'Stopped'
  } else if (state.status === 'paused') {
    const reason = state.pause?.reason ?? 'user'
    icon = NEEDS_USER.has(reason) ? 'attention' : 'paused'
    line = (zh ? PAUSE_ZH : PAUSE_EN)[reason] + waiting
  } else if (state.status === 'offline') {
    icon = 'offline'
    line = (zh ? '网络离线，正在重试' : 'Offline, retrying') + waiting
  } else if (state.submitHold && pending > 0) {
    icon = 'paused'
    const what = state.submitHold.reason === 'quota' ? (zh ? '接口次数已用完' : 'quota used up') : zh ? '已达上限' : 'cap reached'
    line = zh ? `${what}，${pending} 项等待中` : `${what}; ${pending} waiting`
  } else if (pending > 0) {
    icon = 'busy'
    line = zh ? `${pending} 项查询进行中` : `${pending} lookup${pending === 1 ? '' : 's'} in progress`
  } else {
    icon = 'idle'
    line = zh ? '没有进行中的查询' : 'No lookups in progress'
  }
  const tooltip = `${name} — ${line}`
  return {
    icon,
    tooltip: tooltip.length > MAX_TOOLTIP ? `${tooltip.slice(0, MAX_TOOLTIP - 1)}…` : tooltip,
    pendingLabel,
    paused: state?.status === 'paused',
    title: pending > 0 ? String(pending) : '',
  }
}

export function trayMenuLabels(lang: Lang) {
  return lang === 'zh-CN'
    ? { show: '显示窗口', pause: '暂停查询', resume: '继续查询', openData: '打开数据文件夹', quit: '退出' }
    : { show: 'Show window', pause: 'Pause lookups', resume: 'Resume lookups', openData: 'Open data folder', quit: 'Quit' }
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

/** The sizes in every Windows tray .ico: 100%, 125%, 150%, 200%, 250% and 300% of 16 px. */
export const TRAY_ICO_SIZES = [16, 20, 24, 32, 40, 48] as const
