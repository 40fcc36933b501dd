/**
 * Submitting keywords: the plan first (what is charged, what is a duplicate or invalid, what it costs), then what
 * may be queued. One rule for the window, the CLI and the web host.
 */
import type { BatchSummary, KeywordInput } from '../../shared/ipc/contract'
import { toBatchSummary } from '../../shared/domain/lookup-row'
import type { Plan } from '../jobs/lookup-planner'
import type { SubmitSource } from '../jobs/batch-intake'
import type { Services } from '../services'

export type SubmitVerdict =
  /** Some keywords are invalid and the caller did not say to skip them: nothing is queued. */
  | { go: false; why: 'invalid' }
  /** Nothing left to charge: duplicates, or codes failing their check that were not opted in (`awaitingOptIn`). */
  | { go: false; why: 'nothing_to_charge'; awaitingOptIn: number }
  | { go: true; charged: number }

export interface Submitted {
  plan: Plan
  jobIds: string[]
  batchId: string | null
  batch: BatchSummary | null
}

/** Charges nothing: what submitting `inputs` would do now. */
export function planSubmission(services: Pick<Services, 'lookups'>, inputs: KeywordInput[], force = false): Plan {
  return services.lookups.plan(inputs, force)
}

/** Whether a plan may be queued (the window shows the plan and lets the user choose; the CLI asks this). */
export function submitVerdict(plan: Plan, opts: { skipInvalid: boolean }): SubmitVerdict {
  if (plan.invalid > 0 && !opts.skipInvalid) return { go: false, why: 'invalid' }
  if (plan.charged === 0) return { go: false, why: 'nothing_to_charge', awaitingOptIn: plan.awaitingOptIn }
  return { go: true, charged: plan.charged }
}

/**
 * Queues the plan's charged rows (planned again at this moment: another submission may have taken some meanwhile),
 * all on disk before it returns; several rows, a file or a named batch make a batch, with every input row kept for
 * reconciliation (batch-intake.ts).
 */
export async function submitLookups(
  services: Pick<Services, 'lookups'>,
  req: { inputs: KeywordInput[]; force?: boolean; batchName?: string; source?: SubmitSource },
): Promise<Submitted> {
  const res = await services.lookups.submit(req)
  return { plan: res.plan, jobIds: res.jobs.map((j) => j.id), batchId: res.batch?.id ?? null, batch: res.batch && toBatchSummary(res.batch) }
}
