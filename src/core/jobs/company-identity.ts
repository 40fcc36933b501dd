/**
 * A company is one company by any of its three identifiers: once a result has linked a name, a credit code and a
 * registration number, a later lookup by any of them is a lookup of that company.
 */
import { NOT_AVAILABLE } from '../../shared/domain/company'
import type { Job } from '../../shared/domain/job'
import type { IdentityMatch } from '../../shared/ipc/contract'
import { normalizeKeyword, sameCompanyKey } from '../keywords/normalize'

export type { IdentityMatch }

const usable = (value: string | undefined): value is string => value !== undefined && value.trim() !== '' && value.trim() !== NOT_AVAILABLE

/** The identifiers a finished lookup's result gives, each as a de-duplication key. */
export function resultIdentities(job: Job): string[] {
  const r = job.status === 'done' ? job.result : null
  if (!r) return []
  const out: string[] = []
  for (const value of [r.credit_no, r.reg_no, r.name]) if (usable(value)) out.push(sameCompanyKey(normalizeKeyword(value)))
  return out
}

/** Which identifier of `job`'s result the keyword (normalised) is, or null. */
export function identityMatch(job: Job, normalized: string): IdentityMatch | null {
  const r = job.result
  if (!r) return null
  const key = sameCompanyKey(normalized)
  const same = (value: string | undefined) => usable(value) && sameCompanyKey(normalizeKeyword(value)) === key
  if (same(r.credit_no)) return 'credit_no'
  if (same(r.reg_no)) return 'reg_no'
  if (same(r.name)) return 'name'
  return null
}
