import type { KeyBehaviour } from './codes'
import type { Dataset } from './dataset'
import type { Fault, FaultEndpoint } from './faults'

export type { KeyBehaviour } from './codes'
export type { Endpoint, Fault, FaultEndpoint, FaultType } from './faults'

export interface CompletionContext {
  keyword: string
  /** Whether the keyword is in the data set (the job will end with a result rather than 277704). */
  found: boolean
  /** The simulator's seeded PRNG, in [0, 1). */
  random: () => number
}

/**
 * How long a job takes to complete, in simulated ms (multiplied by timeScale):
 * a number or `{type:'fixed'}` for a fixed delay, a lognormal by median and 90th percentile, or a function.
 */
export type CompletionSpec =
  | number
  | { type: 'fixed'; ms: number }
  | { type: 'lognormal'; medianMs: number; p90Ms: number; maxMs?: number }
  | ((ctx: CompletionContext) => number)

export interface SimOptions {
  /** Default 127.0.0.1. */
  host?: string
  /** Default 0 (a random free port). */
  port?: number
  /** key -> behaviour. Unknown keys get 10001. Default `{ 'test-key': 'ok' }`. */
  keys?: Record<string, KeyBehaviour>
  /** Clock in ms, default Date.now. */
  now?: () => number
  /** Multiplies every simulated duration (completion delay, jobid TTL). Default: env MICROENT_TIME_SCALE or 1. */
  timeScale?: number
  /** Job completion delay. Default lognormal, median 5 min, p90 20 min, capped at 6 h. */
  completion?: CompletionSpec
  /** PRNG seed for the data set, jobids, signs and delays. Default 'microent'. */
  seed?: number | string
  /** Companies to generate when `dataset` is not given. Default 200. */
  datasetSize?: number
  /** A prebuilt data set (overrides seed/datasetSize for the companies). */
  dataset?: Dataset
  /** jobid lifetime in simulated ms. Default 24 h. */
  jobTtlMs?: number
  /** Max API requests per second per client IP, both endpoints together; beyond it 10011. Default off. */
  rateLimit?: number | null
  /** Max charged (query) calls per key; beyond it 10012. Default off. */
  quota?: number | null
  /**
   * When an unknown keyword gives 277704: 'result' (default) accepts and charges the query and the job ends with
   * 277704 on the result endpoint; 'query' answers 277704 to the query directly, without charging.
   */
  noResultStage?: 'query' | 'result'
  /** Max POST body size in bytes; larger bodies get HTTP 413. Default 64 KiB. */
  maxBodyBytes?: number
}

export interface SimStats {
  /** Accepted charged calls (the query endpoint answered with a jobid, whether or not the answer arrived). */
  charged: number
  chargedByKeyword: Record<string, number>
  /** Requests to the result endpoint (all of them, faulted ones included). */
  polls: number
  /** Requests to both API endpoints (admin requests not counted). */
  requests: number
  /** API requests that carried `key` in the URL query string. */
  keyInUrl: number
  /** error_code values the simulator produced (as strings), including answers then lost by a fault. */
  byCode: Record<string, number>
  /** Faults applied, by type. */
  faults: Record<string, number>
}

export interface Simulator {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  readonly url: string
  readonly port: number
  readonly queryUrl: string
  readonly resultUrl: string
  readonly dataset: Dataset
  /** The simulator's clock: options.now() plus any advanceTime(). */
  now(): number
  /** Stops listening and destroys every open socket (hanging requests included). Idempotent. */
  close(): Promise<void>
  stats(): SimStats
  injectFault(endpoint: FaultEndpoint, fault: Fault, times?: number): void
  clearFaults(): void
  setKeyBehaviour(key: string, behaviour: KeyBehaviour): void
  /** Moves the simulator's clock forward by `ms` (real, unscaled ms). */
  advanceTime(ms: number): void
  /** Clears stats, jobs, faults, quota use, rate windows and the clock offset; restores the initial keys. */
  reset(): void
}

export const QUERY_PATH = '/enterprise/App/MicroEnt/query'
export const RESULT_PATH = '/enterprise/App/MicroEnt/result'
