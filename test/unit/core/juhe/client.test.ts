import { describe, expect, it } from 'vitest'
import {
  createJuheClient,
  DEFAULT_JUHE_BASE_URL,
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  resolveEndpoint,
  type JuheClientDeps,
} from '../../../../src/core/juhe/client'
import { HttpFailure, type HttpFailureKind } from '../../../../src/core/ports'
import { DOC_CODES, fakeHttp, JOBID, memoryLogger, ok, RECORD, type Reply } from './fixtures'

const KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f90'

function setup(replies: Reply[], over: Partial<JuheClientDeps> = {}) {
  const http = fakeHttp(...replies)
  const { lines, logger } = memoryLogger()
  const client = createJuheClient({ http, baseUrl: () => DEFAULT_JUHE_BASE_URL, key: () => KEY, logger, ...over })
  return { http, lines, client }
}

describe('request format', () => {
  it('submit: form POST over https to /query, Chinese keyword UTF-8 encoded, key only in the body', async () => {
    const { http, client } = setup([ok({ error_code: 0, result: { jobid: JOBID } })])
    expect(await client.submit('  成都成电光信科技股份有限公司 ')).toEqual({ type: 'accepted', jobid: JOBID })
    expect(http.requests).toHaveLength(1)
    const req = http.requests[0]!
    expect(req.url).toBe('https://v.juhe.cn/enterprise/App/MicroEnt/query')
    expect(req.method).toBe('POST')
    expect(req.headers['Content-Type']).toBe('application/x-www-form-urlencoded')
    expect(req).toMatchObject({ timeoutMs: DEFAULT_TIMEOUT_MS, maxBytes: DEFAULT_MAX_BYTES })
    expect(req.body).toBe(`key=${KEY}&keyword=%E6%88%90%E9%83%BD%E6%88%90%E7%94%B5%E5%85%89%E4%BF%A1%E7%A7%91%E6%8A%80%E8%82%A1%E4%BB%BD%E6%9C%89%E9%99%90%E5%85%AC%E5%8F%B8`)
    expect(Object.fromEntries(new URLSearchParams(req.body))).toEqual({ key: KEY, keyword: '成都成电光信科技股份有限公司' })
    expect(new URL(req.url).search).toBe('')
  })

  it('poll: form POST over https to /result with the jobid', async () => {
    const { http, client } = setup([ok({ error_code: 0, result: RECORD })], { timeoutMs: 5_000, maxBytes: 1000 })
    expect(await client.fetchResult(JOBID)).toEqual({ type: 'done', company: RECORD, raw: RECORD })
    const req = http.requests[0]!
    expect(req.url).toBe('https://v.juhe.cn/enterprise/App/MicroEnt/result')
    expect(req).toMatchObject({ method: 'POST', timeoutMs: 5_000, maxBytes: 1000 })
    expect(Object.fromEntries(new URLSearchParams(req.body))).toEqual({ key: KEY, jobid: JOBID })
  })

  it('endpoint check: form POST to /query with the key and no keyword, never a lookup', async () => {
    const { http, client, lines } = setup([ok({ error_code: 277701, reason: '参数缺失', result: null })])
    const out = await client.checkSubmitEndpoint()
    expect(out).toMatchObject({ type: 'error', error: { code: 'JUHE_277701', action: 'final_input' } })
    const req = http.requests[0]!
    expect(req.url).toBe('https://v.juhe.cn/enterprise/App/MicroEnt/query')
    expect(Object.fromEntries(new URLSearchParams(req.body))).toEqual({ key: KEY })
    expect(lines.join('\n')).not.toContain(KEY)
    const failing = setup([ok('<html>502</html>', 502)]).client
    expect(await failing.checkSubmitEndpoint()).toMatchObject({ type: 'error', error: { code: 'HTTP_502' } })
    expect(await setup([ok({})], { key: () => null }).client.checkSubmitEndpoint()).toMatchObject({ error: { code: 'NO_KEY' } })
  })

  it('encodes special characters of keywords and keys', async () => {
    const { http, client } = setup([ok({ error_code: 0, result: { jobid: JOBID } })], { key: () => 'k&y=1+2 ' })
    await client.submit('A&B 公司=1+1%')
    expect(http.requests[0]!.body).toBe('key=k%26y%3D1%2B2&keyword=A%26B+%E5%85%AC%E5%8F%B8%3D1%2B1%25')
  })

  it.each([
    ['', 'https://v.juhe.cn/enterprise/App/MicroEnt/query'],
    ['http://127.0.0.1:9000', 'http://127.0.0.1:9000/enterprise/App/MicroEnt/query'],
    ['http://127.0.0.1:9000/sim//', 'http://127.0.0.1:9000/sim/enterprise/App/MicroEnt/query'],
  ])('base URL %j', (base, url) => {
    expect(resolveEndpoint(base, '/enterprise/App/MicroEnt/query')).toBe(url)
  })

  it.each(['ftp://v.juhe.cn', 'v.juhe.cn', 'https://v.juhe.cn/?a=1', 'https://v.juhe.cn/#x', 'https://u:p@v.juhe.cn'])(
    'unusable base URL %j: BAD_BASE_URL without a request',
    async (base) => {
      const { http, client } = setup([ok({})], { baseUrl: () => base })
      const out = await client.submit('x')
      expect(out).toMatchObject({ type: 'error', error: { code: 'BAD_BASE_URL', action: 'pause_key' } })
      expect(http.requests).toHaveLength(0)
    },
  )
})

