import { type MessageData } from '../../src/shared/messages'
import { textIn, type LegacyText } from '../../src/shared/messages/legacy'

/**
 * What a catalogue message reads as in each language, for assertions on the words people see. Takes anything that
 * carries one (an issue, a job error, an engine hold) or a record written before the catalogue (zh / en / message).
 */
export const zhOf = (i: { text?: MessageData | null } | LegacyText | null | undefined): string | undefined => (i ? textIn(i, 'zh-CN') : undefined)
export const enOf = (i: { text?: MessageData | null } | LegacyText | null | undefined): string | undefined => (i ? textIn(i, 'en') : undefined)
