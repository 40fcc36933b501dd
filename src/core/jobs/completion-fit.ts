import type { Job } from '../../shared/domain/job'
import { buildPollOffsets, DEFAULT_FIT, DEFAULT_POLL_OFFSETS, type CompletionFit } from './poll-schedule'

/** How many recent completions shape the fit, and how much the default counts (as if observed this often). */
export const FIT_WINDOW = 2_000
export const PRIOR_WEIGHT = 200
const MIN_MEDIAN_MS = 30_000
const MAX_MEDIAN_MS = 3 * 3600_000

/**
 * Re-fits the poll schedule from the completion times this installation has seen. A job is known done at a poll;
 * it finished somewhere in the gap before, so the midpoint of that gap is taken as its duration. The default fit is
 * kept as a prior so a handful of odd jobs cannot swing the schedule, and the result is bounded.
 */
export class CompletionModel {
  private durations: number[] = []
  private offsets: readonly number[] = DEFAULT_POLL_OFFSETS
  private fitted: CompletionFit = DEFAULT_FIT

  /** `scale` is MICROENT_TIME_SCALE: stored times are scaled, the model is not. */
  constructor(private readonly scale: () => number) {}

  /** Seeds the model from finished jobs already on disk (newest first wins the window). */
  seed(jobs: Job[]): void {
    const done = jobs.filter((j) => j.status === 'done' && j.submittedAt !== null && j.completedAt !== null)
    done.sort((a, b) => (a.completedAt as number) - (b.completedAt as number))
    this.durations = []
    for (const j of done.slice(-FIT_WINDOW)) this.push(j)
    this.refit()
  }

  observe(job: Job): void {
    if (job.status !== 'done' || job.submittedAt === null || job.completedAt === null) return
    this.push(job)
    if (this.durations.length > FIT_WINDOW) this.durations.splice(0, this.durations.length - FIT_WINDOW)
    // Refitting is cheap but pointless per job: every 50 observations is plenty.
    if (this.durations.length % 50 === 0) this.refit()
  }

  schedule(): readonly number[] {
    return this.offsets
  }

  fit(): CompletionFit {
    return this.fitted
  }

  private push(job: Job): void {
    const known = ((job.completedAt as number) - (job.submittedAt as number)) / this.scale()
    if (!(known > 0)) return
    let prev = 0
    for (const o of this.offsets) {
      if (o >= known * 0.98) break
      prev = o
    }
    this.durations.push(Math.max(1_000, (prev + known) / 2))
  }

  private refit(): void {
    const n = this.durations.length
    const mu0 = Math.log(DEFAULT_FIT.medianMs)
    const s0 = DEFAULT_FIT.sigma
    let sum = mu0 * PRIOR_WEIGHT
    for (const d of this.durations) sum += Math.log(d)
    const mu = sum / (n + PRIOR_WEIGHT)
    let sq = (s0 * s0 + (mu0 - mu) ** 2) * PRIOR_WEIGHT
    for (const d of this.durations) sq += (Math.log(d) - mu) ** 2
    const sigma = Math.min(2, Math.max(0.3, Math.sqrt(sq / (n + PRIOR_WEIGHT))))
    const medianMs = Math.min(MAX_MEDIAN_MS, Math.max(MIN_MEDIAN_MS, Math.exp(mu)))
    this.fitted = { medianMs, sigma }
    this.offsets = n === 0 ? DEFAULT_POLL_OFFSETS : buildPollOffsets(this.fitted)
  }
}
