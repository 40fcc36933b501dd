/**
 * Cell text hygiene for everything we write: formula-injection neutralising (OWASP "CSV injection";
 * ASVS 5.0 1.2.10 applies to xlsx too), XML-safe text for xlsx, and RFC 4180 quoting for CSV.
 */

/** A value starting with one of these can be read as a formula (or DDE payload) by a spreadsheet. */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\n', '\0'])

/** Excel's limit for the text of one cell. */
export const MAX_CELL_CHARS = 32_767

/**
 * Neutralises a value from the API or the user with a leading `'`, so no spreadsheet evaluates it.
 * The lone "-" (the API's "not available" placeholder) is left readable: it cannot form a formula.
 */
export function neutralizeFormula(value: string): string {
  if (value === '' || value === '-') return value
  return FORMULA_TRIGGERS.has(value.charAt(0)) ? `'${value}` : value
}

/** Whether `neutralizeFormula` would change the value. */
export function needsNeutralizing(value: string): boolean {
  return neutralizeFormula(value) !== value
}

// XML 1.0 forbids C0 controls other than tab/LF/CR, U+FFFE/U+FFFF and unpaired surrogates.
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

// Cheap pre-check (no lookaround); most text has none of these.
const MAYBE_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/

/**
 * Text as it can be stored in an xlsx cell: XML-illegal characters become U+FFFD (visible, never silently
 * dropped) and text beyond Excel's 32,767-character cell limit is cut with a marker.
 */
export function xlsxText(value: string): string {
  let text = MAYBE_ILLEGAL.test(value) ? value.replace(XML_ILLEGAL, '\uFFFD') : value
  if (text.length > MAX_CELL_CHARS) {
    const marker = '…[已截断 truncated]'
    text = text.slice(0, MAX_CELL_CHARS - marker.length) + marker
  }
  return text
}

/** One CSV field per RFC 4180: quoted when it holds a quote, separator or line break; quotes doubled. */
export function csvField(value: string): string {
  return /[",;\r\n\t]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** One CSV record (CRLF-terminated, as RFC 4180 says). */
export function csvRecord(values: readonly string[]): string {
  return values.map(csvField).join(',') + '\r\n'
}
