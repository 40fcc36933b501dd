/**
 * The CLI's language: `--lang zh-CN|en` (anywhere on the line) or the locale (LC_ALL, LC_MESSAGES, LANG, as POSIX
 * orders them). Chinese is the product's default: C, POSIX or no locale at all (a scheduled task) stays Chinese.
 */
import { render, type Lang, type MessageData } from '../shared/messages'
import type { CliIo } from './io'

const NAMES: Readonly<Record<string, Lang>> = { zh: 'zh-CN', 'zh-cn': 'zh-CN', en: 'en' }

export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || ''
  return /^en\b|^en_/i.test(locale) ? 'en' : 'zh-CN'
}

/** The language a --lang value names, or null when it names none. */
export function parseLang(value: string): Lang | null {
  return NAMES[value.trim().toLowerCase()] ?? null
}

/** Takes `--lang X` / `--lang=X` out of the arguments (so every command accepts it); `value` null: not given. */
export function takeLangOption(argv: readonly string[]): { argv: string[]; value: string | null } {
  const rest: string[] = []
  let value: string | null = null
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string
    if (a === '--') {
      rest.push(...argv.slice(i))
      break
    }
    if (a === '--lang') {
      value = argv[i + 1] ?? ''
      i++
    } else if (a.startsWith('--lang=')) value = a.slice('--lang='.length)
    else rest.push(a)
  }
  return { argv: rest, value }
}

export function langOf(io: CliIo): Lang {
  return io.lang ?? langFromEnv(io.env)
}

/** A catalogue message in the CLI's language. */
export function say(io: CliIo, m: MessageData): string {
  return render(m, langOf(io))
}
