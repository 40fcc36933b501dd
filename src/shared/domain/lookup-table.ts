import type { Job, JobError, JobStatus } from './job'
import type { LookupRow, RowCompany } from './lookup-row'

/**
 * The list rows of `lookups:snapshot`, column by column. One object per row repeats every key and carries a null
 * for every empty field: 5 MB for 10,000 lookups, 60 MB for 110,000. Here each field is one array (or a few), so
 * JSON (the browser host) and structured clone (Electron IPC) both handle a few dozen arrays of plain values:
 *
 * - `Sparse`: values for some rows only; `at` gives each such row as its distance from the previous one (the first
 *   from -1, so runs of rows are runs of 1s), `null` when every row has a value.
 * - `Coded`: low-cardinality values (status, batch, error, industry, company type) as indices into `dict`; each
 *   table carries its own dictionaries (a batch id the snapshot's batch list lacks is kept). Errors with the same
 *   code, message, zh and en are one entry, and the decoded rows share that one object.
 * - Timestamps: each value as its difference from the previous one in the same column (the first from 0), so a
 *   batch's times are small numbers; in whole ms, or in whole µs (`micro`: a batch's createdAt steps by 1/1000 ms
 *   to keep its order), else as they are (`abs`). Decoding gives back the very same numbers.
 * - `normalized` only where it differs from the keyword; a result's name and codes are `0` where they equal the
 *   normalized keyword (the usual case for lookups by code, and for names entered exactly).
 *
 * Only the fields the list reads (LookupRow). decodeLookupTable(encodeLookupTable(jobs)) equals
 * jobs.map(toLookupRow), also after JSON or structured clone. bench/snapshot.ts measures it against the rows.
 */
export const LOOKUP_TABLE_VERSION = 1

export interface Sparse<T> {
  at: number[] | null
  v: T[]
}

export interface TimeColumn extends Sparse<number> {
  /** Differences in whole µs (decoded: the sum / 1000), for times that are not whole ms. */
  micro?: true
  /** The values as they are: some are not whole µs. */
  abs?: true
}

export interface Coded<T> {
  dict: T[]
  code: number[]
}

/** Result columns, for the rows that have a result (`at`). `0` in name/credit_no/reg_no: the row's normalized keyword. */
export interface CompanyColumns {
  at: number[] | null
  name: (string | 0)[]
  credit_no: (string | 0)[]
  reg_no: (string | 0)[]
  l1_domain_name: Coded<string>
  econ_kind: Coded<string>
}

export interface LookupTable {
  v: typeof LOOKUP_TABLE_VERSION
  count: number
  id: string[]
  keyword: string[]
  /** Where the normalized keyword differs from the keyword as entered. */
  normalized: Sparse<string>
  status: Coded<JobStatus>
  batchId: Coded<string | null>
  jobid: Sparse<string>
  createdAt: TimeColumn
  submittedAt: TimeColumn
  completedAt: TimeColumn
  expiresAt: TimeColumn
  nextPollAt: TimeColumn
  updatedAt: TimeColumn
  error: Coded<JobError | null>
  company: CompanyColumns
}

/* ---------- encoding ---------- */

class SparseBuilder<T> {
  readonly at: number[] = []
  readonly v: T[] = []
  private last = -1

  add(row: number, value: T): void {
    this.at.push(row - this.last)
    this.last = row
    this.v.push(value)
  }

  build(count: number): Sparse<T> {
    return { at: this.v.length === count ? null : this.at, v: this.v }
  }
}

class TimeBuilder extends SparseBuilder<number> {
  maybe(row: number, value: number | null): void {
    if (value !== null) this.add(row, value)
  }

  /** Differences in whole ms, else in whole µs, else the values as they are. */
  buildTimes(count: number): TimeColumn {
    const col = this.build(count)
    if (toDifferences(col.v, 1)) return col
    if (toDifferences(col.v, 1000)) return { ...col, micro: true }
    return { ...col, abs: true }
  }
}

/**
 * Replaces `v` (ms) by the differences of its values in 1/scale ms, in place, when every value is exactly a whole
 * number of those units and every difference a safe integer; otherwise leaves `v` as it was and returns false.
 */
function toDifferences(v: number[], scale: 1 | 1000): boolean {
  let prev = 0
  for (let k = 0; k < v.length; k++) {
    const x = v[k] as number
    const units = scale === 1 ? x : Math.round(x * scale)
    const d = units - prev
    if (!Number.isSafeInteger(units) || units / scale !== x || !Number.isSafeInteger(d)) {
      let sum = 0
      for (let m = 0; m < k; m++) v[m] = (sum += v[m] as number) / scale
      return false
    }
    v[k] = d
    prev = units
  }
  return true
}

