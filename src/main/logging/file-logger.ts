import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Logger } from '../../core/ports'
import { redactSecrets } from './redact'

export interface FileLoggerOptions {
  file: string
  /** Values that must never be written (the current API key). */
  secrets: () => readonly (string | null)[]
  maxBytes?: number
  clock?: () => number
  echo?: boolean
}

type Level = 'info' | 'warn' | 'error'

/**
 * One JSON line per entry in `<userData>/logs/main.log`, rotated once to `main.log.1` at 1 MB. Every line is
 * redacted as a whole, so a secret inside `data` is caught as well as one inside `msg`.
 */
export function createFileLogger(opts: FileLoggerOptions): Logger {
  const maxBytes = opts.maxBytes ?? 1_000_000
  const now = opts.clock ?? Date.now
  let broken = false
  let folderReady = false

  function write(level: Level, msg: string, data?: Record<string, unknown>): void {
    let line: string
    try {
      line = JSON.stringify({ t: new Date(now()).toISOString(), level, msg, ...(data ? { data } : {}) })
    } catch {
      line = JSON.stringify({ t: new Date(now()).toISOString(), level, msg, data: '[unserialisable]' })
    }
    line = redactSecrets(line, opts.secrets())
    if (opts.echo) (level === 'error' ? console.error : level === 'warn' ? console.warn : console.log)(line)
    if (broken) return
    try {
      if (!folderReady) mkdirSync(dirname(opts.file), { recursive: true })
      folderReady = true
      if (size(opts.file) > maxBytes) renameSync(opts.file, `${opts.file}.1`)
      appendFileSync(opts.file, `${line}\n`, { mode: 0o600 })
    } catch {
      // A log that cannot be written must not take the app down; stop trying.
      broken = true
    }
  }

  return {
    info: (msg, data) => write('info', msg, data),
    warn: (msg, data) => write('warn', msg, data),
    error: (msg, data) => write('error', msg, data),
  }
}

function size(file: string): number {
  try {
    return statSync(file).size
  } catch {
    return 0
  }
}
