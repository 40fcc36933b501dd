/**
 * The closed set of outcomes a batch's input row can have when reconciled, and how a found company matched the
 * input, with the words for each: the core reconciles (core/use-cases/reconcile-batch.ts), the workbook, the CLI and
 * the window's batch view all name them from here.
 */
import { msg, type Message } from '../messages'

export const ROW_OUTCOMES = [
  'found',
  'found_other_id',
  'no_result',
  'invalid',
  'duplicate_row',
  'known_before',
  'not_charged_cap',
  'uncertain',
  'failed',
  'expired',
  'pending',
] as const
export type RowOutcome = (typeof ROW_OUTCOMES)[number]

/** How the company found answers the input: the input is its name or code as registered, a code, or the name normalised. */
export type MatchClass = 'exact' | 'code' | 'normalized_name' | 'other'

export const OUTCOME_TEXT: Record<RowOutcome, Message> = {
  found: msg('batch.outcome.found'),
  found_other_id: msg('batch.outcome.foundOtherId'),
  no_result: msg('batch.outcome.noResult'),
  invalid: msg('batch.outcome.invalid'),
  duplicate_row: msg('batch.outcome.duplicateRow'),
  known_before: msg('batch.outcome.knownBefore'),
  not_charged_cap: msg('batch.outcome.notChargedCap'),
  uncertain: msg('batch.outcome.uncertain'),
  failed: msg('batch.outcome.failed'),
  expired: msg('batch.outcome.expired'),
  pending: msg('batch.outcome.pending'),
}

export const MATCH_TEXT: Record<MatchClass, Message> = {
  exact: msg('batch.match.exact'),
  code: msg('batch.match.code'),
  normalized_name: msg('batch.match.normalizedName'),
  other: msg('batch.match.other'),
}
