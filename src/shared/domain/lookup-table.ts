import type { Job, JobError, JobStatus } from './job'
import { rowTeam, type LookupRow, type RowCompany, type RowTeam } from './lookup-row'
import { bad, codes, CodedBuilder, lookUp, SparseBuilder, SparseReader, TimeBuilder, TimeReader, type Coded, type Sparse, type TimeColumn } from './table-columns'

export { LookupTableError } from './table-columns'
export type { Coded, Sparse, TimeColumn } from './table-columns'

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
  /**
   * Team mode (issue 17): each row's desk that charged it and whether it is this one (RowTeam), null for this desk's
   * own lookups. Absent when no row has one, so a local store's table is what it was before team mode.
   */
  team?: Coded<RowTeam | null>
}

/* ---------- encoding ---------- */

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
  const team = new CodedBuilder<RowTeam | null>()
  let anyTeam = false
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
    // Two errors are one entry only when everything shown is the same: the message with its parameters, or an old record's texts.
    error.add(e, e === null ? null : `${e.code}\u0000${e.text ? JSON.stringify(e.text) : '\u0001'}\u0000${e.message ?? '\u0001'}\u0000${e.zh ?? '\u0001'}\u0000${e.en ?? '\u0001'}`)
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
    const t = rowTeam(j)
    if (t) anyTeam = true
    team.add(t, t === null ? null : `${t.chargedHere ? 1 : 0}${t.desk}`)
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
    ...(anyTeam ? { team: team.build() } : {}),
  }
}

/* ---------- decoding ---------- */

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
  const team = t.team === undefined ? null : codes(t.team, n, 'team')

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
      team: team === null ? null : lookUp(team.dict, team.code[i] as number, 'team'),
    })
  }
  for (const r of [normalized, jobid, createdAt, submittedAt, completedAt, expiresAt, nextPollAt, updatedAt, companyAt]) r.end(n)
  return rows
}
