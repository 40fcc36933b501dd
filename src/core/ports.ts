/**
 * The outside world as the core sees it. Everything with a side effect is passed in, so tests can drive time,
 * faults and storage, and the same core runs in Electron, the CLI and the browser test host.
 */

export interface Clock {
  now(): number
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface HttpRequest {
  url: string
  method: 'POST' | 'GET'
  headers: Record<string, string>
  body?: string
  timeoutMs: number
  /** Larger answers are cut off and reported as `too_large`. */
  maxBytes: number
}

export interface HttpResponse {
  status: number
  headers: Record<string, string>
  body: string
}

/**
 * How a transport failure happened matters for charged calls:
 * `sent: false` means the request certainly never reached the server (DNS, refused, TLS/connect failure), so it is
 * safe to retry; `sent: true` means it may have been processed (timeout or reset after connecting, cut answer).
 */
export type HttpFailureKind = 'dns' | 'refused' | 'connect_timeout' | 'timeout' | 'reset' | 'too_large' | 'tls' | 'other'

export class HttpFailure extends Error {
  constructor(
    readonly kind: HttpFailureKind,
    readonly sent: boolean,
    message: string,
  ) {
    super(message)
    this.name = 'HttpFailure'
  }
}

export interface Http {
  /** Resolves with any HTTP status; rejects only with `HttpFailure`. */
  request(req: HttpRequest): Promise<HttpResponse>
}

/** A small JSON key-value store (electron-store in the app, conf in the CLI, memory in unit tests). */
export interface KeyValueStore {
  get<T>(key: string): T | undefined
  set(key: string, value: unknown): void
  /** Several keys in one write. */
  setMany(values: Record<string, unknown>): void
  delete(key: string): void
  /** Every key and value, for loading a whole store at start. */
  all(): Record<string, unknown>
}

export interface Logger {
  info(msg: string, data?: Record<string, unknown>): void
  warn(msg: string, data?: Record<string, unknown>): void
  error(msg: string, data?: Record<string, unknown>): void
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} }

// Team mode's shared database (issue 17): the port the core will depend on, and the claim it offers.
export type { TeamDatabase, TeamClaims, ClaimRequest, ClaimOutcome } from './team/ports'
