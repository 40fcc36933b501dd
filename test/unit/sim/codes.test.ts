import { describe, expect, it } from 'vitest'
import { isKeyBehaviour, isSystemCode, reasonFor, SERVICE_CODES, SUCCESS_CODE, SYSTEM_CODES } from '../../../src/sim/codes'

describe('sim error codes', () => {
  it('gives every documented code its own reason, and 未知错误 to the rest', () => {
    const documented = [SUCCESS_CODE, ...Object.values(SERVICE_CODES), ...SYSTEM_CODES]
    for (const code of documented) expect(reasonFor(code), String(code)).toBeTruthy()
    expect(reasonFor(SUCCESS_CODE)).toBe('success')
    expect(reasonFor(SERVICE_CODES.NO_RESULT)).toBe('查询无结果')
    expect(reasonFor(SERVICE_CODES.JOB_RUNNING)).toBe('该实时查询Job进行中')
    expect(reasonFor(10012)).toBe('请求超过次数限制')
    expect(reasonFor(SERVICE_CODES.UNKNOWN)).toBe('未知错误')
    expect(reasonFor(123456)).toBe('未知错误')
    const reasons = documented.filter((c) => c !== SERVICE_CODES.UNKNOWN).map(reasonFor)
    expect(new Set(reasons).size).toBe(reasons.length)
  })

  it('tells system codes (shared by all Juhe APIs) from the service ones', () => {
    expect(isSystemCode(10001)).toBe(true)
    expect(isSystemCode(10021)).toBe(true)
    expect(isSystemCode(10006)).toBe(false)
    expect(isSystemCode(SERVICE_CODES.NO_RESULT)).toBe(false)
  })

  it("accepts 'ok' or a system code as a key's behaviour, nothing else", () => {
    expect(isKeyBehaviour('ok')).toBe(true)
    expect(isKeyBehaviour(10012)).toBe(true)
    expect(isKeyBehaviour(277704)).toBe(false)
    expect(isKeyBehaviour('10012')).toBe(false)
    expect(isKeyBehaviour(null)).toBe(false)
  })
})
