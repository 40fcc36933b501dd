import type { ErrorCode } from '../../shared/ipc/result'

/** Thrown by API handlers; the dispatcher turns it into a `Result` error. Never carries secrets. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message)
    this.name = 'ApiFailure'
  }
}
