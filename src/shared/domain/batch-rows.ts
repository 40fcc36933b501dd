/**
 * A batch's input, row by row, as it was read and decided at submission: what an auditor reconciles against (every
 * row of the customer list, with what happened to it). Written once when the batch is submitted and never changed;
 * what became of each lookup is read from the lookups themselves when the batch is reconciled.
 */
import type { MessageData } from '../messages/define'
import type { IdentityMatch, KeywordKind } from './keyword'

/**
 * What submission did with a row: queued a new lookup (charged), found it invalid, found it a repeat of an earlier
 * row or of a lookup made before, held it for the user's opt-in (a code with a wrong check character), or could not
 * read it at all (a cell the spreadsheet damaged, an empty keyword cell).
 */
export type RowDecision = 'queued' | 'invalid' | 'duplicate_row' | 'known' | 'awaiting_opt_in' | 'unreadable'

export interface BatchInputRow {
  /** The row number in the source (an imported file's row, or the line of typed input). */
  row: number
  /** The value as read. */
  input: string
  normalized: string
  kind: KeywordKind
  decision: RowDecision
  /** queued: the lookup made for the row; known: the lookup made before that answers it. */
  jobId: string | null
  /** duplicate_row: the earlier row it repeats. */
  duplicateOfRow?: number
  /** known: which identifier of the stored result the input is, when not the one looked up. */
  via?: IdentityMatch
  /** invalid, awaiting_opt_in, unreadable: why (the first problem found). */
  why?: MessageData
}

/** Where a batch's input came from: the file (by name and SHA-256, sheet and column), or typed input. */
export interface BatchSourceInfo {
  kind: 'file' | 'typed'
  fileName?: string
  sha256?: string
  sheet?: string
  /** The column the keywords were taken from, as its header or letter. */
  column?: string
  /** Input rows: every one is in the batch's row file, in source order. */
  rows: number
}
