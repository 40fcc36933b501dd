/**
 * Texts kept in records written before the catalogue (lookups' errors, holds.json): `{ message: "中文 / English",
 * zh?, en? }`. New records carry `text` (a catalogue message); readers go through here so an old record still reads
 * in one language, and a new one is rendered from its code.
 */
import { msg, render, type Lang, type Message, type MessageData } from './index'

/** A text as records hold it: the message, or (older records) the two languages and their joined form. */
export interface LegacyText {
  text?: MessageData | null
  message?: string | null
  zh?: string | null
  en?: string | null
}

/**
 * One language's half of an old "中文 / English" string, when it has exactly one separator; anything else is
 * returned whole rather than guessed at.
 */
export function legacyHalf(message: string, lang: Lang): string {
  const parts = message.split(' / ')
  if (parts.length !== 2) return message
  const [zh, en] = parts as [string, string]
  return (lang === 'en' ? en : zh).trim() || message
}

/** The record's text as a message: its own, or the old fields kept as they were written. */
export function messageOf(t: LegacyText): Message {
  // A code this version lacks still renders (as its code): render() checks every message it is given.
  if (t.text) return t.text as Message
  const whole = t.message ?? ''
  const zh = t.zh?.trim() ? t.zh : legacyHalf(whole, 'zh-CN')
  const en = t.en?.trim() ? t.en : legacyHalf(whole, 'en')
  return msg('job.storedText', { zh, en })
}

/** The record's text in one language; `say` renders a message (the window passes its own, with demo wording). */
export function textIn(t: LegacyText, lang: Lang, say: (m: MessageData) => string = (m) => render(m, lang)): string {
  return say(messageOf(t))
}
