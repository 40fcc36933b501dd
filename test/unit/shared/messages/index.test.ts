import { describe, expect, it } from 'vitest'
import { catalogue, isMessageCode, msg, render, renderBoth, type MessageCode } from '../../../../src/shared/messages'
import type { Entry, Lang } from '../../../../src/shared/messages/define'

const CJK = /[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]/
const codes = Object.keys(catalogue) as MessageCode[]
const entryOf = (code: MessageCode) => catalogue[code] as Entry<Record<string, unknown>>
const say = (lang: Lang, params: Record<string, unknown>, code: MessageCode) => render({ code, params }, lang)

/** The parameter values as text, so a Chinese company name passed to an English sentence is not counted against it. */
function withoutParams(text: string, params: Record<string, unknown>): string {
  let out = text
  for (const v of Object.values(params)) if (typeof v === 'string' && v) out = out.split(v).join('')
  return out
}

describe('the message catalogue', () => {
  it('has codes named <domain>.<name> (a domain of two words in camelCase: teamConnection)', () => {
    for (const code of codes) expect(code).toMatch(/^[a-z][a-zA-Z]*(\.[a-zA-Z0-9]+)+$/)
    expect('Team.x').not.toMatch(/^[a-z][a-zA-Z]*(\.[a-zA-Z0-9]+)+$/)
  })

  it.each(codes)('%s reads as a finished sentence in Chinese and in English', (code) => {
    const e = entryOf(code)
    const zh = say('zh-CN', e.example, code)
    const en = say('en', e.example, code)
    for (const text of [zh, en]) {
      expect(text.trim().length).toBeGreaterThan(0)
      expect(text).not.toMatch(/\bundefined\b|\bNaN\b|\[object |\bnull\b/)
      expect(text).not.toBe(code)
      // Never the old joined form: each language stands alone.
      expect(text).not.toMatch(/[\u4e00-\u9fff].* \/ [A-Za-z]/)
    }
    expect(zh).toMatch(CJK)
    expect(withoutParams(en, e.example)).not.toMatch(CJK)
  })

  it.each(codes.filter((c) => entryOf(c).counts?.length))('%s: English says one and many differently', (code) => {
    const e = entryOf(code)
    for (const name of e.counts ?? []) {
      const one = say('en', { ...e.example, [name]: 1 }, code)
      const two = say('en', { ...e.example, [name]: 2 }, code)
      expect(one.replace(/\b1\b/g, 'N'), name).not.toBe(two.replace(/\b2\b/g, 'N'))
    }
  })

  it.each(codes)('%s: a number that counts things is declared in `counts`', (code) => {
    const e = entryOf(code)
    const numeric = Object.entries(e.example).filter(([k, v]) => typeof v === 'number' && !(e.counts ?? []).includes(k))
    for (const [name] of numeric) {
      const one = say('en', { ...e.example, [name]: 1 }, code)
      // "1 lookups", "1 rows": a count rendered without its singular.
      expect(one, `${name} looks like a count; list it in counts and use count()/plural()`).not.toMatch(/\b1 (?!of\b|in\b|to\b|or\b|and\b|is\b|was\b|has\b)[a-z]+s\b/)
    }
  })

  it('shows a message it does not know (a newer version wrote it) as its code, never as a broken sentence', () => {
    expect(render({ code: 'future.thing', params: { n: 1 } }, 'zh-CN')).toBe('future.thing')
    expect(isMessageCode('future.thing')).toBe(false)
    expect(isMessageCode('keyword.empty')).toBe(true)
  })

  it('builds messages with their parameters and renders both languages', () => {
    const m = msg('keyword.tooLong', { length: 130 })
    expect(m).toEqual({ code: 'keyword.tooLong', params: { length: 130 } })
    expect(renderBoth(m)).toEqual({ zh: '过长：最多 100 个字符（当前 130 个）', en: 'Too long: at most 100 characters (this one has 130)' })
    expect(msg('keyword.empty')).toEqual({ code: 'keyword.empty' })
  })

  it('survives a round trip through JSON (IPC, files)', () => {
    const m = msg('keyword.creditChecksum', { expected: 'L', suggestion: null })
    const back = JSON.parse(JSON.stringify(m)) as typeof m
    expect(render(back, 'en')).toBe(render(m, 'en'))
    expect(render(back, 'en')).not.toContain('suggested')
  })
})
