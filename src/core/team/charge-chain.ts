/**
 * The team's charged-call record is hash-chained as charges.jsonl is (store/hash-chain.ts): each row keeps `entry`,
 * the exact JSON text that was hashed, `prev`, the chain state before it, and `hash` = linkHash(prev, entry). The
 * rows in `seq` order must link up from CHAIN_START, and the team row's `chain_head` must be the last hash.
 */
import { CHAIN_START, linkHash } from '../store/hash-chain'

/** What an intent row's `entry` says: the record's own words, without the link. */
export interface TeamIntentEntry {
  phase: 'intent'
  at: number
  lookupId: string
  keyword: string
  kind: 'credit_code' | 'reg_no' | 'name'
  desk: string
  user: string
  source?: string
}

/** What an outcome row's `entry` says: how the charged call of a claimed lookup ended. */
export interface TeamOutcomeEntry {
  phase: 'outcome'
  at: number
  lookupId: string
  outcome: 'accepted' | 'rejected' | 'uncertain' | 'not_sent'
  jobid: string | null
  code: string | null
  desk: string
  user: string
}

export interface ChainedRow {
  seq: string
  entry: string
  prev: string
  hash: string
}

/** The entry's text and link after `head`. */
export function chainEntry(entry: TeamIntentEntry | TeamOutcomeEntry, head: string): { entry: string; prev: string; hash: string } {
  const text = JSON.stringify(entry)
  return { entry: text, prev: head, hash: linkHash(head, text) }
}

export interface TeamChainReport {
  rows: number
  head: string
  /** Rows whose link is wrong: `link` (prev is not the state before it), `edited` (entry no longer gives hash). */
  breaks: { seq: string; kind: 'link' | 'edited' }[]
}

/** Checks rows given in `seq` order. */
export function verifyTeamChain(rows: readonly ChainedRow[]): TeamChainReport {
  let state = CHAIN_START
  const breaks: TeamChainReport['breaks'] = []
  for (const row of rows) {
    if (row.prev !== state) breaks.push({ seq: row.seq, kind: 'link' })
    else if (linkHash(row.prev, row.entry) !== row.hash) breaks.push({ seq: row.seq, kind: 'edited' })
    state = row.hash
  }
  return { rows: rows.length, head: state, breaks }
}