class CodedBuilder<T> {
  readonly dict: T[] = []
  readonly code: number[] = []
  private readonly index = new Map<unknown, number>()

  add(value: T, key: unknown = value): void {
    let c = this.index.get(key)
    if (c === undefined) {
      c = this.dict.length
      this.index.set(key, c)
      this.dict.push(value)
    }
    this.code.push(c)
  }

  build(): Coded<T> {
    return { dict: this.dict, code: this.code }
  }
}

export function encodeLookupTable(jobs: readonly Job[]): LookupTable {
  const count = jobs.length
  const id: string[] = []
  const keyword: string[] = []
  const normalized = new SparseBuilder<string>()
  const status = new CodedBuilder<JobStatus>()
  const batchId = new CodedBuilder<string | null>()
  const jobid = new SparseBuilder<string>()
  const createdAt = new TimeBuilder()
  const submittedAt = new TimeBuilder()
  const completedAt = new TimeBuilder()
  const expiresAt = new TimeBuilder()
  const nextPollAt = new TimeBuilder()
  const updatedAt = new TimeBuilder()
  const error = new CodedBuilder<JobError | null>()
  const companyAt = new SparseBuilder<0>()
  const name: (string | 0)[] = []
  const creditNo: (string | 0)[] = []
  const regNo: (string | 0)[] = []
  const l1 = new CodedBuilder<string>()
  const econ = new CodedBuilder<string>()
  for (let i = 0; i < count; i++) {
    const j = jobs[i] as Job
    id.push(j.id)
    keyword.push(j.keyword)
    if (j.normalized !== j.keyword) normalized.add(i, j.normalized)
    status.add(j.status)
    batchId.add(j.batchId)
    if (j.jobid !== null) jobid.add(i, j.jobid)
    createdAt.add(i, j.createdAt)
    submittedAt.maybe(i, j.submittedAt)
    completedAt.maybe(i, j.completedAt)
    expiresAt.maybe(i, j.expiresAt)
    nextPollAt.maybe(i, j.nextPollAt)
    updatedAt.add(i, j.updatedAt)
    const e = j.error
    error.add(e, e === null ? null : `${e.code}\u0000${e.message}\u0000${e.zh ?? '\u0001'}\u0000${e.en ?? '\u0001'}`)
    const r = j.result
    if (r) {
      companyAt.add(i, 0)
      const same = j.normalized
      name.push(r.name === same ? 0 : r.name)
      creditNo.push(r.credit_no === same ? 0 : r.credit_no)
      regNo.push(r.reg_no === same ? 0 : r.reg_no)
      l1.add(r.l1_domain_name)
      econ.add(r.econ_kind)
    }
  }
  return {
    v: LOOKUP_TABLE_VERSION,
    count,
    id,
    keyword,
    normalized: normalized.build(count),
    status: status.build(),
    batchId: batchId.build(),
    jobid: jobid.build(count),
    createdAt: createdAt.buildTimes(count),
    submittedAt: submittedAt.buildTimes(count),
    completedAt: completedAt.buildTimes(count),
    expiresAt: expiresAt.buildTimes(count),
    nextPollAt: nextPollAt.buildTimes(count),
    updatedAt: updatedAt.buildTimes(count),
    error: error.build(),
    company: {
      at: companyAt.build(count).at,
      name,
      credit_no: creditNo,
      reg_no: regNo,
      l1_domain_name: l1.build(),
      econ_kind: econ.build(),
    },
  }
}

/* ---------- decoding ---------- */

export class LookupTableError extends Error {
  constructor(what: string) {
    super(`lookup table: ${what}`)
    this.name = 'LookupTableError'
  }
}

function bad(what: string): never {
  throw new LookupTableError(what)
}

/**
 * Reads a sparse column row by row, in step with the decoding loop (no column-long array in between). A position
 * that is not a whole step forward, or past the last row, leaves values unread, which `end` reports.
 */
class SparseReader<T> {
  private k = 0
  private next: number
  private readonly at: number[] | null
  private readonly v: T[]

  constructor(
    col: Sparse<T>,
    private readonly what: string,
  ) {
    this.at = col.at
    this.v = col.v
    if (this.at !== null && this.at.length !== this.v.length) bad(`${what}: ${this.at.length} positions for ${this.v.length} values`)
    this.next = this.v.length === 0 ? -1 : this.at === null ? 0 : (this.at[0] as number) - 1
  }

  /** Whether row `i` has a value; if so, `take` gives it. */
  has(i: number): boolean {
    return i === this.next
  }

