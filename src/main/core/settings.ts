import { z } from 'zod'
import type { AppSettings } from '../../shared/ipc/contract'
import type { KeyValueStore } from './ports'
import { DEFAULT_ENGINE_SETTINGS, type EngineSettings } from './jobs/engine-settings'
import { DEFAULT_FRESHNESS_MS } from './jobs/lookup-planner'

/**
 * Settings shared by the app and the CLI (`settings.json` in the data folder). The API key is not here.
 * Each field has its own schema so one bad value falls back to its default instead of losing all settings.
 */
export const settingsFields = {
  baseUrl: z.url({ protocol: /^https?$/ }).nullable().default(null),
  requestsPerSecond: z.number().positive().max(50).default(DEFAULT_ENGINE_SETTINGS.requestsPerSecond),
  submitIntervalMs: z.number().int().min(0).max(600_000).default(DEFAULT_ENGINE_SETTINGS.submitIntervalMs),
  freshnessDays: z.number().int().min(0).max(3650).default(DEFAULT_FRESHNESS_MS / 86_400_000),
  dailyCap: z.number().int().positive().nullable().default(null),
  monthlyCap: z.number().int().positive().nullable().default(null),
  language: z.enum(['zh-CN', 'en']).default('zh-CN'),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  notifications: z.enum(['off', 'failures', 'all']).default('all'),
  closeToTray: z.boolean().default(true),
  exportPlaceholder: z.enum(['暂无', '-']).default('-'),
  exportFormat: z.enum(['xlsx', 'csv']).default('xlsx'),
}

export const settingsSchema = z.object(settingsFields)
export const settingsPatchSchema = z.object(settingsFields).partial().strict()

export type Settings = AppSettings
// Keeps the contract's AppSettings and this schema in step.
const _sameShape: z.infer<typeof settingsSchema> extends AppSettings ? (AppSettings extends z.infer<typeof settingsSchema> ? true : never) : never = true
void _sameShape

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({})

/** Reads settings leniently: a bad value falls back to its default rather than stopping the app. */
export function readSettings(store: KeyValueStore): Settings {
  const raw = store.all()
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS }
  for (const key of Object.keys(settingsFields) as (keyof typeof settingsFields)[]) {
    if (!(key in raw)) continue
    const one = settingsFields[key].safeParse(raw[key])
    if (one.success) out[key] = one.data
  }
  return out as unknown as Settings
}

export class SettingsValidationError extends Error {
  constructor(readonly issues: string[]) {
    super(`设置无效 / Invalid settings: ${issues.join('; ')}`)
    this.name = 'SettingsValidationError'
  }
}

/** Settings kept in memory and written through; changes are validated field by field and all-or-nothing. */
export class SettingsStore {
  private current: Settings

  constructor(private readonly store: KeyValueStore) {
    this.current = readSettings(store)
  }

  get(): Settings {
    return this.current
  }

  set(patch: Partial<Settings>): Settings {
    const parsed = settingsPatchSchema.safeParse(patch)
    if (!parsed.success) throw new SettingsValidationError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`))
    this.current = { ...this.current, ...(parsed.data as Partial<Settings>) }
    this.store.setMany(parsed.data as Record<string, unknown>)
    return this.current
  }
}

export function engineSettingsFrom(s: Settings, timeScale: number): EngineSettings {
  return {
    ...DEFAULT_ENGINE_SETTINGS,
    requestsPerSecond: s.requestsPerSecond,
    submitIntervalMs: s.submitIntervalMs,
    dailyCap: s.dailyCap,
    monthlyCap: s.monthlyCap,
    timeScale,
  }
}
