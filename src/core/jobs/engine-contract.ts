import type { BatchProgress, EngineState } from '../../shared/domain/engine'
import type { Job } from '../../shared/domain/job'
import type { JuheClient } from '../juhe/types'
import type { Clock, Logger, Timers } from '../ports'
import type { ChargeLedger } from './charge-ledger'
import type { EngineSettings } from './engine-settings'
import type { JobRepository } from './job-repository'
import type { TeamGate } from './team-gate'

/** What the engine (engine.ts) is given and what it tells: its ports, its events, and the jobid it probes with. */
export type EngineEvent =
  | { type: 'lookups:updated'; job: Job }
  | { type: 'engine:state'; state: EngineState }
  | { type: 'batches:progress'; progress: BatchProgress }
  /** Lookups the core removed by itself (a team desk's copy of a colleague's lookup, now the user's own). */
  | { type: 'lookups:deleted'; ids: string[] }
  /** Every stored lookup is loaded (the finished ones are read in the background at start). */
  | { type: 'lookups:loaded' }

export interface EngineDeps {
  repo: JobRepository
  ledger: ChargeLedger
  client: JuheClient
  clock: Clock
  timers: Timers
  settings: () => EngineSettings
  emit: (event: EngineEvent) => void
  random?: () => number
  logger?: Logger
  /** Team mode: charged calls are claimed in the team database, jobids polled under its leases (team-gate.ts). */
  team?: TeamGate
}

/** A jobid the API cannot know: asking for it costs nothing and tells whether the API is reachable. */
export const PROBE_JOBID = 'micro_00000000-0000-0000-0000-000000000000'
