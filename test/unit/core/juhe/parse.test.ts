import { describe, expect, it } from 'vitest'
import { isValidJobid, parseCompany, parseEnvelope, parsePollResponse, parseSubmitResponse } from '../../../../src/core/juhe/parse'
import type { ApiError } from '../../../../src/core/juhe/types'
import { JOBID, ok, RECORD } from './fixtures'
import { enOf, zhOf } from '../../../helpers/said'

function submitError(body: unknown, status = 200): ApiError {
  const out = parseSubmitResponse(ok(body, status))
  if (out.type !== 'error') throw new Error(`expected an error, got ${JSON.stringify(out)}`)
  return out.error
}

function pollError(body: unknown, status = 200): ApiError {
  const out = parsePollResponse(ok(body, status))
  if (out.type !== 'error') throw new Error(`expected an error, got ${JSON.stringify(out)}`)
  return out.error
}

const unreadable: [string, string, RegExp][] = [
  ['empty', '', /empty/],
  ['blank', ' \n\t ', /empty/],
  ['HTML error page', '<html><body><h1>502 Bad Gateway</h1></body></html>', /HTML/],
  ['plain text', 'Service Unavailable', /not JSON/],
  ['truncated JSON', '{"reason":"success","result":{"jobid":"micro_1', /truncated/],
  ['JSON array', '[1,2]', /array/],
  ['JSON string', '"ok"', /string/],
  ['JSON null', 'null', /null/],
  ['JSON number', '0', /number/],
  ['no error_code', '{"reason":"success","result":{}}', /missing/],
  ['error_code null', '{"error_code":null}', /null/],
  ['error_code bool', '{"error_code":false}', /boolean/],
  ['error_code float', '{"error_code":0.5}', /number/],
  ['error_code "0.0"', '{"error_code":"0.0"}', /string/],
  ['error_code " 0"', '{"error_code":" 0"}', /string/],
  ['error_code ""', '{"error_code":""}', /string/],
  ['error_code object', '{"error_code":{}}', /object/],
  ['error_code too big', '{"error_code":1e300}', /number/],
]

describe('parseEnvelope', () => {
  it.each(unreadable)('%s is unreadable', (_name, body, detail) => {
    const r = parseEnvelope(body)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.detail).toMatch(detail)
  })

  it('accepts numbers and integer-valued strings, a BOM, and ignores a non-string reason', () => {
    expect(parseEnvelope('\uFEFF{"error_code":"10012","reason":5}')).toEqual({ ok: true, value: { errorCode: 10012, result: undefined } })
    expect(parseEnvelope('{"error_code":0,"reason":"success","result":1}')).toEqual({ ok: true, value: { errorCode: 0, reason: 'success', result: 1 } })
    expect(parseEnvelope('{"error_code":"-1"}')).toMatchObject({ ok: true, value: { errorCode: -1 } })
  })

  it('rejects non-text bodies', () => {
    expect(parseEnvelope(undefined)).toEqual({ ok: false, detail: 'body is not text' })
  })
})

