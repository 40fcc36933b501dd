import { describe, expect, it } from 'vitest'
import { sameCompanyKey } from '../../../../src/shared/domain/keyword'

describe('sameCompanyKey', () => {
  it('treats full-width and half-width parentheses as one, and ignores white space', () => {
    expect(sameCompanyKey('成都光信（集团）有限公司')).toBe(sameCompanyKey('成都光信(集团)有限公司'))
    expect(sameCompanyKey('成都光信 科技\n有限公司')).toBe('成都光信科技有限公司')
  })

  it('merges nothing else: another suffix or another character is another company', () => {
    expect(sameCompanyKey('甲有限责任公司')).not.toBe(sameCompanyKey('甲有限公司'))
    expect(sameCompanyKey('甲科技有限公司')).not.toBe(sameCompanyKey('乙科技有限公司'))
    expect(sameCompanyKey('ABC有限公司')).not.toBe(sameCompanyKey('abc有限公司'))
  })
})
