/** The charged-call record as the window and the CLI see it: counts, calls, and the audit export's request. */

export interface ChargeCounts {
  today: number
  month: number
  total: number
}

/**
 * One charged call from the append-only record (charges.jsonl). `lookupId` is ours (the record's lines call it jobId,
 * a file format kept as written); `jobid` is the API's.
 */
export interface ChargedCall {
  at: number
  lookupId: string
  keyword: string
  outcome: 'accepted' | 'rejected' | 'uncertain' | 'not_sent' | 'pending'
  jobid: string | null
  code: string | null
  /** The API's signature of its answer, when it carried one. */
  sign?: string
}

/** The audit export of the charged-call record: a period of Beijing days (YYYY-MM-DD, inclusive; absent: open). */
export interface ChargeExportRequest {
  from?: string
  to?: string
  format: 'xlsx' | 'csv'
}
