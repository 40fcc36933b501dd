import { describe, expect, it } from 'vitest'
import { looksLikeCode, normalizeKeyword, normalizeSpacing } from '../../../../src/core/keywords/normalize'
import { pick, randomCreditCode, randomRegNo, rng, toFullWidth } from './fixtures'

describe('normalizeKeyword', () => {
  it('trims and collapses inner whitespace runs (tabs, newlines, NBSP, ideographic space)', () => {
    expect(normalizeKeyword('  成都  某某\t\t科技 \n 有限公司  ')).toBe('成都 某某 科技 有限公司')
    expect(normalizeKeyword('\u3000\u3000某某\u3000\u3000公司\u3000')).toBe('某某 公司')
    expect(normalizeKeyword('Acme\u00a0\u00a0Trading')).toBe('Acme Trading')
  })

  it('turns full-width ASCII into half-width', () => {
    expect(normalizeKeyword('９１５１０１００５７４６３５１１ＸＲ')).toBe('9151010057463511XR')
    expect(normalizeKeyword(toFullWidth(' 9151010057463511xr '))).toBe('9151010057463511XR')
    expect(normalizeKeyword('ＡＢＣ＆ｄｅｆ　科技')).toBe('ABC&def 科技')
    expect(normalizeKeyword(toFullWidth('Hello, World! 1+1=2'))).toBe('Hello, World! 1+1=2')
  })

  it('keeps full-width parentheses exactly as typed (registered names use them)', () => {
    expect(normalizeKeyword('某某科技（成都）有限公司')).toBe('某某科技（成都）有限公司')
    expect(normalizeKeyword('某某科技(成都)有限公司')).toBe('某某科技(成都)有限公司')
  })

  it('removes invisible format characters picked up when copying', () => {
    expect(normalizeKeyword('\ufeff某某\u200b科技\u200d有限公司\u00ad')).toBe('某某科技有限公司')
    expect(normalizeKeyword('\u200b')).toBe('')
  })

  it('upper-cases code-like text of length 15 or 18 only', () => {
    expect(normalizeKeyword(' 9151010057463511xr ')).toBe('9151010057463511XR')
    expect(normalizeKeyword('91350100m000100y43')).toBe('91350100M000100Y43')
    expect(normalizeKeyword('abc123def456ghi')).toBe('ABC123DEF456GHI')
    expect(normalizeKeyword('abc123def456gh')).toBe('abc123def456gh') // 14 chars
    expect(normalizeKeyword('HuaweiTechnologies')).toBe('HuaweiTechnologies') // 18 letters, no digit
    expect(normalizeKeyword('Acme Trading 2024 Ltd')).toBe('Acme Trading 2024 Ltd')
  })

  it('looksLikeCode needs ASCII letters/digits, a digit and length 15 or 18', () => {
    expect(looksLikeCode('9151010057463511XR')).toBe(true)
    expect(looksLikeCode('110108000000016')).toBe(true)
    expect(looksLikeCode('9151010057463511X')).toBe(false)
    expect(looksLikeCode('ABCDEFGHJKLMNPQ')).toBe(false)
    expect(looksLikeCode('9151010057463511Ｘ')).toBe(false)
  })

  it('is idempotent on random messy input (property)', () => {
    const random = rng(42)
    const pieces = ['某', '科技', 'a', 'B', '7', ' ', '\t', '\u3000', '（', '）', '(', 'ｌ', 'Ｘ', '１', '\u200b', '-', '·']
    for (let n = 0; n < 500; n++) {
      let text = ''
      const length = Math.floor(random() * 25)
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)]
      const once = normalizeKeyword(text)
      expect(normalizeKeyword(once), JSON.stringify(text)).toBe(once)
      expect(once).toBe(once.trim())
      expect(once).not.toMatch(/\s{2}|[\t\n\u3000\u200b]/)
    }
  })

  it('maps full-width, padded, lower-case codes back to the code (property)', () => {
    const random = rng(99)
    for (let n = 0; n < 200; n++) {
      const code = n % 2 ? randomCreditCode(random) : randomRegNo(random)
      let typed = code.toLowerCase()
      if (random() < 0.5) typed = toFullWidth(typed)
      typed = pick(random, ' \u3000\t') + typed + pick(random, ' \u3000\n')
      expect(normalizeKeyword(typed)).toBe(code)
    }
  })
})

describe('normalizeSpacing', () => {
  it('does everything normalizeKeyword does but upper-case a code', () => {
    expect(normalizeSpacing(' \u200b9151010057463511xr\u3000')).toBe('9151010057463511xr')
    expect(normalizeKeyword(' \u200b9151010057463511xr\u3000')).toBe('9151010057463511XR')
    expect(normalizeSpacing('ＡＢＣ  贸易\t有限公司')).toBe('ABC 贸易 有限公司')
  })
})
