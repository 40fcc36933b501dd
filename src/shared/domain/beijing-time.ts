/** Juhe bills by the Beijing day and month (UTC+8, no daylight saving), whatever the computer's time zone. */
export const BEIJING_OFFSET_MS = 8 * 3600_000

/** YYYY-MM-DD in Beijing. */
export function beijingDay(ms: number): string {
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10)
}

/** "2026-12-07 04:30:05" in Beijing. */
export function beijingSecond(ms: number): string {
  const iso = new Date(Math.round(ms) + BEIJING_OFFSET_MS).toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`
}

/** "2026-12-07 04:30" in Beijing. */
export function beijingMinute(ms: number): string {
  const iso = new Date(ms + BEIJING_OFFSET_MS).toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`
}

/** The first instant of the next Beijing day after `ms`. */
export function nextBeijingDay(ms: number): number {
  const d = new Date(ms + BEIJING_OFFSET_MS)
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1) - BEIJING_OFFSET_MS
}

/** The first instant of the next Beijing month after `ms`. */
export function nextBeijingMonth(ms: number): number {
  const d = new Date(ms + BEIJING_OFFSET_MS)
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - BEIJING_OFFSET_MS
}