describe('inputs checked before any request', () => {
  it.each([null, '', '   ', () => { throw new Error('store broken') }])('no key (%s): NO_KEY, pause_key', async (key) => {
    const { http, client } = setup([ok({})], { key: typeof key === 'function' ? key : () => key })
    expect(await client.submit('x')).toMatchObject({ type: 'error', error: { code: 'NO_KEY', action: 'pause_key', apiCode: null, network: false } })
    expect(await client.fetchResult(JOBID)).toMatchObject({ type: 'error', error: { code: 'NO_KEY' } })
    expect(http.requests).toHaveLength(0)
  })

  it('empty keyword and malformed jobid: BAD_INPUT, final_input', async () => {
    const { http, client } = setup([ok({})])
    expect(await client.submit(' ')).toMatchObject({ type: 'error', error: { code: 'BAD_INPUT', action: 'final_input' } })
    expect(await client.fetchResult('x&key=evil')).toMatchObject({ type: 'error', error: { code: 'BAD_INPUT', action: 'final_input' } })
    expect(http.requests).toHaveLength(0)
  })
})

describe('every API error code', () => {
  it.each(DOC_CODES)('%i: submit -> %s, poll -> %s', async (code, submitAction, pollAction) => {
    const body = ok({ reason: '说明', result: null, error_code: code })
    const { client } = setup([body])
    const s = await client.submit('某公司')
    expect(s).toMatchObject({ type: 'error', error: { code: `JUHE_${code}`, apiCode: code, action: submitAction, reason: '说明' } })
    const p = await client.fetchResult(JOBID)
    if (code === 277706) expect(p).toEqual({ type: 'pending' })
    else if (code === 277704) expect(p).toEqual({ type: 'no_result' })
    else expect(p).toMatchObject({ type: 'error', error: { code: `JUHE_${code}`, action: pollAction } })
  })

  it('unknown code: uncertain on submit, retry on poll', async () => {
    const { client } = setup([ok({ error_code: 999999 })])
    expect(await client.submit('x')).toMatchObject({ type: 'error', error: { code: 'JUHE_999999', action: 'uncertain' } })
    expect(await client.fetchResult(JOBID)).toMatchObject({ type: 'error', error: { code: 'JUHE_999999', action: 'retry' } })
  })

  it('HTTP errors and unreadable answers', async () => {
    const { client } = setup([ok('<html>502</html>', 502), ok('<html>502</html>', 502), ok('{"error_code":0,"res'), ok('{"error_code":0,"res')])
    expect(await client.submit('x')).toMatchObject({ type: 'error', error: { code: 'HTTP_502', action: 'uncertain' } })
    expect(await client.fetchResult(JOBID)).toMatchObject({ type: 'error', error: { code: 'HTTP_502', action: 'retry' } })
    expect(await client.submit('x')).toMatchObject({ type: 'error', error: { code: 'BAD_RESPONSE', action: 'uncertain' } })
    expect(await client.fetchResult(JOBID)).toMatchObject({ type: 'error', error: { code: 'BAD_RESPONSE', action: 'retry' } })
  })
})

