/** A batch reconciled as the window's batch view shows it (`batches:reconcile`): one row per input row. */
import type { MatchClass, RowOutcome } from '../domain/batch-outcomes'
import type { BatchSourceInfo } from '../domain/batch-rows'
import type { JobStatus } from '../domain/job'
import type { MessageData } from '../messages/define'

export interface BatchViewRow {
  /** The row in the source (the file's row, or the typed line). */
  row: number
  input: string
  outcome: RowOutcome
  /** Why, or which row or lookup answers it (a catalogue message); null when the outcome says it all. */
  detail: MessageData | null
  match: MatchClass | null
  /** A name was typed and the registered name differs. */
  nameMismatch: boolean
  /** Must be checked by hand: nothing found, not done, not charged, or a company that does not match. */
  alert: boolean
  /** The lookup whose result the row shows (its own, an earlier row's, or one made before), and its status. */
  jobId: string | null
  status: JobStatus | null
  company: { name: string; creditNo: string } | null
}

export interface BatchView {
  batch: { id: string; name: string; createdAt: number; source: BatchSourceInfo | null }
  rows: BatchViewRow[]
  /** Rows per outcome: they add up to the number of input rows. */
  counts: Record<RowOutcome, number>
  /** Rows with a company found. */
  matched: number
  /** Charged calls made for the batch's own lookups. */
  charged: number
  /** Yuan, charged calls at the price per call of the settings; null when no price is set. */
  cost: number | null
}
