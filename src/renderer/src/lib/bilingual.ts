/**
 * Texts from main in the window's language. New records carry a catalogue message (`text`), rendered with the
 * window's say() (its language, demo wording); records written before the catalogue (`message` "中文 / English",
 * `zh` / `en`) show the part in the window's language (shared/messages/legacy.ts).
 */
import { legacyHalf, messageOf, type LegacyText } from '../../../shared/messages/legacy'
import { say } from '../i18n'

/** The half of an old "中文 / English" string for the language; anything else is shown whole rather than guessed at. */
export function pickLanguage(message: string, lang: 'zh-CN' | 'en'): string {
  return legacyHalf(message, lang)
}

/** A job error, an engine pause or hold, in the window's language (reactive when called in a render or a computed). */
export function localized(m: LegacyText): string {
  return say(messageOf(m))
}
