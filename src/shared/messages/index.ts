/**
 * ONE catalogue of message codes with typed parameters, rendered in the reader's language wherever it is shown: the
 * window (renderer i18n), the CLI (--lang / LANG), notifications. The core builds `msg(code, params)` and never a
 * sentence. Each domain keeps its entries in its own file; this file only joins them.
 */
import type { Entry, Lang, MessageData } from './define'
import { auditMessages } from './audit'
import { batchMessages } from './batch'
import { cliMessages } from './cli'
import { cliShowMessages } from './cli-show'
import { cliSubmitMessages } from './cli-submit'
import { keywordMessages } from './keyword'
import { importMessages } from './import'
import { backupMessages } from './backup'
import { settingsMessages } from './settings'
import { teamSettingsMessages } from './team-settings'
import { dataMessages } from './data'
import { exportMessages } from './export'
import { ipcMessages } from './ipc'
import { desktopMessages } from './desktop'
import { notifyMessages } from './notify'
import { apiMessages } from './api'
import { jobMessages } from './job'
import { engineMessages } from './engine'
import { recoveryMessages } from './recovery'
import { runMessages } from './run'
import { teamMessages } from './team'
import { teamConnectionMessages } from './team-connection'
import { teamAdminMessages } from './team-admin'

export type { Lang, MessageData } from './define'

export const catalogue = {
  ...apiMessages,
  ...jobMessages,
  ...engineMessages,
  ...recoveryMessages,
  ...runMessages,
  ...backupMessages,
  ...keywordMessages,
  ...importMessages,
  ...settingsMessages,
  ...teamSettingsMessages,
  ...dataMessages,
  ...exportMessages,
  ...cliMessages,
  ...cliShowMessages,
  ...cliSubmitMessages,
  ...auditMessages,
  ...batchMessages,
  ...ipcMessages,
  ...desktopMessages,
  ...notifyMessages,
  ...teamMessages,
  ...teamConnectionMessages,
  ...teamAdminMessages,
}

type Catalogue = typeof catalogue
export type MessageCode = keyof Catalogue
export type ParamsOf<C extends MessageCode> = Catalogue[C] extends Entry<infer P> ? P : never

/** A message of one code with its parameters (a discriminated union over every code). */
export type Message = {
  [C in MessageCode]: keyof ParamsOf<C> extends never ? { code: C; params?: undefined } : { code: C; params: ParamsOf<C> }
}[MessageCode]

type ParamArgs<C extends MessageCode> = keyof ParamsOf<C> extends never ? [] : [params: ParamsOf<C>]

/** Builds a message; the parameters are checked against the code's entry. */
export function msg<C extends MessageCode>(code: C, ...args: ParamArgs<C>): Message {
  return (args.length ? { code, params: args[0] } : { code }) as Message
}

export function isMessageCode(code: string): code is MessageCode {
  return Object.prototype.hasOwnProperty.call(catalogue, code)
}

/**
 * The message in one language. A message read from a file or sent by another version may carry a code this
 * catalogue lacks or parameters it does not expect: it is shown as its code rather than as a broken sentence.
 */
export function render(m: MessageData, lang: Lang): string {
  if (!isMessageCode(m.code)) return m.code
  const e = catalogue[m.code] as Entry<unknown>
  const say = (n: MessageData) => render(n, lang)
  try {
    return e[lang](m.params ?? {}, say)
  } catch {
    return m.code
  }
}

/** Both languages at once, for records and --json shapes that have always carried `zh` and `en`. */
export function renderBoth(m: MessageData): { zh: string; en: string } {
  return { zh: render(m, 'zh-CN'), en: render(m, 'en') }
}
