import { render, type MessageData } from '../../src/shared/messages'

/** What a catalogue message reads as in each language, for assertions on the words people see. */
export const zhOf = (i: { text: MessageData } | undefined): string | undefined => (i ? render(i.text, 'zh-CN') : undefined)
export const enOf = (i: { text: MessageData } | undefined): string | undefined => (i ? render(i.text, 'en') : undefined)
