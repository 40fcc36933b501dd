import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { AppSettings } from '../../../src/shared/ipc/contract'
import { DEFAULT_SETTINGS, engineSettingsFrom, readSettings, SettingsStore, SettingsValidationError, settingsPatchSchema, settingsProblem } from '../../../src/core/settings'
import { DEFAULT_ENGINE_SETTINGS } from '../../../src/core/jobs/engine-settings'
import { MemoryStore } from '../../../src/core/store/memory-store'
import { msg, render } from '../../../src/shared/messages'
import { openConfFileStore } from '../../../src/core/store/conf-file-store'

const clock = { now: () => Date.UTC(2026, 11, 6, 8, 0, 0) }

/** Every field set to something other than its default, so a reset to the default shows. */
const configured: AppSettings = {
  baseUrl: 'http://127.0.0.1:8787',
  requestsPerSecond: 3.5,
  submitIntervalMs: 2500,
  freshnessDays: 7,
  dailyCap: 50,
  monthlyCap: 900,
  pricePerCall: 0.1,
  language: 'en',
  theme: 'light',
  notifications: 'failures',
  closeToTray: false,
  exportPlaceholder: '暂无',
  exportFormat: 'csv',
  teamDatabaseUrl: 'postgres://desk@db.example.cn:5432/microent',
  teamDesk: '前台-1',
}

/** A second value for each field, again not the default. */
const changed: AppSettings = {
  baseUrl: 'https://proxy.example.cn',
  requestsPerSecond: 1,
  submitIntervalMs: 0,
  freshnessDays: 90,
  dailyCap: 10,
  monthlyCap: 200,
  pricePerCall: 0.25,
  language: 'zh-CN',
  theme: 'dark',
  notifications: 'off',
  closeToTray: true,
  exportPlaceholder: '-',
  exportFormat: 'xlsx',
  teamDatabaseUrl: 'postgresql://team@10.0.0.5/lookups?sslmode=verify-full',
  teamDesk: 'desk-2',
}

const open = (dir: string) => new SettingsStore(openConfFileStore(dir, 'settings', clock).store)
/** settings.json without conf's own bookkeeping key. */
function onDisk(dir: string): Record<string, unknown> {
  const { __internal__: _conf, ...rest } = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as Record<string, unknown>
  return rest
}
const fields = Object.keys(DEFAULT_SETTINGS) as (keyof AppSettings)[]

describe('SettingsStore: a change names its fields and touches no other', () => {
  it('the test values differ from the defaults and from each other in every field', () => {
    for (const f of fields) {
      expect(configured[f], f).not.toEqual(DEFAULT_SETTINGS[f])
      expect(changed[f], f).not.toEqual(configured[f])
    }
  })

  it.each(fields)('changing %s alone leaves every other setting as it was, in memory, on disk and after a restart', (field) => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-settings-'))
    open(dir).set(configured)

    const store = open(dir)
    // Through the IPC schema too: this is what main receives from the window.
    const patch = settingsPatchSchema.parse({ [field]: changed[field] })
    expect(Object.keys(patch)).toEqual([field])
    const after = store.set(patch)

    const expected = { ...configured, [field]: changed[field] }
    expect(after).toEqual(expected)
    expect(store.get()).toEqual(expected)
    expect(onDisk(dir)).toEqual(expected)
    expect(open(dir).get()).toEqual(expected)
  })

  it('an invalid change is refused whole and changes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-settings-'))
    const store = open(dir)
    store.set(configured)
    expect(() => store.set({ theme: 'dark', dailyCap: -5 } as Partial<AppSettings>)).toThrow()
    expect(() => store.set({ unknown: 1 } as unknown as Partial<AppSettings>)).toThrow()
    expect(store.get()).toEqual(configured)
    expect(open(dir).get()).toEqual(configured)
  })

  it("a refusal names each wrong field with what it takes, in the reader's language, never zod's words", () => {
    const store = open(mkdtempSync(join(tmpdir(), 'microent-settings-')))
    const refusal = (patch: unknown): SettingsValidationError => {
      try {
        store.set(patch as Partial<AppSettings>)
      } catch (err) {
        if (err instanceof SettingsValidationError) return err
      }
      throw new Error('expected a SettingsValidationError')
    }
    const bad = refusal({ requestsPerSecond: 80, dailyCap: -5 })
    expect(bad.text).toEqual(msg('settings.invalid', { fields: ['requestsPerSecond', 'dailyCap'] }))
    expect(render(bad.text, 'zh-CN')).toBe('设置未保存：“每秒请求数”须为大于 0、不超过 50 的数；“每日收费上限”须为正整数，或留空表示不限。')
    expect(render(bad.text, 'en')).toBe('Settings not saved: Requests per second takes a number above 0, at most 50; Daily charged-call cap takes a positive whole number, or empty for no cap.')
    expect(render(bad.text, 'en')).not.toMatch(/Too (big|small)|expected/i)
    // zod's words stay for the log.
    expect(bad.issues.join(' ')).toMatch(/requestsPerSecond/)
    const unknown = refusal({ colour: 'red' })
    expect(render(unknown.text, 'en')).toBe('Settings not saved: colour is not a setting of this version.')
  })

  it('an empty change writes nothing and keeps the caps', () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-settings-'))
    open(dir).set({ dailyCap: 50, monthlyCap: 900 })
    expect(open(dir).set({})).toMatchObject({ dailyCap: 50, monthlyCap: 900 })
    expect(onDisk(dir)).toEqual({ dailyCap: 50, monthlyCap: 900 })
  })

  it('clearing a cap is an explicit null, not an absent field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-settings-'))
    const store = open(dir)
    store.set({ dailyCap: 50, monthlyCap: 900 })
    store.set({ dailyCap: null })
    expect(open(dir).get()).toMatchObject({ dailyCap: null, monthlyCap: 900 })
  })
})

