/**
 * A keyword cell to text, with the damage Excel does to long codes detected rather than passed on:
 * a credit code typed into a General cell becomes a number with 15 significant digits (9.14403E+17), and
 * a CSV saved from such a sheet holds the scientific-notation text or the zero-filled digits.
 */
import { isValidCreditCode } from '../keywords'
import { cellText } from './columns'
import type { ImportRow } from './import-types'
import { rowProblems } from './import-messages'
import type { GridCell } from './sheet-reader.mjs'

const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?[eE][+-]?\d+$/
/** 16–18 digits whose tail beyond the 15th is zeros: what Excel writes for a long number. */
const ZERO_FILLED = /^\d{15}0{1,3}$/

/** The digits Excel shows for a number: 15 significant digits, the rest zeros. */
export function excelDigits(n: number): string {
  const [mantissa = '', exponent = '0'] = Math.abs(n).toExponential(14).split('e')
  const e = Number(exponent)
  const digits = mantissa.replace('.', '')
  if (e < 14 || e > 30) return String(n)
  return (n < 0 ? '-' : '') + digits + '0'.repeat(e - 14)
}

export function keywordFromCell(cell: GridCell, row: number, header: string): Pick<ImportRow, 'text' | 'problem'> {
  if (cell !== null && typeof cell === 'object' && 'e' in cell) return { text: cell.e, problem: rowProblems.cellError(row, cell.e) }
  if (cell !== null && typeof cell === 'object') {
    const n = cell.n
    if (Number.isFinite(n) && Math.abs(n) >= 1e15) {
      const digits = excelDigits(n)
      return { text: digits, problem: rowProblems.damagedNumber(row, header, cell.w && cell.w !== digits ? `${cell.w} = ${digits}` : digits) }
    }
    // Up to 15 digits survive a number cell exactly (e.g. a 15-digit registration number).
    if (Number.isInteger(n)) return { text: String(n), problem: null }
    return { text: cell.w ?? String(n), problem: null }
  }
  const text = cellText(cell).trim()
  if (SCIENTIFIC.test(text)) return { text, problem: rowProblems.damagedNumber(row, header, text) }
  if (ZERO_FILLED.test(text) && !isValidCreditCode(text)) return { text, problem: rowProblems.truncatedCode(row, header, text) }
  if (/^[=+@]/.test(text)) return { text, problem: rowProblems.formulaLike(row) }
  return { text, problem: null }
}