describe('parseSubmitResponse', () => {
  it('accepts the documented answer', () => {
    const body = { reason: 'success', result: { jobid: JOBID }, sign: '60277a01e6f647f8bb7db327a5ae6fd6', error_code: 0 }
    const accepted = { type: 'accepted', jobid: JOBID, sign: '60277a01e6f647f8bb7db327a5ae6fd6' }
    expect(parseSubmitResponse(ok(body))).toEqual(accepted)
    expect(parseSubmitResponse(ok({ ...body, error_code: '0' }))).toEqual(accepted)
  })

  it("keeps the answer's sign as evidence only when it looks like one", () => {
    const body = { reason: 'success', result: { jobid: JOBID }, error_code: 0 }
    expect(parseSubmitResponse(ok(body))).toEqual({ type: 'accepted', jobid: JOBID })
    expect(parseSubmitResponse(ok({ ...body, sign: 42 }))).toEqual({ type: 'accepted', jobid: JOBID })
    expect(parseSubmitResponse(ok({ ...body, sign: '<script>' }))).toEqual({ type: 'accepted', jobid: JOBID })
  })

  it.each(unreadable)('%s: BAD_RESPONSE, uncertain (the charged call reached the server)', (_name, body) => {
    expect(submitError(body)).toMatchObject({ code: 'BAD_RESPONSE', action: 'uncertain', network: false })
  })

  it.each([
    ['no result', { error_code: 0 }, /without a result/],
    ['result null', { error_code: 0, result: null }, /null/],
    ['result string', { error_code: 0, result: JOBID }, /string/],
    ['result array', { error_code: 0, result: [JOBID] }, /array/],
    ['no jobid', { error_code: 0, result: {} }, /jobid missing/],
    ['empty jobid', { error_code: 0, result: { jobid: '' } }, /malformed/],
    ['jobid number', { error_code: 0, result: { jobid: 12345 } }, /number/],
    ['jobid with spaces', { error_code: 0, result: { jobid: 'micro 1' } }, /malformed/],
    ['jobid with a slash', { error_code: 0, result: { jobid: '../micro' } }, /malformed/],
    ['jobid too long', { error_code: 0, result: { jobid: 'a'.repeat(129) } }, /malformed/],
    ['jobid non-ASCII', { error_code: 0, result: { jobid: '任务1' } }, /malformed/],
  ])('success with %s: BAD_RESPONSE, uncertain', (_name, body, detail) => {
    const e = submitError(body)
    expect(e).toMatchObject({ code: 'BAD_RESPONSE', action: 'uncertain' })
    expect(e.detail).toMatch(detail)
  })

  it('non-2xx is HTTP_<status> whatever the body says', () => {
    expect(submitError({ error_code: 0, result: { jobid: JOBID } }, 500)).toMatchObject({ code: 'HTTP_500', action: 'uncertain' })
    expect(submitError('<html>', 404)).toMatchObject({ code: 'HTTP_404' })
    expect(submitError('', 302)).toMatchObject({ code: 'HTTP_302' })
  })

  it('an API error keeps its reason', () => {
    expect(submitError({ error_code: 10012, reason: '请求超过次数限制', result: null })).toMatchObject({ code: 'JUHE_10012', action: 'stop_submit', reason: '请求超过次数限制' })
  })
})

describe('parsePollResponse', () => {
  const answer = (result: unknown) => ok({ reason: 'success', result, sign: 'b1d6', error_code: 0 })

  it('accepts the documented record and returns the result object as raw', () => {
    const out = parsePollResponse(answer({ ...RECORD, extra: 'kept in raw' }))
    expect(out).toEqual({ type: 'done', company: RECORD, raw: { ...RECORD, extra: 'kept in raw' } })
  })

  it('turns missing and null fields into "-" and keeps the record', () => {
    const { support_amount: _a, ...rest } = RECORD
    const out = parsePollResponse(answer({ ...rest, reg_capi: null }))
    expect(out).toMatchObject({ type: 'done', company: { ...RECORD, support_amount: '-', reg_capi: '-' } })
  })

  it('keeps strings exactly as sent (empty, spaces)', () => {
    const out = parsePollResponse(answer({ ...RECORD, reg_no: '', belong_org: ' 局 ' }))
    expect(out).toMatchObject({ type: 'done', company: { reg_no: '', belong_org: ' 局 ' } })
  })

  it.each([
    ['number', 5317],
    ['object', { v: '5317' }],
    ['array', ['5317']],
    ['boolean', true],
  ])('a %s field makes the record a BAD_RESPONSE (retry)', (type, value) => {
    const e = pollError({ error_code: 0, result: { ...RECORD, reg_capi: value } })
    expect(e).toMatchObject({ code: 'BAD_RESPONSE', action: 'retry', network: false })
    expect(e.detail).toBe(`field reg_capi is ${type}, not text`)
  })

  it.each([
    ['no result', { error_code: 0 }],
    ['result null', { error_code: 0, result: null }],
    ['result array', { error_code: 0, result: [RECORD] }],
    ['result string', { error_code: 0, result: 'ok' }],
    ['empty record', { error_code: 0, result: {} }],
    ['only unknown fields', { error_code: 0, result: { foo: 'bar' } }],
  ])('success with %s: BAD_RESPONSE, retry', (_name, body) => {
    expect(pollError(body)).toMatchObject({ code: 'BAD_RESPONSE', action: 'retry' })
  })

  it.each(unreadable)('%s: BAD_RESPONSE, retry', (_name, body) => {
    expect(pollError(body)).toMatchObject({ code: 'BAD_RESPONSE', action: 'retry' })
  })

  it('277706 is pending, 277704 is no_result (also as strings)', () => {
    expect(parsePollResponse(ok({ error_code: 277706, reason: '该实时查询Job进行中', result: null }))).toEqual({ type: 'pending' })
    expect(parsePollResponse(ok({ error_code: '277704', result: null }))).toEqual({ type: 'no_result' })
  })

  it('non-2xx is HTTP_<status>, retry', () => {
    expect(pollError(answer(RECORD).body, 503)).toMatchObject({ code: 'HTTP_503', action: 'retry' })
  })
})

