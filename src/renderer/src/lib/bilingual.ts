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
