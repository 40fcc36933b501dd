/** Every time the user sees is Beijing time (UTC+8, no daylight saving), whatever the computer's zone. */
import { BEIJING_OFFSET_MS } from '../../../shared/domain/beijing-time'

function iso(ts: number): string {
  return new Date(ts + BEIJING_OFFSET_MS).toISOString()
}

/** "2025-03-01 14:05:09" (or without seconds). */
export function beijing(ts: number | null | undefined, seconds = true): string {
  if (ts === null || ts === undefined || !Number.isFinite(ts)) return ''
  const s = iso(ts)
  return `${s.slice(0, 10)} ${s.slice(11, seconds ? 19 : 16)}`
}

export function beijingTime(ts: number): string {
  return iso(ts).slice(11, 19)
}

/** The Beijing calendar day, for "today" counts. */
export function beijingDay(ts: number): string {
  return iso(ts).slice(0, 10)
}

export interface DurationUnits {
  d: string
  h: string
  m: string
  s: string
  /** Between a number and its unit ("" in Chinese, " " in English). */
  gap: string
}

/** The two largest units, e.g. "2 小时 5 分" / "5 min 3 s"; never negative. */
export function formatDuration(ms: number, u: DurationUnits): string {
  const total = Math.max(0, Math.round(ms / 1000))
  const parts: [number, string][] = [
    [Math.floor(total / 86400), u.d],
    [Math.floor((total % 86400) / 3600), u.h],
    [Math.floor((total % 3600) / 60), u.m],
    [total % 60, u.s],
  ]
  const first = parts.findIndex(([n]) => n > 0)
  if (first === -1) return `0${u.gap}${u.s}`
  return parts
    .slice(first, first + 2)
    .filter(([n], i) => i === 0 || n > 0)
    .map(([n, unit]) => `${n}${u.gap}${unit}`)
    .join(' ')
}
