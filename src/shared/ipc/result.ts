import type { MessageData } from '../messages/define'

/** Errors never throw across IPC: every call answers with this envelope. */
export const ERROR_CODES = [
  'VALIDATION', // the payload did not match the contract; nothing changed
  'NOT_FOUND',
  'NOT_ALLOWED', // the action does not apply to this item (e.g. resubmitting a pending lookup)
  'UNTRUSTED_SENDER',
  'KEY_MISSING',
  'KEY_STORAGE_UNAVAILABLE', // safe storage is unavailable or weak: the user must choose
  'LOCKED', // another process holds the data folder
  'IO', // a file could not be read or written
  'IMPORT_FAILED',
  'EXPORT_FAILED',
  'CANCELLED', // the user closed a dialog
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface IpcError {
  code: ErrorCode
  /** What went wrong, as a catalogue message: the window renders it in its own language (never a joined string). */
  text: MessageData
  /** Extra facts for the message (a file name, a detail code). Never contains secrets, nor a library's own wording. */
  detail?: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, text: MessageData, detail?: string): Result<never> => ({
  ok: false,
  error: detail === undefined ? { code, text } : { code, text, detail },
})
