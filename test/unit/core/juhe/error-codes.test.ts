import { describe, expect, it } from 'vitest'
import {
  badBaseUrlError,
  badInputError,
  badResponseError,
  describeApiCode,
  httpStatusError,
  JUHE_ERROR_CODES,
  networkError,
  noKeyError,
  withoutPause,
} from '../../../../src/core/juhe/error-codes'
import type { HttpFailureKind } from '../../../../src/core/ports'
import { DOC_CODES } from './fixtures'
import { enOf, zhOf } from '../../../helpers/said'
import { render } from '../../../../src/shared/messages'

describe('JUHE_ERROR_CODES', () => {
  it('covers exactly the documented codes', () => {
    expect(Object.keys(JUHE_ERROR_CODES).map(Number).sort()).toEqual(DOC_CODES.map(([c]) => c).sort())
  })

  it.each(DOC_CODES)('%i: submit -> %s, poll -> %s, with both languages', (code, submitAction, pollAction) => {
    for (const [call, action] of [['submit', submitAction], ['poll', pollAction]] as const) {
      const e = describeApiCode(code, call, '原因')
      expect(e).toMatchObject({ code: `JUHE_${code}`, apiCode: code, action, network: false, reason: '原因' })
      expect(zhOf(e)).toMatch(/[\u4e00-\u9fff]/)
      expect(enOf(e)).toMatch(/^[\x20-\x7e]+$/)
      expect(enOf(e)!.length).toBeGreaterThan(20)
    }
  })

  it('uses the agreed wording for the key and rate-limit cases', () => {
    expect(zhOf(describeApiCode(10001, 'submit'))).toContain('API 密钥无效，请在设置中检查密钥')
    expect(enOf(describeApiCode(10001, 'submit'))).toContain('The API key is invalid; check it in Settings')
    expect(zhOf(describeApiCode(10011, 'poll'))).toContain('当前 IP 请求过于频繁，已暂停并将自动重试')
  })

  it('a key error says every lookup is paused; a free key check takes the cause alone', () => {
    const e = describeApiCode(10001, 'poll')
    expect(zhOf(e)).toContain('所有查询已暂停')
    expect(enOf(e)).toContain('All lookups are paused')
    const cause = withoutPause(e.text)
    expect(render(cause, 'zh-CN')).toBe('API 密钥无效，请在设置中检查密钥。')
    expect(render(cause, 'en')).toBe('The API key is invalid; check it in Settings.')
    // Anything but a pause is given back as it is.
    expect(withoutPause(describeApiCode(10011, 'poll').text)).toEqual(describeApiCode(10011, 'poll').text)
  })

  it('10014 on the charged submit says it will not be resubmitted', () => {
    expect(zhOf(describeApiCode(10014, 'submit'))).toContain('不会自动重新提交')
    expect(zhOf(describeApiCode(10014, 'poll'))).not.toContain('重新提交')
  })

  it('unknown codes: uncertain on submit, retry on poll, with the code in the text', () => {
    const s = describeApiCode(123456, 'submit')
    const p = describeApiCode(-1, 'poll')
    expect(s).toMatchObject({ code: 'JUHE_123456', apiCode: 123456, action: 'uncertain' })
    expect(zhOf(s)).toContain('123456')
    expect(enOf(s)).toContain('123456')
    expect(p).toMatchObject({ code: 'JUHE_-1', action: 'retry' })
    expect(enOf(p)).toContain('-1')
  })

  it('clips a long API reason and omits an empty one', () => {
    expect(describeApiCode(10001, 'poll', 'x'.repeat(1000)).reason?.length).toBeLessThanOrEqual(201)
    expect(describeApiCode(10001, 'poll')).not.toHaveProperty('reason')
  })
})

describe('error builders', () => {
  const kinds: HttpFailureKind[] = ['dns', 'refused', 'connect_timeout', 'tls', 'timeout', 'reset', 'other']

  it.each(kinds)('network %s: not sent -> offline on both calls', (kind) => {
    for (const call of ['submit', 'poll'] as const) {
      expect(networkError({ kind, sent: false }, call)).toMatchObject({ code: `NETWORK_${kind.toUpperCase()}`, action: 'offline', network: true, apiCode: null })
    }
  })

  it.each(kinds)('network %s: sent -> uncertain on submit, offline on poll', (kind) => {
    expect(networkError({ kind, sent: true }, 'submit')).toMatchObject({ action: 'uncertain', network: true })
    expect(networkError({ kind, sent: true }, 'poll')).toMatchObject({ action: 'offline', network: true })
  })

  it('an oversized answer is a bad response, not an outage', () => {
    expect(networkError({ kind: 'too_large', sent: true }, 'submit')).toMatchObject({ code: 'BAD_RESPONSE', action: 'uncertain', network: false })
    expect(networkError({ kind: 'too_large', sent: true }, 'poll')).toMatchObject({ code: 'BAD_RESPONSE', action: 'retry', network: false })
  })

  it('bad responses and HTTP statuses', () => {
    expect(badResponseError('submit', 'x')).toMatchObject({ code: 'BAD_RESPONSE', action: 'uncertain', detail: 'x' })
    expect(badResponseError('poll', 'x')).toMatchObject({ code: 'BAD_RESPONSE', action: 'retry' })
    expect(httpStatusError(502, 'submit')).toMatchObject({ code: 'HTTP_502', action: 'uncertain', network: false })
    expect(httpStatusError(502, 'poll')).toMatchObject({ code: 'HTTP_502', action: 'retry' })
    expect(httpStatusError(429, 'submit')).toMatchObject({ code: 'HTTP_429', action: 'cooldown' })
    expect(noKeyError()).toMatchObject({ code: 'NO_KEY', action: 'pause_key', apiCode: null, network: false })
  })
})

describe('refusals made on this machine', () => {
  it('an unusable server address pauses everything like a key problem, with its own code', () => {
    expect(badBaseUrlError()).toMatchObject({ code: 'BAD_BASE_URL', apiCode: null, action: 'pause_key', network: false, text: { code: 'api.allPaused', params: { cause: { code: 'api.badBaseUrl' } } } })
  })

  it('an empty keyword or an impossible jobid is final for that lookup, and says which', () => {
    expect(badInputError('keyword')).toMatchObject({ code: 'BAD_INPUT', action: 'final_input', network: false, text: { code: 'api.emptyKeyword' } })
    expect(badInputError('jobid').text.code).toBe('api.badJobid')
  })
})
