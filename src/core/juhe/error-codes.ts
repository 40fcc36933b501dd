/**
 * Every error_code of the 小微企业 API documentation, with what the engine does about it and the catalogue message
 * (shared/messages/api.ts) a compliance clerk can act on. Also the builders for errors that are not API codes (no
 * key, network, unreadable answers).
 */
import type { HttpFailure } from '../ports'
import { msg, type Message } from '../../shared/messages'
import type { NetworkFailure } from '../../shared/messages/api'
import type { ApiAction, ApiError } from './types'

export type JuheCall = 'submit' | 'poll'

export interface CodeInfo {
  action: ApiAction
  text: Message
}

interface CodeEntry extends CodeInfo {
  /** Overrides for the free 详情数据 call, where it differs from the charged JOB申请 call. */
  poll?: CodeInfo
  /** Overrides for the charged JOB申请 call. */
  submit?: CodeInfo
}

/** A key or account problem pauses every lookup until the user has fixed it: the message says so after the cause. */
const pauseKey = (cause: Message): CodeInfo => ({ action: 'pause_key', text: msg('api.allPaused', { cause }) })

export const JUHE_ERROR_CODES: Readonly<Record<number, CodeEntry>> = {
  277700: { action: 'retry', text: msg('api.serviceTimeout') },
  277701: {
    action: 'final_input',
    text: msg('api.missingParam'),
    // A paid jobid stays alive for 24 h: one such answer to the free poll does not end the lookup.
    poll: { action: 'retry', text: msg('api.missingJobid') },
  },
  277702: { action: 'final_input', text: msg('api.invalidKeyword'), poll: { action: 'retry', text: msg('api.jobidRejected') } },
  277703: { action: 'retry', text: msg('api.serviceError') },
  277704: { action: 'no_result', text: msg('api.noResult') },
  277705: { action: 'retry', text: msg('api.serviceUnknownError') },
  277706: {
    action: 'keep_polling',
    text: msg('api.stillRunning'),
    // Without a jobid there is nothing to poll, and whether the charged call was billed is unknown.
    submit: { action: 'uncertain', text: msg('api.runningWithoutJobid') },
  },
  10001: pauseKey(msg('api.keyInvalid')),
  10002: pauseKey(msg('api.keyNoAccess')),
  10003: pauseKey(msg('api.keyExpired')),
  10004: pauseKey(msg('api.openIdWrong')),
  10005: pauseKey(msg('api.accountUnverified')),
  10007: pauseKey(msg('api.sourceRejected')),
  10008: pauseKey(msg('api.ipBlocked')),
  10009: pauseKey(msg('api.keyBlocked')),
  10011: { action: 'cooldown', text: msg('api.rateLimited') },
  10012: { action: 'stop_submit', text: msg('api.quotaUsedUp') },
  10013: { action: 'stop_submit', text: msg('api.testQuotaUsedUp') },
  10014: { action: 'uncertain', text: msg('api.systemError'), poll: { action: 'retry', text: msg('api.systemErrorPoll') } },
  10020: { action: 'maintenance', text: msg('api.maintenance') },
  10021: { action: 'disabled', text: msg('api.discontinued') },
}

/** The cause of a pause_key error without "all lookups are paused" (a free key check pauses nothing). */
export function withoutPause(text: Message): Message {
  return text.code === 'api.allPaused' ? (text.params.cause as Message) : text
}

function clip(text: string | undefined, max = 200): string | undefined {
  if (text === undefined) return undefined
  return text.length > max ? `${text.slice(0, max)}…` : text
}

/** The error for an API `error_code` other than 0, for the charged submit or the free poll. */
export function describeApiCode(code: number, call: JuheCall, reason?: string): ApiError {
  const entry = JUHE_ERROR_CODES[code]
  const info: CodeInfo = entry
    ? (call === 'poll' ? entry.poll : entry.submit) ?? entry
    : call === 'submit'
      ? { action: 'uncertain', text: msg('api.unknownCode', { code }) }
      : { action: 'retry', text: msg('api.unknownCodePoll', { code }) }
  const error: ApiError = { code: `JUHE_${code}`, apiCode: code, action: info.action, text: info.text, network: false }
  const r = clip(reason)
  if (r) error.reason = r
  return error
}

export function noKeyError(): ApiError {
  return { code: 'NO_KEY', apiCode: null, ...pauseKey(msg('api.noKey')), network: false }
}

/** The configured server address is unusable (not http/https, has a query, credentials...). */
export function badBaseUrlError(): ApiError {
  return { code: 'BAD_BASE_URL', apiCode: null, ...pauseKey(msg('api.badBaseUrl')), network: false }
}

/** The keyword or jobid cannot be sent at all (empty, or a jobid of an impossible shape). No request was made. */
export function badInputError(what: 'keyword' | 'jobid'): ApiError {
  return {
    code: 'BAD_INPUT',
    apiCode: null,
    action: 'final_input',
    text: what === 'keyword' ? msg('api.emptyKeyword') : msg('api.badJobid'),
    network: false,
  }
}

/**
 * A transport failure. Before the request left (`sent: false`) it is always safe to retry: the engine goes offline
 * and probes. After (`sent: true`) the charged submit may have been processed: 'uncertain'; a poll is free: 'offline'.
 * An oversized answer is not a network outage (the line works), so it is handled like an unreadable answer.
 */
export function networkError(failure: Pick<HttpFailure, 'kind' | 'sent'>, call: JuheCall): ApiError {
  if (failure.kind === 'too_large') return badResponseError(call, 'answer too large')
  const kind: NetworkFailure = failure.kind
  const code = `NETWORK_${failure.kind.toUpperCase()}`
  if (failure.sent && call === 'submit') return { code, apiCode: null, action: 'uncertain', text: msg('api.networkAfterSend', { failure: kind }), network: true }
  return { code, apiCode: null, action: 'offline', text: msg('api.offline', { failure: kind }), network: true }
}

/**
 * An answer arrived but cannot be read. The charged submit reached the server, so its effect is unknown: 'uncertain'.
 * A poll is free: 'retry'. `detail` is technical (for logs and support), never shown as the main message.
 */
export function badResponseError(call: JuheCall, detail: string): ApiError {
  const base =
    call === 'submit'
      ? { action: 'uncertain' as const, text: msg('api.unreadable') }
      : { action: 'retry' as const, text: msg('api.unreadablePoll') }
  return { code: 'BAD_RESPONSE', apiCode: null, network: false, detail: clip(detail), ...base }
}

/**
 * A non-2xx HTTP status. 429 is an explicit "slow down" that rejects the request unprocessed: 'cooldown'. Anything
 * else may come from behind a gateway that already forwarded the request: 'uncertain' for the submit, 'retry' for polls.
 */
export function httpStatusError(status: number, call: JuheCall): ApiError {
  const code = `HTTP_${status}`
  if (status === 429) return { code, apiCode: null, action: 'cooldown', text: msg('api.slowDown'), network: false }
  if (call === 'submit') return { code, apiCode: null, action: 'uncertain', text: msg('api.httpError', { status }), network: false }
  return { code, apiCode: null, action: 'retry', text: msg('api.httpErrorPoll', { status }), network: false }
}
