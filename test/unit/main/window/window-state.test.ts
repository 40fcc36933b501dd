import { describe, expect, it } from 'vitest'
import { DEFAULT_SIZE, MIN_SIZE, parseWindowState, restoreWindowState } from '../../../../src/main/window/window-state'

const primary = { x: 0, y: 0, width: 1920, height: 1040 }
const right = { x: 1920, y: 0, width: 1280, height: 984 }

describe('restoreWindowState', () => {
  it('opens the default size centred on the primary display the first time', () => {
    expect(restoreWindowState(undefined, [primary], primary)).toEqual({
      bounds: { x: 320, y: 120, width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height },
      maximized: false,
    })
  })

  it('restores saved bounds and the maximised state as they were', () => {
    const saved = { bounds: { x: 100, y: 50, width: 1400, height: 900 }, maximized: true }
    expect(restoreWindowState(saved, [primary, right], primary)).toEqual(saved)
  })

  it('keeps a window on a second display', () => {
    const saved = { bounds: { x: 2000, y: 40, width: 1100, height: 800 }, maximized: false }
    expect(restoreWindowState(saved, [primary, right], primary).bounds).toEqual(saved.bounds)
  })

  it('brings back a window whose display is gone, centred on the primary, keeping its size', () => {
    const saved = { bounds: { x: 2000, y: 40, width: 1100, height: 800 }, maximized: false }
    expect(restoreWindowState(saved, [primary], primary)).toEqual({ bounds: { x: 410, y: 120, width: 1100, height: 800 }, maximized: false })
  })

  it('brings back a window whose title bar is above the top of every display', () => {
    const saved = { bounds: { x: 100, y: -500, width: 1200, height: 800 }, maximized: false }
    const r = restoreWindowState(saved, [primary], primary).bounds
    expect(r.y).toBeGreaterThanOrEqual(0)
  })

  it('shrinks and moves a window to fit a display whose resolution went down', () => {
    const small = { x: 0, y: 0, width: 1366, height: 728 }
    const saved = { bounds: { x: 600, y: 300, width: 1800, height: 1000 }, maximized: false }
    expect(restoreWindowState(saved, [small], small).bounds).toEqual({ x: 0, y: 0, width: 1366, height: 728 })
  })

  it('moves a window hanging off the right edge fully onto the display', () => {
    const saved = { bounds: { x: 1500, y: 100, width: 1000, height: 700 }, maximized: false }
    expect(restoreWindowState(saved, [primary], primary).bounds).toEqual({ x: 920, y: 100, width: 1000, height: 700 })
  })

  it('grows a saved size below the minimum', () => {
    const saved = { bounds: { x: 10, y: 10, width: 300, height: 200 }, maximized: false }
    expect(restoreWindowState(saved, [primary], primary).bounds).toMatchObject({ width: MIN_SIZE.width, height: MIN_SIZE.height })
  })

  it('never exceeds a display smaller than the minimum size', () => {
    const tiny = { x: 0, y: 0, width: 800, height: 560 }
    const r = restoreWindowState({ bounds: { x: 0, y: 0, width: 1200, height: 900 }, maximized: false }, [tiny], tiny).bounds
    expect(r).toEqual({ x: 0, y: 0, width: 800, height: 560 })
  })

  it.each([null, 'x', {}, { bounds: { x: 1, y: 2, width: 'a', height: 3 } }, { bounds: { x: 0, y: 0, width: -5, height: 10 } }, { bounds: { x: NaN, y: 0, width: 5, height: 5 } }])(
    'treats damaged state %j as none',
    (raw) => {
      expect(parseWindowState(raw)).toBeNull()
      expect(restoreWindowState(raw, [primary], primary).maximized).toBe(false)
    },
  )
})
