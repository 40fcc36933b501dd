/**
 * The values a company's identifiers are claimed under. Two claims are of one company when any of these is equal:
 * codes compare as normalised (upper-cased, no spaces), names by the de-duplication key the local store uses
 * (sameCompanyKey: full- and half-width parentheses alike, no white space).
 */
import { NOT_AVAILABLE } from '../../shared/domain/company'
import { normalizeKeyword, sameCompanyKey } from '../keywords/normalize'
import type { CompanyIdentifiers, IdentifierKey, IdentifierKind } from './ports'

/** The order identifiers are tried in, and the default keyword's: a code names one company, a name may not. */
export const IDENTIFIER_ORDER: readonly IdentifierKind[] = ['credit_code', 'reg_no', 'name']

/** The key of one identifier, or null when it is empty or the API's "not available". */
export function identifierKey(kind: IdentifierKind, raw: string | undefined): IdentifierKey | null {
  if (raw === undefined) return null
  const normalized = normalizeKeyword(raw)
  if (normalized === '' || normalized === NOT_AVAILABLE) return null
  const value = kind === 'name' ? sameCompanyKey(normalized) : normalized.replace(/\s+/g, '').toUpperCase()
  return value === '' ? null : { kind, value }
}

/** Every usable identifier's key, codes first. */
export function identifierKeys(ids: CompanyIdentifiers): IdentifierKey[] {
  const out: IdentifierKey[] = []
  for (const kind of IDENTIFIER_ORDER) {
    const key = identifierKey(kind, ids[kind])
    if (key) out.push(key)
  }
  return out
}

const KEYWORD_KIND = { credit_code: 'credit_code', reg_no: 'reg_no', name: 'name' } as const

/** The keyword a claim sends when the caller names none: the first identifier given, normalised. */
export function defaultKeyword(ids: CompanyIdentifiers): { text: string; kind: 'credit_code' | 'reg_no' | 'name' } | null {
  for (const kind of IDENTIFIER_ORDER) {
    const raw = ids[kind]
    if (identifierKey(kind, raw)) return { text: normalizeKeyword(raw as string), kind: KEYWORD_KIND[kind] }
  }
  return null
}
