/** Window geometry, remembered between runs and fitted to the displays that exist now. Pure. */

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  bounds: Rect
  maximized: boolean
}

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const
export const MIN_SIZE = { width: 960, height: 600 } as const
/** This much of the title bar must land on a display, or the window could not be dragged back. */
const MIN_VISIBLE = { width: 120, height: 40 } as const

function isRect(v: unknown): v is Rect {
  if (typeof v !== 'object' || v === null) return false
  const r = v as Record<string, unknown>
  return ['x', 'y', 'width', 'height'].every((k) => typeof r[k] === 'number' && Number.isFinite(r[k]))
}

/** A saved state from disk, or null when it is missing or damaged. */
export function parseWindowState(raw: unknown): WindowState | null {
  if (typeof raw !== 'object' || raw === null) return null
  const r = raw as Record<string, unknown>
  if (!isRect(r.bounds) || r.bounds.width <= 0 || r.bounds.height <= 0) return null
  return { bounds: { ...r.bounds }, maximized: r.maximized === true }
}

function overlap(a: Rect, b: Rect): Rect {
  const x = Math.max(a.x, b.x)
  const y = Math.max(a.y, b.y)
  return { x, y, width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - x), height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - y) }
}

function fitInside(size: { width: number; height: number }, area: Rect): { width: number; height: number } {
  return {
    width: Math.min(Math.max(size.width, Math.min(MIN_SIZE.width, area.width)), area.width),
    height: Math.min(Math.max(size.height, Math.min(MIN_SIZE.height, area.height)), area.height),
  }
}

function centred(size: { width: number; height: number }, area: Rect): Rect {
  const s = fitInside(size, area)
  return { x: Math.round(area.x + (area.width - s.width) / 2), y: Math.round(area.y + (area.height - s.height) / 2), ...s }
}

/**
 * Where to open the window: the saved bounds when their title bar is on a display (shrunk and moved to fit its
 * work area after a resolution change), otherwise the saved or default size centred on the primary display.
 */
export function restoreWindowState(raw: unknown, workAreas: readonly Rect[], primary: Rect): WindowState {
  const saved = parseWindowState(raw)
  if (!saved) return { bounds: centred(DEFAULT_SIZE, primary), maximized: false }
  const b = saved.bounds
  const titleBar: Rect = { x: b.x, y: b.y, width: b.width, height: Math.min(b.height, MIN_VISIBLE.height) }
  let best: Rect | null = null
  let bestArea = 0
  for (const area of workAreas) {
    const o = overlap(titleBar, area)
    if (o.width >= Math.min(MIN_VISIBLE.width, b.width) && o.height > 0 && o.width * o.height > bestArea) {
      best = area
      bestArea = o.width * o.height
    }
  }
  if (!best) return { bounds: centred(b, primary), maximized: saved.maximized }
  const size = fitInside(b, best)
  const x = Math.min(Math.max(b.x, best.x), best.x + best.width - size.width)
  const y = Math.min(Math.max(b.y, best.y), best.y + best.height - size.height)
  return { bounds: { x, y, ...size }, maximized: saved.maximized }
}
