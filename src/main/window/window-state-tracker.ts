import type { BrowserWindow } from 'electron'
import type { KeyValueStore, Timers } from '../../core/ports'
import type { WindowState } from './window-state'

export const WINDOW_STATE_KEY = 'window'
const SAVE_DELAY_MS = 500

/**
 * Saves size, position and maximised state as they change (debounced: a drag fires hundreds of `move` events) and
 * once more on close. The normal bounds are saved, so a maximised window restores to its size from before.
 */
export function trackWindowState(win: BrowserWindow, store: KeyValueStore, timers: Timers): { save(): void; dispose(): void } {
  let timer: unknown = null
  let last = JSON.stringify(store.get(WINDOW_STATE_KEY) ?? null)

  const save = (): void => {
    if (timer !== null) timers.clearTimeout(timer)
    timer = null
    if (win.isDestroyed()) return
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() }
    const text = JSON.stringify(state)
    if (text === last) return
    last = text
    store.set(WINDOW_STATE_KEY, state)
  }
  const later = (): void => {
    if (timer !== null) timers.clearTimeout(timer)
    timer = timers.setTimeout(save, SAVE_DELAY_MS)
  }

  win.on('resize', later)
  win.on('move', later)
  win.on('maximize', save)
  win.on('unmaximize', save)
  win.on('close', save)
  return {
    save,
    dispose() {
      if (timer !== null) timers.clearTimeout(timer)
      timer = null
    },
  }
}
