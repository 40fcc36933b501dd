import type { ErrorCode } from '../../shared/ipc/result'
import { msg, render, type Message } from '../../shared/messages'

/** Thrown by API handlers; the dispatcher turns it into a `Result` error. Never carries secrets. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly text: Message,
    readonly detail?: string,
  ) {
    // The Error's own message is for logs and stack traces only; the window shows `text` in its language.
    super(render(text, 'en'))
    this.name = 'ApiFailure'
  }
}

/**
 * The message of a core failure that carries its reason in both languages (import and export failures): its own
 * catalogue message once it has one, else the two wordings, each shown alone.
 */
export function wordedText(e: { zh: string; en: string; text?: Message }): Message {
  return e.text ?? msg('ipc.worded', { zh: e.zh, en: e.en })
}
