import type { ErrorCode } from '../../shared/ipc/result'
import { render, type Message } from '../../shared/messages'

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
