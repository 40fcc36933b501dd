/** A company's record over time: each lookup's result is a version; what changed between two of them, field by field. */
import type { CompanyField } from './company'

export interface FieldChange {
  field: CompanyField
  before: string
  after: string
}

export interface ResultVersion {
  /** The lookup that brought this result (ours; `jobid` is the API's). */
  lookupId: string
  /** When it was found (the lookup's completion). */
  at: number
  /** The API base URL it came from when not Juhe's own; null: Juhe. */
  source: string | null
  jobid: string | null
}

export interface CompanyHistory {
  /** Every version of the company's record from this source, newest first (one: nothing to compare). */
  versions: ResultVersion[]
  /** What this lookup's result changed against the version before it; empty when nothing, or no earlier version. */
  changes: FieldChange[]
  /** The version `changes` compares with; null when there is none. */
  previous: ResultVersion | null
}

/** The fields people look at first when a company changed (name, capital, type), then the rest in API order. */
export const CHANGE_PRIORITY: readonly CompanyField[] = ['name', 'reg_capi', 'econ_kind']
