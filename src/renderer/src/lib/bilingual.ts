/**
 * Texts from main in the window's language. New records carry a catalogue message (`text`), rendered with the
 * window's say() (its language, demo wording); records written before the catalogue (`message` "中文 / English",
 * `zh` / `en`) show the part in the window's language (shared/messages/legacy.ts).
 */
import { messageOf, type LegacyText } from '../../../shared/messages/legacy'
import { say } from '../i18n'

/** A job error, an engine pause or hold, in the window's language (reactive when called in a render or a computed). */
export function localized(m: LegacyText): string {
  return say(messageOf(m))
}