describe('parseCompany and isValidJobid', () => {
  it('rejects non-records', () => {
    for (const v of [undefined, null, 1, 'x', [], [RECORD]]) expect(parseCompany(v).ok).toBe(false)
  })

  it('jobid shape', () => {
    expect(isValidJobid(JOBID)).toBe(true)
    for (const v of ['', ' ', '-abc', 'a b', 'a\nb', 'a/b', 'a&key=b', 'x'.repeat(129), 7, null]) expect(isValidJobid(v)).toBe(false)
  })
})

describe('never crashes', () => {
  // A small deterministic PRNG so failures are reproducible.
  let seed = 20240513
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!

  function randomJson(depth: number): unknown {
    const r = rnd()
    if (depth > 3 || r < 0.3) return pick([0, -1, 1.5, 277706, '0', '', '-', 'x', null, true, 1e308, JOBID, '__proto__'])
    if (r < 0.5) return Array.from({ length: Math.floor(rnd() * 4) }, () => randomJson(depth + 1))
    const keys = ['error_code', 'reason', 'result', 'jobid', 'name', 'reg_capi', '__proto__', 'constructor', 'toString', 'x']
    return Object.fromEntries(Array.from({ length: Math.floor(rnd() * 6) }, () => [pick(keys), randomJson(depth + 1)]))
  }

  const check = (body: string, status: number) => {
    const s = parseSubmitResponse({ status, headers: {}, body })
    const p = parsePollResponse({ status, headers: {}, body })
    expect(['accepted', 'error']).toContain(s.type)
    expect(['done', 'pending', 'no_result', 'error']).toContain(p.type)
    if (s.type === 'error') expect(zhOf(s.error) && enOf(s.error) && s.error.action).toBeTruthy()
    if (p.type === 'error') expect(zhOf(p.error) && enOf(p.error) && p.error.action).toBeTruthy()
  }

  it('random bytes', () => {
    for (let i = 0; i < 2000; i++) {
      const bytes = Uint8Array.from({ length: Math.floor(rnd() * 64) }, () => Math.floor(rnd() * 256))
      check(new TextDecoder().decode(bytes), pick([200, 200, 204, 500]))
    }
  })

  it('random JSON, whole and cut', () => {
    for (let i = 0; i < 3000; i++) {
      const text = JSON.stringify(randomJson(0)) ?? 'undefined'
      check(text, 200)
      check(text.slice(0, Math.floor(rnd() * text.length)), 200)
      check(JSON.stringify({ error_code: pick([0, '0', 277706, 10014]), result: randomJson(1) }), 200)
    }
  })

  it('odd response objects', () => {
    for (const res of [null, undefined, {}, { status: '200', body: '{}' }, { status: 200 }, { status: 200, body: 42 }]) {
      expect(parseSubmitResponse(res as never).type).toBe('error')
      expect(parsePollResponse(res as never).type).toBe('error')
    }
  })
})