  take(): T {
    const value = this.v[this.k++] as T
    this.next = this.k === this.v.length ? -1 : this.at === null ? this.next + 1 : this.next + (this.at[this.k] as number)
    return value
  }

  end(count: number): void {
    if (this.k !== this.v.length) bad(`${this.what}: ${this.v.length - this.k} of ${this.v.length} values not in any of the ${count} rows`)
  }
}

class TimeReader extends SparseReader<number> {
  private sum = 0
  private readonly abs: boolean
  private readonly scale: number

  constructor(col: TimeColumn, what: string) {
    super(col, what)
    this.abs = col.abs === true
    this.scale = col.micro === true ? 1000 : 1
  }

  get(i: number): number | null {
    if (!this.has(i)) return null
    const x = this.take()
    return this.abs ? x : (this.sum += x) / this.scale
  }
}

function codes<T>(col: Coded<T>, count: number, what: string): { dict: T[]; code: number[] } {
  if (col.code.length !== count) bad(`${what}: ${col.code.length} codes for ${count} rows`)
  return col
}

function lookUp<T>(dict: T[], code: number, what: string): T {
  const v = dict[code]
  return v === undefined ? bad(`${what}: unknown code`) : v
}

/** The rows of a table, in the order they were encoded. Throws LookupTableError on a table it cannot read. */
export function decodeLookupTable(t: LookupTable): LookupRow[] {
  if (t?.v !== LOOKUP_TABLE_VERSION) bad(`version ${String(t?.v)}`)
  const n = t.count
  if (t.id.length !== n || t.keyword.length !== n) bad('id/keyword length')
  const normalized = new SparseReader(t.normalized, 'normalized')
  const status = codes(t.status, n, 'status')
  const batchId = codes(t.batchId, n, 'batchId')
  const jobid = new SparseReader(t.jobid, 'jobid')
  const createdAt = new TimeReader(t.createdAt, 'createdAt')
  const submittedAt = new TimeReader(t.submittedAt, 'submittedAt')
  const completedAt = new TimeReader(t.completedAt, 'completedAt')
  const expiresAt = new TimeReader(t.expiresAt, 'expiresAt')
  const nextPollAt = new TimeReader(t.nextPollAt, 'nextPollAt')
  const updatedAt = new TimeReader(t.updatedAt, 'updatedAt')
  const error = codes(t.error, n, 'error')

  const c = t.company
  const withCompany = c.name.length
  if (c.credit_no.length !== withCompany || c.reg_no.length !== withCompany) bad('company column lengths')
  const companyAt = new SparseReader<string | 0>({ at: c.at, v: c.name }, 'company')
  const l1 = codes(c.l1_domain_name, withCompany, 'l1_domain_name')
  const econ = codes(c.econ_kind, withCompany, 'econ_kind')

  const rows: LookupRow[] = []
  let k = 0
  for (let i = 0; i < n; i++) {
    const keyword = t.keyword[i] as string
    const norm = normalized.has(i) ? normalized.take() : keyword
    let company: RowCompany | null = null
    if (companyAt.has(i)) {
      const name = companyAt.take()
      const creditNo = c.credit_no[k] as string | 0
      const regNo = c.reg_no[k] as string | 0
      company = {
        name: name === 0 ? norm : name,
        credit_no: creditNo === 0 ? norm : creditNo,
        reg_no: regNo === 0 ? norm : regNo,
        l1_domain_name: lookUp(l1.dict, l1.code[k] as number, 'l1_domain_name'),
        econ_kind: lookUp(econ.dict, econ.code[k] as number, 'econ_kind'),
      }
      k++
    }
    const created = createdAt.get(i)
    const updated = updatedAt.get(i)
    if (created === null || updated === null) bad('createdAt/updatedAt missing')
    rows.push({
      id: t.id[i] as string,
      keyword,
      normalized: norm,
      status: lookUp(status.dict, status.code[i] as number, 'status'),
      batchId: lookUp(batchId.dict, batchId.code[i] as number, 'batchId'),
      jobid: jobid.has(i) ? jobid.take() : null,
      createdAt: created,
      submittedAt: submittedAt.get(i),
      completedAt: completedAt.get(i),
      expiresAt: expiresAt.get(i),
      nextPollAt: nextPollAt.get(i),
      error: lookUp(error.dict, error.code[i] as number, 'error'),
      updatedAt: updated,
      company,
    })
  }
  for (const r of [normalized, jobid, createdAt, submittedAt, completedAt, expiresAt, nextPollAt, updatedAt, companyAt]) r.end(n)
  return rows
}