describe('transport failures', () => {
  const kinds: HttpFailureKind[] = ['dns', 'refused', 'connect_timeout', 'tls', 'timeout', 'reset', 'other']

  it.each(kinds)('%s before sending: offline on both calls', async (kind) => {
    const { client } = setup([new HttpFailure(kind, false, 'x')])
    const expected = { type: 'error', error: { code: `NETWORK_${kind.toUpperCase()}`, action: 'offline', network: true } }
    expect(await client.submit('x')).toMatchObject(expected)
    expect(await client.fetchResult(JOBID)).toMatchObject(expected)
  })

  it.each(kinds)('%s after sending: uncertain on submit, offline on poll', async (kind) => {
    const { client } = setup([new HttpFailure(kind, true, 'x')])
    expect(await client.submit('x')).toMatchObject({ type: 'error', error: { action: 'uncertain', network: true } })
    expect(await client.fetchResult(JOBID)).toMatchObject({ type: 'error', error: { action: 'offline', network: true } })
  })

  it('too_large is an unreadable answer', async () => {
    const { client } = setup([new HttpFailure('too_large', true, 'x')])
    expect(await client.submit('x')).toMatchObject({ type: 'error', error: { code: 'BAD_RESPONSE', action: 'uncertain', network: false } })
    expect(await client.fetchResult(JOBID)).toMatchObject({ type: 'error', error: { code: 'BAD_RESPONSE', action: 'retry' } })
  })

  it('a transport breaking its contract (plain Error, sync throw) is treated as possibly sent, never thrown', async () => {
    const { client } = setup([new Error('boom')])
    expect(await client.submit('x')).toMatchObject({ type: 'error', error: { action: 'uncertain' } })
    const throwing = createJuheClient({ http: { request: () => { throw new TypeError('sync') } }, baseUrl: () => '', key: () => KEY })
    expect(await throwing.fetchResult(JOBID)).toMatchObject({ type: 'error', error: { action: 'offline' } })
    const badBase = createJuheClient({ http: fakeHttp(ok({})), baseUrl: () => { throw new Error('x') }, key: () => KEY })
    expect(await badBase.submit('x')).toMatchObject({ type: 'error', error: { code: 'BAD_BASE_URL' } })
  })

  it('a throwing logger does not break a call', async () => {
    const boom = () => { throw new Error('log') }
    const { client } = setup([ok({ error_code: 0, result: { jobid: JOBID } })], { logger: { info: boom, warn: boom, error: boom } })
    expect(await client.submit('x')).toEqual({ type: 'accepted', jobid: JOBID })
  })
})

describe('the key never leaks', () => {
  const echo = (req: { url: string; body?: string }) => ok({ error_code: 10001, reason: `bad key ${req.body} at ${req.url}`, result: null })
  const replies: Reply[] = [
    ok({ error_code: 0, result: { jobid: JOBID } }),
    ok({ error_code: 0, result: RECORD }),
    echo,
    echo,
    ok({ error_code: 0, result: { ...RECORD, name: 5 } }),
    ok('<html>', 500),
    new HttpFailure('timeout', true, `timeout key=${KEY}`),
    new HttpFailure('refused', false, `refused ${KEY}`),
    new Error(`odd ${KEY}`),
  ]

  it('from URLs, logs and errors, even when the server echoes it', async () => {
    const { http, lines, client } = setup(replies)
    const outputs: unknown[] = []
    for (let i = 0; i < replies.length; i++) {
      outputs.push(await client.submit('某公司'))
      outputs.push(await client.fetchResult(JOBID))
    }
    expect(http.requests.length).toBeGreaterThan(replies.length)
    for (const req of http.requests) {
      expect(req.url).not.toContain(KEY)
      expect(Object.values(req.headers).join()).not.toContain(KEY)
      expect(new URLSearchParams(req.body).get('key')).toBe(KEY)
    }
    expect(lines.length).toBe(outputs.length)
    const everything = JSON.stringify(outputs) + lines.join('\n')
    expect(everything).toContain('***')
    expect(everything).not.toContain(KEY)
    expect(everything).not.toContain(KEY.slice(0, 16))
  })
})
