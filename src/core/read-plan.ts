import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { forecastCost } from './jobs/cost-forecast'
import type { KeywordInput } from '../shared/ipc/contract'
import { planLookups, type Plan } from './jobs/lookup-planner'
import { apiSource } from './juhe/source'
import type { ReadView } from './read-view'
import { readSettings, type Settings } from './settings'
import { MemoryStore } from './store/memory-store'

/** settings.json as it is, read without writing (a damaged file reads as the defaults; the next writer sets it aside). */
export function readSettingsFile(dataDir: string): Settings {
  const store = new MemoryStore()
  const path = join(dataDir, 'settings.json')
  try {
    if (existsSync(path)) {
      const raw: unknown = JSON.parse(readFileSync(path, 'utf8'))
      if (raw && typeof raw === 'object' && !Array.isArray(raw)) store.setMany(raw as Record<string, unknown>)
    }
  } catch {
    // the defaults
  }
  return readSettings(store)
}

/**
 * What submitting these rows would do, from a read-only view (`submit --dry-run`, while the app or a `run` may hold
 * the folder): the same planner, duplicate checks and cost forecast as LookupService.plan, charging nothing.
 */
export function planFromView(view: ReadView, inputs: KeywordInput[], opts: { force: boolean; now: number; settings: Settings; baseUrl: string | null }): Plan {
  const { settings, now } = opts
  const source = apiSource(opts.baseUrl ?? settings.baseUrl)
  const plan = planLookups(inputs, (n) => view.byNormalized(n), {
    now,
    freshnessMs: settings.freshnessDays * 86_400_000,
    force: opts.force,
    linked: (n) => view.byResultIdentity(n),
    source,
  })
  const queuedAhead = view.pendingJobs().filter((j) => j.status === 'queued').length
  const cost = forecastCost(plan.charged, {
    now,
    counts: view.charges.counts(now),
    queuedAhead,
    dailyCap: settings.dailyCap,
    monthlyCap: settings.monthlyCap,
    pricePerCall: settings.pricePerCall,
  })
  return { ...plan, cost }
}
