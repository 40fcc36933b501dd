import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AppSettings } from '../../shared/ipc/contract'
import { DEFAULT_SETTINGS, readSettings, settingsFields } from '../../core/settings'
import { MemoryStore } from '../../core/store/memory-store'
import { resolveDataDir } from '../../core/data-dir'
import { FolderLockedError, withHost } from '../context'
import { CliError, EXIT, type CliIo } from '../io'

type Key = keyof AppSettings

/** The settings a scheduled job sets, with what each takes (said when a value is refused, never zod's words). */
const SETTABLE: Partial<Record<Key, { zh: string; en: string; parse: (text: string) => unknown }>> = {
  requestsPerSecond: { zh: '大于 0、不超过 50 的数', en: 'a number above 0, at most 50', parse: Number },
  submitIntervalMs: { zh: '0 到 600000 的整数（毫秒）', en: 'a whole number of milliseconds, 0 to 600000', parse: Number },
  dailyCap: { zh: '正整数，或 none 表示不限', en: 'a positive whole number, or none for no cap', parse: nullable(Number) },
  monthlyCap: { zh: '正整数，或 none 表示不限', en: 'a positive whole number, or none for no cap', parse: nullable(Number) },
  pricePerCall: { zh: '0 到 10000 的金额（元），或 none', en: 'an amount in yuan, 0 to 10000, or none', parse: nullable(Number) },
  freshnessDays: { zh: '0 到 3650 的整数（天）', en: 'a whole number of days, 0 to 3650', parse: Number },
  baseUrl: { zh: 'http(s) 地址，或 none 表示聚合数据默认地址', en: 'an http(s) address, or none for the Juhe default', parse: nullable((s) => s) },
}

function nullable(parse: (text: string) => unknown): (text: string) => unknown {
  return (text) => (/^(none|null|)$/i.test(text.trim()) ? null : parse(text.trim()))
}

const isKey = (k: string): k is Key => k in settingsFields

/** settings.json as the app and `run` read it, without opening the data folder (the app may hold it). */
function currentSettings(io: CliIo): AppSettings {
  const path = join(resolveDataDir(io.env), 'settings.json')
  if (!existsSync(path)) return DEFAULT_SETTINGS
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    throw new CliError(EXIT.FAILURE, `无法读取 ${path}：不是有效的 JSON / ${path} could not be read: not valid JSON`)
  }
  const store = new MemoryStore()
  if (raw && typeof raw === 'object') store.setMany(raw as Record<string, unknown>)
  return readSettings(store)
}

function show(value: unknown): string {
  return value === null ? 'none' : String(value)
}

function parsePairs(pairs: string[]): Partial<AppSettings> {
  if (pairs.length === 0 || pairs.length % 2 !== 0) throw new CliError(EXIT.USAGE, '用法 usage: microent config set <key> <value> [<key> <value>…]')
  const patch: Record<string, unknown> = {}
  for (let i = 0; i < pairs.length; i += 2) {
    const key = pairs[i] ?? ''
    const spec = isKey(key) ? SETTABLE[key] : undefined
    if (!spec) throw new CliError(EXIT.USAGE, `不能用 config 设置 ${key}；可设置：${Object.keys(SETTABLE).join(', ')} / ${key} cannot be set here; settable: ${Object.keys(SETTABLE).join(', ')}`)
    const value = spec.parse(pairs[i + 1] ?? '')
    const one = settingsFields[key as Key].safeParse(value)
    if (!one.success) throw new CliError(EXIT.USAGE, `${key} 须为${spec.zh}（收到 ${pairs[i + 1]}）；未做任何更改 / ${key} takes ${spec.en} (got ${pairs[i + 1]}); nothing was changed`)
    patch[key] = one.data
  }
  return patch as Partial<AppSettings>
}

/** `config list|get <key>|set <key> <value>…`: the settings in settings.json, validated as the window validates them. */
export async function configCommand(argv: string[], io: CliIo): Promise<number> {
  // Not parseArgs: a value may start with '-' (a refused negative cap must be refused by its own message).
  const values = { json: argv.includes('--json') }
  const [verb, ...rest] = argv.filter((a) => a !== '--json')
  switch (verb) {
    case 'list': {
      const s = currentSettings(io)
      if (values.json) io.out(JSON.stringify(s, null, 2))
      else for (const key of Object.keys(s) as Key[]) io.out(`${key} = ${show(s[key])}${s[key] === DEFAULT_SETTINGS[key] ? '  (default)' : ''}`)
      return EXIT.OK
    }
    case 'get': {
      const key = rest[0] ?? ''
      if (!isKey(key)) throw new CliError(EXIT.USAGE, `没有设置项 ${key} / No setting ${key}; see microent config list`)
      const value = currentSettings(io)[key]
      io.out(values.json ? JSON.stringify(value) : show(value))
      return EXIT.OK
    }
    case 'set': {
      const patch = parsePairs(rest)
      // Through the data folder's lock: the app keeps its settings in memory and would write over a change made
      // behind its back, so while it runs the change is refused and made in its window instead.
      try {
        return await withHost(io, (host) => {
          const after = host.settings.set(patch)
          for (const key of Object.keys(patch) as Key[]) io.err(`${key} = ${show(after[key])}`)
          return EXIT.OK
        })
      } catch (err) {
        if (!(err instanceof FolderLockedError)) throw err
        const { app, pid } = err.holder
        throw new CliError(
          EXIT.FAILURE,
          `${app}（进程 ${pid}）正在使用数据目录，设置未更改：请在其设置页中修改，或先关闭它 / ${app} (pid ${pid}) holds the data folder; nothing was changed: change it in its Settings, or close it first`,
        )
      }
    }
    default:
      throw new CliError(EXIT.USAGE, '用法 usage: microent config list [--json] | config get <key> [--json] | config set <key> <value> [<key> <value>…]')
  }
}
