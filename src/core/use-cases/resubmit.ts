/**
 * Resubmitting finished lookups: a new charged call each, so only lookups in RESUBMITTABLE states, one call per
 * company, and never while another lookup of that company is queued, running or uncertain. The window sends a
 * selection all or nothing; the CLI one lookup by reference, or every lookup in some states after saying what it
 * would charge. The checks themselves are LookupService's (planResubmit), so each path applies the same ones.
 */
import { JOB_STATUSES, RESUBMITTABLE, type Job, type JobStatus } from '../../shared/domain/job'
import type { ResubmitPlan } from '../jobs/lookup-service'
import type { Services } from '../services'

export { NotFoundError, NotResubmittableError, TwinRunningError, type ResubmitPlan } from '../jobs/lookup-service'

type Deps = Pick<Services, 'lookups'>

/** A lookup state the user may ask to resubmit (the text is a status name given on a command line). */
export function isResubmittableStatus(status: string): status is JobStatus {
  return (JOB_STATUSES as readonly string[]).includes(status) && RESUBMITTABLE.includes(status as JobStatus)
}

/** All or nothing: throws NotFoundError, NotResubmittableError or TwinRunningError, charging nothing. */
export function resubmitTogether(services: Deps, ids: readonly string[]): string[] {
  return services.lookups.resubmitAll(ids).map((j) => j.id)
}

/** One lookup by local id, jobid or keyword; throws as resubmitTogether does. */
export function resubmitOne(services: Deps, ref: string): Job {
  return services.lookups.resubmit(ref)
}

export interface PlannedResubmit {
  /** Every lookup in the asked states, oldest first (empty: nothing to do). */
  ids: string[]
  plan: ResubmitPlan
}

/** What resubmitting every lookup in these states would send and leave out. Charges nothing. */
export function planResubmitByStatus(services: Deps, statuses: JobStatus[]): PlannedResubmit {
  const ids = services.lookups.list({ status: statuses }).map((j) => j.id)
  return { ids, plan: services.lookups.planResubmit(ids) }
}

/** Sends what planResubmitByStatus planned: one charged call per company, the others left as they are. */
export function resubmitPlanned(services: Deps, planned: PlannedResubmit): Job[] {
  const together = new Set(planned.ids)
  return planned.plan.send.map((job) => services.lookups.resubmit(job.id, together))
}
