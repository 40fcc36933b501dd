import { describe, expect, it } from 'vitest'
import { demoWording } from '../../../src/renderer/src/i18n/demo-wording'
import { en } from '../../../src/renderer/src/i18n/en'
import { zhCN } from '../../../src/renderer/src/i18n/zh-CN'
import type { Messages } from '../../../src/renderer/src/i18n/types'

/** Every text of a catalogue: strings as they are, functions called with sample arguments (counts of 1 and 3). */
function texts(value: unknown, path: string, out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([path, value])
  else if (typeof value === 'function') {
    for (const n of [1, 3]) {
      try {
        const text = (value as (...a: unknown[]) => unknown)(n, n, n, n, n)
        if (typeof text === 'string') out.push([path, text])
      } catch {
        // A function that needs other arguments (a list): its strings are checked where it is used.
      }
    }
  } else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) texts(v, `${path}.${k}`, out)
  return out
}

const others = (m: Messages) => Object.fromEntries(Object.entries(m).filter(([k]) => k !== 'demo'))

describe('demo mode never says a call is charged', () => {
  it.each([
    ['zh-CN', zhCN, /收费|扣费|付费|计费/],
    ['en', en, /charg|\bpaid\b|billed|\bpay/i],
  ] as const)('%s: no text outside the demo banner speaks of charges', (locale, catalogue, money) => {
    const before = texts(others(catalogue), '').filter(([, t]) => money.test(t))
    expect(before.length).toBeGreaterThan(10) // the real catalogue does speak of charges
    const after = texts(others(demoWording(catalogue, locale)), '').filter(([, t]) => money.test(t))
    expect(after).toEqual([])
  })

  it('keeps the demo section, which says nothing is charged, as written', () => {
    expect(demoWording(zhCN, 'zh-CN').demo).toBe(zhCN.demo)
    expect(demoWording(zhCN, 'zh-CN').submit.summaryCharged(3)).toBe('将模拟查询 3 次')
    expect(demoWording(en, 'en').submit.confirm(2, null)).toBe('Submit (2 simulated calls)')
  })
})
