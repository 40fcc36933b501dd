/**
 * Main's messages are "中文 / English", ready to show. The detail view shows the half for the current language
 * when the text has exactly one separator; anything else is shown whole rather than guessed at.
 */
export function pickLanguage(message: string, lang: 'zh-CN' | 'en'): string {
  const parts = message.split(' / ')
  if (parts.length !== 2) return message
  const [zh, en] = parts as [string, string]
  return (lang === 'en' ? en : zh).trim() || message
}

/** A message main keeps in each language (job errors, engine pauses), with the combined form next to them. */
export interface LocalizedMessage {
  message: string
  zh?: string
  en?: string
}

/** The message in the UI's language; records written before each language was kept apart fall back to splitting. */
export function localized(m: LocalizedMessage, lang: 'zh-CN' | 'en'): string {
  const own = lang === 'en' ? m.en : m.zh
  return own?.trim() ? own : pickLanguage(m.message, lang)
}
