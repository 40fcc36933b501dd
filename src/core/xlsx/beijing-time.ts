/** Beijing time (UTC+8, no daylight saving) for file names, cells and the CSV text. */

import { BEIJING_OFFSET_MS } from '../../shared/domain/beijing-time'

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** The Beijing wall-clock parts of an instant. */
export function beijingParts(ms: number): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const t = new Date(ms + BEIJING_OFFSET_MS)
  return {
    y: t.getUTCFullYear(),
    mo: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    h: t.getUTCHours(),
    mi: t.getUTCMinutes(),
    s: t.getUTCSeconds(),
  }
}

/** `YYYY-MM-DD HH:mm:ss` in Beijing time. */
export function formatBeijing(ms: number): string {
  const p = beijingParts(ms)
  return `${p.y}-${pad(p.mo)}-${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`
}

/** `YYYYMMDD_HHmm` in Beijing time. */
export function beijingStamp(ms: number): string {
  const p = beijingParts(ms)
  return `${p.y}${pad(p.mo)}${pad(p.d)}_${pad(p.h)}${pad(p.mi)}`
}

/**
 * A Date whose UTC fields are the Beijing wall-clock time, whole seconds: exceljs turns a Date into an
 * Excel serial from its UTC value, so the cell shows Beijing time whatever the exporting machine's zone.
 */
export function beijingCellDate(ms: number): Date {
  return new Date(Math.floor((ms + BEIJING_OFFSET_MS) / 1000) * 1000)
}

const API_DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]00:00(?::00(?:\.0+)?)?)?$/
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/

/**
 * A calendar date from the API ("2011-05-27", "2011/5/27", "2011年5月27日", "20110527") as a UTC-midnight
 * Date for a date cell, or null when the text is anything else (kept as text, never guessed).
 */
export function parseApiDate(text: string): Date | null {
  const m = API_DATE.exec(text.trim()) ?? COMPACT_DATE.exec(text.trim())
  if (!m) return null
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  // Excel's 1900 date system cannot show earlier years as dates.
  if (y < 1900 || y > 9999 || mo < 1 || mo > 12 || d < 1) return null
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null
  return date
}

/** `YYYY-MM-DD` of a UTC-midnight date. */
export function formatDate(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
}

/** `YYYY-MM-DD HH:mm:ss` of a cell date made by `beijingCellDate`. */
export function formatCellDateTime(date: Date): string {
  return `${formatDate(date)} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
}
