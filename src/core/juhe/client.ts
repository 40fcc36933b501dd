/**
 * The Juhe 小微企业 client: JOB申请 (charged) and 详情数据 (free), over the `Http` port.
 *
 * The key only ever travels in the POST body: never in a URL, a log line or an error (every text leaving this module
 * is scrubbed of it as a last line of defence). The client never throws; every failure is an `ApiError` whose
 * `action` tells the engine what to do, and a charged call whose fate is unknown is always 'uncertain'.
 */
import { HttpFailure, silentLogger, type Http, type HttpResponse, type Logger } from '../ports'
import { badBaseUrlError, badInputError, badResponseError, networkError, noKeyError, type JuheCall } from './error-codes'
import { isValidJobid, parsePollResponse, parseSubmitResponse } from './parse'
import type { ApiError, JuheClient, PollOutcome, SubmitOutcome } from './types'
import { resolveEndpoint } from './endpoint'

export { DEFAULT_JUHE_BASE_URL, resolveEndpoint } from './endpoint'
export const JUHE_SUBMIT_PATH = '/enterprise/App/MicroEnt/query'
export const JUHE_RESULT_PATH = '/enterprise/App/MicroEnt/result'
export const DEFAULT_TIMEOUT_MS = 15_000
export const DEFAULT_MAX_BYTES = 256 * 1024

export interface JuheClientDeps {
  http: Http
  /** The server root, e.g. DEFAULT_JUHE_BASE_URL or a local simulator; an empty string means the default. */
  baseUrl: () => string
  key: () => string | null
  timeoutMs?: number
  maxBytes?: number
  logger?: Logger
}

type Sent = { ok: true; res: HttpResponse } | { ok: false; error: ApiError }

export function createJuheClient(deps: JuheClientDeps): JuheClient {
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxBytes = deps.maxBytes ?? DEFAULT_MAX_BYTES
  const logger = deps.logger ?? silentLogger

  function readKey(): string | null {
    try {
      const key = deps.key()
      return typeof key === 'string' && key.trim() !== '' ? key.trim() : null
    } catch {
      return null
    }
  }

  /** Removes the key (raw and URL-encoded) from any text; applied to everything that leaves the module. */
  function scrubber(key: string | null): (text: string) => string {
    if (!key) return (text) => text
    const forms = [...new Set([key, encodeURIComponent(key), new URLSearchParams({ k: key }).toString().slice(2)])]
    return (text) => forms.reduce((t, f) => t.split(f).join('***'), text)
  }

  function scrubError(error: ApiError, scrub: (t: string) => string): ApiError {
    // `text` is a catalogue code with numbers and fixed names as parameters: nothing a key could be in.
    const out: ApiError = { ...error }
    if (error.reason !== undefined) out.reason = scrub(error.reason)
    if (error.detail !== undefined) out.detail = scrub(error.detail)
    return out
  }

  function log(level: 'info' | 'warn', scrub: (t: string) => string, msg: string, data: Record<string, unknown>): void {
    try {
      const clean = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === 'string' ? scrub(v) : v]))
      logger[level](scrub(msg), clean)
    } catch {
      // A broken logger must not break a charged call.
    }
  }

  async function send(call: JuheCall, path: string, key: string, params: [string, string][]): Promise<Sent> {
    let url: string | null
    try {
      url = resolveEndpoint(deps.baseUrl(), path)
    } catch {
      url = null
    }
    if (!url) return { ok: false, error: badBaseUrlError() }
    const body = new URLSearchParams([['key', key], ...params]).toString()
    try {
      const res = await deps.http.request({
        url,
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body,
        timeoutMs,
        maxBytes,
      })
      return { ok: true, res }
    } catch (err) {
      // The port promises HttpFailure only; anything else comes from a broken transport whose progress is unknown.
      const failure = err instanceof HttpFailure ? err : new HttpFailure('other', true, 'transport error')
      return { ok: false, error: networkError(failure, call) }
    }
  }

  function report(call: JuheCall, scrub: (t: string) => string, started: number, outcome: SubmitOutcome | PollOutcome, extra: Record<string, unknown>): void {
    const ms = Date.now() - started
    if (outcome.type === 'error') {
      const e = outcome.error
      log('warn', scrub, `juhe ${call} failed`, { ...extra, code: e.code, action: e.action, detail: e.detail, reason: e.reason, ms })
    } else {
      log('info', scrub, `juhe ${call} answered`, { ...extra, outcome: outcome.type, ms })
    }
  }

  async function submit(keyword: string): Promise<SubmitOutcome> {
    const started = Date.now()
    const key = readKey()
    const scrub = scrubber(key)
    let outcome: SubmitOutcome
    try {
      const kw = typeof keyword === 'string' ? keyword.trim() : ''
      if (!key) outcome = { type: 'error', error: noKeyError() }
      else if (!kw) outcome = { type: 'error', error: badInputError('keyword') }
      else {
        const sent = await send('submit', JUHE_SUBMIT_PATH, key, [['keyword', kw]])
        outcome = sent.ok ? parseSubmitResponse(sent.res) : { type: 'error', error: sent.error }
      }
    } catch {
      outcome = { type: 'error', error: badResponseError('submit', 'internal error') }
    }
    if (outcome.type === 'error') outcome = { type: 'error', error: scrubError(outcome.error, scrub) }
    report('submit', scrub, started, outcome, outcome.type === 'accepted' ? { jobid: outcome.jobid } : {})
    return outcome
  }

  async function fetchResult(jobid: string): Promise<PollOutcome> {
    const started = Date.now()
    const key = readKey()
    const scrub = scrubber(key)
    let outcome: PollOutcome
    try {
      if (!key) outcome = { type: 'error', error: noKeyError() }
      else if (!isValidJobid(jobid)) outcome = { type: 'error', error: badInputError('jobid') }
      else {
        const sent = await send('poll', JUHE_RESULT_PATH, key, [['jobid', jobid]])
        outcome = sent.ok ? parsePollResponse(sent.res) : { type: 'error', error: sent.error }
      }
    } catch {
      outcome = { type: 'error', error: badResponseError('poll', 'internal error') }
    }
    if (outcome.type === 'error') outcome = { type: 'error', error: scrubError(outcome.error, scrub) }
    report('poll', scrub, started, outcome, isValidJobid(jobid) ? { jobid } : {})
    return outcome
  }

  async function checkSubmitEndpoint(): Promise<SubmitOutcome> {
    const started = Date.now()
    const key = readKey()
    const scrub = scrubber(key)
    let outcome: SubmitOutcome
    try {
      if (!key) outcome = { type: 'error', error: noKeyError() }
      else {
        const sent = await send('submit', JUHE_SUBMIT_PATH, key, [])
        outcome = sent.ok ? parseSubmitResponse(sent.res) : { type: 'error', error: sent.error }
      }
    } catch {
      outcome = { type: 'error', error: badResponseError('submit', 'internal error') }
    }
    if (outcome.type === 'error') outcome = { type: 'error', error: scrubError(outcome.error, scrub) }
    report('submit', scrub, started, outcome, { check: 'no keyword' })
    return outcome
  }

  return { submit, fetchResult, checkSubmitEndpoint }
}
