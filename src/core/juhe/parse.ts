/**
 * Strict reading of the API's answers. Nothing here throws: any input becomes an outcome, and anything we cannot
 * read with confidence is a BAD_RESPONSE ('uncertain' for the charged submit, 'retry' for the free poll).
 */
import { z } from 'zod'
import { COMPANY_FIELDS, NOT_AVAILABLE, type Company, type CompanyField } from '../../shared/domain/company'
import type { HttpResponse } from '../ports'
import { badResponseError, describeApiCode, httpStatusError, type JuheCall } from './error-codes'
import type { ApiError, PollOutcome, SubmitOutcome } from './types'

export type Parsed<T> = { ok: true; value: T } | { ok: false; detail: string }

export interface Envelope {
  errorCode: number
  reason?: string
  result: unknown
  /** The API's signature of its answer, kept with the charged call as evidence (audit export). */
  sign?: string
}

const SIGN_PATTERN = /^[0-9A-Za-z]{1,128}$/

/** The doc says int; integer-valued strings ("0", "10012") are accepted too, nothing else ("0.0", " 0", 1.5, true). */
const ErrorCode = z.union([z.int(), z.string().regex(/^-?\d{1,9}$/).transform(Number)])

const EnvelopeSchema = z.object({
  error_code: ErrorCode,
  reason: z.unknown().optional(),
  result: z.unknown().optional(),
  sign: z.unknown().optional(),
})

/** Jobids look like "micro_de6719f9-72fc-3d1e-b661-89f4cbe899d3"; anything else is not something we send back. */
export const JOBID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/

export function isValidJobid(value: unknown): value is string {
  return typeof value === 'string' && JOBID_PATTERN.test(value)
}

const SubmitResultSchema = z.object({ jobid: z.string().regex(JOBID_PATTERN) })

/**
 * The record, field by field. A field that is missing or null becomes "-" (the API's own "no value" placeholder)
 * and the record is kept: the lookup was charged, the API does drop empty fields (its own documented example is
 * split around `support_amount`), and losing a whole paid record for one absent field helps nobody. A field of any
 * other type (number, object, array, boolean) means the answer is not the documented format, so we refuse the
 * record instead of guessing how to turn it into text for a compliance file: the free poll is simply retried.
 */
const FieldSchema = z.union([z.string(), z.null()]).optional()
const CompanySchema = z.object(Object.fromEntries(COMPANY_FIELDS.map((f) => [f, FieldSchema])) as Record<CompanyField, typeof FieldSchema>)

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

export function parseEnvelope(body: unknown): Parsed<Envelope> {
  if (typeof body !== 'string') return { ok: false, detail: 'body is not text' }
  const text = body.replace(/^\uFEFF/, '').trim()
  if (text === '') return { ok: false, detail: 'empty body' }
  if (text.startsWith('<')) return { ok: false, detail: 'HTML or XML instead of JSON' }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, detail: text.startsWith('{') ? 'truncated or malformed JSON' : 'not JSON' }
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, detail: `JSON ${describe(json)} instead of an object` }
  }
  if (!('error_code' in json)) return { ok: false, detail: 'error_code missing' }
  const parsed = EnvelopeSchema.safeParse(json)
  if (!parsed.success) return { ok: false, detail: `error_code is not an integer (${describe((json as { error_code: unknown }).error_code)})` }
  const { error_code: errorCode, reason, result, sign } = parsed.data
  const envelope: Envelope = { errorCode, result }
  if (typeof reason === 'string' && reason !== '') envelope.reason = reason
  if (typeof sign === 'string' && SIGN_PATTERN.test(sign)) envelope.sign = sign
  return { ok: true, value: envelope }
}

export function parseCompany(result: unknown): Parsed<Company> {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) {
    return { ok: false, detail: `result is ${describe(result)}, not a record` }
  }
  const parsed = CompanySchema.safeParse(result)
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0]
    const value = typeof field === 'string' ? (result as Record<string, unknown>)[field] : undefined
    return { ok: false, detail: `field ${String(field)} is ${describe(value)}, not text` }
  }
  const fields = parsed.data
  if (!COMPANY_FIELDS.some((f) => typeof fields[f] === 'string')) {
    return { ok: false, detail: 'result has none of the documented fields' }
  }
  const company = Object.fromEntries(COMPANY_FIELDS.map((f) => [f, fields[f] ?? NOT_AVAILABLE])) as Company
  return { ok: true, value: company }
}

/** Common steps: HTTP status (non-2xx -> HTTP_<status>), then the envelope. */
function readAnswer(res: HttpResponse, call: JuheCall): { error: ApiError } | { envelope: Envelope } {
  if (!res || typeof res.status !== 'number') return { error: badResponseError(call, 'no HTTP status') }
  if (res.status < 200 || res.status > 299) return { error: httpStatusError(res.status, call) }
  const env = parseEnvelope(res.body)
  if (!env.ok) return { error: badResponseError(call, env.detail) }
  return { envelope: env.value }
}

/** JOB申请 answer -> a jobid, or why not. */
export function parseSubmitResponse(res: HttpResponse): SubmitOutcome {
  try {
    const answer = readAnswer(res, 'submit')
    if ('error' in answer) return { type: 'error', error: answer.error }
    const { errorCode, reason, result, sign } = answer.envelope
    if (errorCode !== 0) return { type: 'error', error: describeApiCode(errorCode, 'submit', reason) }
    if (typeof result !== 'object' || result === null || Array.isArray(result)) {
      return { type: 'error', error: badResponseError('submit', `success without a result object (${describe(result)})`) }
    }
    const parsed = SubmitResultSchema.safeParse(result)
    if (!parsed.success) {
      const jobid: unknown = (result as { jobid?: unknown }).jobid
      const what = jobid === undefined ? 'missing' : typeof jobid === 'string' ? 'malformed' : describe(jobid)
      return { type: 'error', error: badResponseError('submit', `success with jobid ${what}`) }
    }
    return sign ? { type: 'accepted', jobid: parsed.data.jobid, sign } : { type: 'accepted', jobid: parsed.data.jobid }
  } catch (err) {
    return { type: 'error', error: badResponseError('submit', `parser failure: ${err instanceof Error ? err.name : 'unknown'}`) }
  }
}

/** 详情数据 answer -> the record, still running, nothing found, or an error. `raw` is the `result` object as sent. */
export function parsePollResponse(res: HttpResponse): PollOutcome {
  try {
    const answer = readAnswer(res, 'poll')
    if ('error' in answer) return { type: 'error', error: answer.error }
    const { errorCode, reason, result } = answer.envelope
    if (errorCode === 277706) return { type: 'pending' }
    if (errorCode === 277704) return { type: 'no_result' }
    if (errorCode !== 0) return { type: 'error', error: describeApiCode(errorCode, 'poll', reason) }
    const company = parseCompany(result)
    if (!company.ok) return { type: 'error', error: badResponseError('poll', company.detail) }
    return { type: 'done', company: company.value, raw: result }
  } catch (err) {
    return { type: 'error', error: badResponseError('poll', `parser failure: ${err instanceof Error ? err.name : 'unknown'}`) }
  }
}
