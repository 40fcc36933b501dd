import { z } from 'zod'
import type { AppSettings } from '../shared/ipc/contract'
import type { KeyValueStore } from './ports'
import { msg, type Message } from '../shared/messages'
import { parseTeamUrl } from '../shared/domain/team'
import { DEFAULT_ENGINE_SETTINGS, type EngineSettings } from './jobs/engine-settings'
import { DEFAULT_FRESHNESS_MS } from './jobs/lookup-planner'

/**
 * Settings shared by the app and the CLI (`settings.json` in the data folder). The API key is not here.
 * Each field has its own schema so one bad value falls back to its default instead of losing all settings.
 */
/**
 * postgres:// or postgresql:// as team mode reads it (parseTeamUrl: one host, the parameters it takes, a known
 * sslmode), without a password (user info or ?password=), white space or control characters: what is saved is what
 * the desk can open, and what `microent config test-connection` would take.
 */
export function isTeamDatabaseUrl(text: string): boolean {
  if (/[\s\p{C}]/u.test(text)) return false
  const parsed = parseTeamUrl(text)
  return parsed.ok && parsed.url.password === null && isUrl(text)
}

/** Also a URL to WHATWG's parser: parseTeamUrl takes any host text ("[" included); the driver would not. */
function isUrl(text: string): boolean {
  try {
    new URL(text)
    return true
  } catch {
    return false
  }
}

/** 1 to 64 printable characters (any script), no white space at either end: it names the desk on every row. */
export function isDeskName(text: string): boolean {
  const chars = [...text]
  return chars.length >= 1 && chars.length <= 64 && text.trim() === text && !/\p{C}/u.test(text)
}

const valueFields = {
  // No user name or password in it: they would be sent as is and shown wherever the source of a result is shown.
  baseUrl: z
    .url({ protocol: /^https?$/ })
    .refine((u) => !/^[a-z]+:\/\/[^/?#]*@/i.test(u))
    .nullable(),
  requestsPerSecond: z.number().positive().max(50),
  submitIntervalMs: z.number().int().min(0).max(600_000),
  freshnessDays: z.number().int().min(0).max(3650),
  dailyCap: z.number().int().positive().nullable(),
  monthlyCap: z.number().int().positive().nullable(),
  pricePerCall: z.number().min(0).max(10_000).nullable(),
  language: z.enum(['zh-CN', 'en']),
  theme: z.enum(['system', 'light', 'dark']),
  notifications: z.enum(['off', 'failures', 'all']),
  closeToTray: z.boolean(),
  exportPlaceholder: z.enum(['暂无', '-']),
  exportFormat: z.enum(['xlsx', 'csv']),
  // Team mode (issue 17). The URL never holds the password (the OS key store does): a URL written with one is refused
  // here, so settings.json, its backups and exports cannot carry it. null: the local store alone.
  teamDatabaseUrl: z.string().max(2048).refine(isTeamDatabaseUrl).nullable(),
  // This desk's name in the team; null: the host name.
  teamDesk: z.string().refine(isDeskName).nullable(),
}

const defaults = {
  baseUrl: null,
  requestsPerSecond: DEFAULT_ENGINE_SETTINGS.requestsPerSecond,
  submitIntervalMs: DEFAULT_ENGINE_SETTINGS.submitIntervalMs,
  freshnessDays: DEFAULT_FRESHNESS_MS / 86_400_000,
  dailyCap: null,
  monthlyCap: null,
  pricePerCall: null,
  language: 'zh-CN',
  theme: 'system',
  notifications: 'all',
  closeToTray: true,
  exportPlaceholder: '-',
  exportFormat: 'xlsx',
  teamDatabaseUrl: null,
  teamDesk: null,
} as const satisfies { [K in keyof typeof valueFields]: z.infer<(typeof valueFields)[K]> }

export const settingsFields = valueFields
export const settingsSchema = z.object(valueFields)
/**
 * A change names only the fields it changes. No defaults here: zod 4 fills an absent optional field that has a
 * default, so a patch schema built from defaulted fields turned `{ theme: 'dark' }` into "and reset everything else"
 * (the caps among them).
 */
export const settingsPatchSchema = z.object(valueFields).partial().strict()

export type Settings = AppSettings
// Keeps the contract's AppSettings and this schema in step.
const _sameShape: z.infer<typeof settingsSchema> extends AppSettings ? (AppSettings extends z.infer<typeof settingsSchema> ? true : never) : never = true
void _sameShape

export const DEFAULT_SETTINGS: Settings = { ...defaults }

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

/**
 * A refused change as people read it: each wrong field with what it takes. zod's own words ("Too big: expected
 * number to be <=50") are English only and name no field a clerk knows, so they stay in `issues`, for logs.
 */
export function settingsProblem(issues: readonly { path: readonly PropertyKey[]; keys?: readonly string[] }[]): Message {
  // A field the settings lack (a strict object's unrecognized_keys) is named by its keys, not by a path.
  const fields = [...new Set(issues.flatMap((i) => (i.keys?.length ? i.keys : [String(i.path[0] ?? '?')])))]
  return msg('settings.invalid', { fields })
}

export class SettingsValidationError extends Error {
  constructor(
    /** zod's words, for logs. */
    readonly issues: string[],
    /** What the user is shown. */
    readonly text: Message,
  ) {
    super(`Invalid settings: ${issues.join('; ')}`)
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
    if (!parsed.success) {
      const issues = parsed.error.issues
      throw new SettingsValidationError(
        issues.map((i) => `${i.path.join('.')}: ${i.message}`),
        settingsProblem(issues),
      )
    }
    // Only the keys the caller named: an absent key is "unchanged", never "back to the default".
    const changes = Object.fromEntries(Object.entries(parsed.data).filter(([k]) => k in patch)) as Partial<Settings>
    this.current = { ...this.current, ...changes }
    if (Object.keys(changes).length > 0) this.store.setMany(changes as Record<string, unknown>)
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
