/**
 * How a catalogue entry is written. The core says what happened as a code with parameters; each host renders it in
 * the reader's language (the window by its setting, the CLI by --lang / LANG), so no sentence is ever built twice
 * and no "中文 / English" string is ever split apart again.
 */
export type Lang = 'zh-CN' | 'en'

/** A message as it travels (IPC, JSON files): plain data. A nested message is a parameter of this shape. */
export interface MessageData {
  readonly code: string
  readonly params?: object
}

/** Renders a nested message (a parameter) in the same language. */
export type Say = (m: MessageData) => string

export interface Entry<P> {
  'zh-CN': (p: P, say: Say) => string
  en: (p: P, say: Say) => string
  /** Parameters the catalogue test renders every entry with (so each text is read at least once, in both languages). */
  example: P
  /** Parameters that count something: the English text must differ between 1 and 2 of them (tested). */
  counts?: readonly (keyof P & string)[]
}

/** Entries are written through this so that each one's parameter type is inferred from its example. */
export function entry<P extends object = Record<never, never>>(e: Entry<P>): Entry<P> {
  return e
}

const englishPlural = new Intl.PluralRules('en')

/** "1 lookup", "2 lookups": English counts with their noun (an irregular plural may be given). */
export function count(n: number, one: string, other = `${one}s`): string {
  return `${n} ${englishPlural.select(n) === 'one' ? one : other}`
}

/** The noun alone, for sentences where the number stands elsewhere. */
export function plural(n: number, one: string, other = `${one}s`): string {
  return englishPlural.select(n) === 'one' ? one : other
}
