/**
 * The machinery behind a Services object, for the core's own tests and nothing else: hosts go through use cases and
 * read models (lint forbids this module outside src/core).
 */
import type { ChargeLedger } from './jobs/charge-ledger'
import type { Engine } from './jobs/engine'
import type { JobRepository } from './jobs/job-repository'

export interface ServicesInternals {
  repo: JobRepository
  ledger: ChargeLedger
  engine: Engine
}

const kept = new WeakMap<object, ServicesInternals>()

export function keepInternals<S extends object>(services: S, internals: ServicesInternals): S {
  kept.set(services, internals)
  return services
}

/** The repository, ledger and whole engine behind `services` (also behind a copy a host made with its own start). */
export function internals(services: object): ServicesInternals {
  const found = kept.get(services)
  if (!found) throw new Error('not a Services object made by createServices')
  return found
}