describe('team mode settings (issue 17)', () => {
  const store = () => open(mkdtempSync(join(tmpdir(), 'microent-settings-')))
  it.each([
    'postgres://desk@db.example.cn/microent',
    'postgresql://db.example.cn:6543/microent?sslmode=require',
    'postgres:///microent?host=/var/run/postgresql',
  ])('takes a postgres URL without a password: %s', (url) => {
    expect(store().set({ teamDatabaseUrl: url }).teamDatabaseUrl).toBe(url)
  })

  it.each([
    ['a password in it', 'postgres://desk:secret@db.example.cn/microent'],
    ['a password parameter', 'postgres://desk@db.example.cn/microent?sslmode=require&password=secret'],
    ['another scheme', 'mysql://desk@db.example.cn/microent'],
    ['no scheme', 'db.example.cn:5432/microent'],
    ['white space', 'postgres://desk@db.example.cn/micro ent'],
    ['not a URL', 'postgres://['],
    ['a parameter libpq would refuse', 'postgres://desk@db.example.cn/microent?ssl=true'],
    ['an unknown sslmode', 'postgres://desk@db.example.cn/microent?sslmode=sometimes'],
    ['several hosts', 'postgres://desk@db1,db2/microent'],
  ])('refuses a URL with %s, naming the field and what it takes', (_why, url) => {
    const s = store()
    expect(() => s.set({ teamDatabaseUrl: url })).toThrow(SettingsValidationError)
    expect(s.get().teamDatabaseUrl).toBeNull()
    expect(render(settingsProblem([{ path: ['teamDatabaseUrl'] }]), 'en')).toBe(
      'Settings not saved: Team database URL takes a postgres:// or postgresql:// URL without its password (kept in the OS key store), or empty to work alone.',
    )
  })

  it('a desk name is 1 to 64 printable characters in any script, no space at either end', () => {
    const s = store()
    expect(s.set({ teamDesk: '合规部 张三' }).teamDesk).toBe('合规部 张三')
    expect(s.set({ teamDesk: '台'.repeat(64) }).teamDesk).toBe('台'.repeat(64))
    for (const bad of ['', ' desk', 'desk ', 'a'.repeat(65), 'desk\n2', 'desk\u00002']) {
      expect(() => s.set({ teamDesk: bad }), JSON.stringify(bad)).toThrow(SettingsValidationError)
    }
    expect(render(settingsProblem([{ path: ['teamDesk'] }]), 'zh-CN')).toBe('设置未保存：“本机名称”须为1 到 64 个可打印字符，首尾无空格，或留空表示使用主机名。')
  })

  it('a password-bearing URL found in settings.json (written by hand) is dropped at read, never used', () => {
    const read = readSettings(new MemoryStore({ teamDatabaseUrl: 'postgres://u:pw@h/db', teamDesk: 'desk-1' }))
    expect(read).toMatchObject({ teamDatabaseUrl: null, teamDesk: 'desk-1' })
  })
})

describe('readSettings', () => {
  it('reads each valid value and drops each invalid or unknown one to its default, never failing the start', () => {
    const store = new MemoryStore({ dailyCap: 20, monthlyCap: 'lots', freshnessDays: -1, somethingElse: 1 })
    const read = readSettings(store)
    expect(read).toEqual({ ...DEFAULT_SETTINGS, dailyCap: 20 })
    expect(read).not.toHaveProperty('somethingElse')
  })
})

describe('settingsProblem', () => {
  it('names each wrong field once, and a field the settings lack by its key', () => {
    expect(settingsProblem([{ path: ['dailyCap'] }, { path: ['dailyCap'] }, { path: [], keys: ['colour'] }])).toEqual({ code: 'settings.invalid', params: { fields: ['dailyCap', 'colour'] } })
  })
})

describe('engineSettingsFrom', () => {
  it('gives the engine the pace and caps the user set, at the time scale', () => {
    const s = { ...DEFAULT_SETTINGS, dailyCap: 7, monthlyCap: 70, submitIntervalMs: 2500, requestsPerSecond: 1 }
    expect(engineSettingsFrom(s, 0.01)).toEqual({ ...DEFAULT_ENGINE_SETTINGS, dailyCap: 7, monthlyCap: 70, submitIntervalMs: 2500, requestsPerSecond: 1, timeScale: 0.01 })
  })
})
