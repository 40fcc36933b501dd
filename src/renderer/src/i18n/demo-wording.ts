/**
 * Demo mode charges nothing, so its window never says it does: every text but the demo's own (which says so) is
 * reworded, charged calls becoming simulated ones. Done on the whole catalogue, so a text added later is covered too.
 */
import type { AppSettings } from '../../../shared/ipc/contract'
import type { Messages } from './types'

type Locale = AppSettings['language']

type Rewording = readonly [RegExp, string][]

const WORDING: Record<Locale, Rewording> = {
  'zh-CN': [
    [/每次均按聚合数据的价格计费/g, '演示模式不产生任何费用'],
    [/（收费）/g, '（演示，免费）'],
    [/不收费/g, '免费'],
    [/收费查询/g, '模拟查询'],
    [/收费/g, '模拟'],
    [/重复扣费/g, '重复计次'],
    [/扣费/g, '计次'],
    [/已付费/g, '已模拟'],
    [/付费/g, '模拟'],
    [/计费/g, '计次'],
  ],
  en: [
    [/, each billed at Juhe's price/g, ', free in demo mode'],
    [/\(charged\)/g, '(demo, free)'],
    [/Charge anyway/g, 'Look up anyway'],
    [/Charged anyway/g, 'Looked up anyway'],
    [/not charged/g, 'not counted'],
    [/charged[- ]call/g, 'simulated call'],
    [/Charged/g, 'Simulated'],
    [/charged/g, 'simulated'],
    [/Nothing to charge/g, 'Nothing to look up'],
    [/charge/g, 'count'],
    [/paying twice/g, 'counting twice'],
    [/\bPaid\b/g, 'Simulated'],
    [/\bpaid\b/g, 'simulated'],
  ],
}

function reword(text: string, rules: Rewording): string {
  return rules.reduce((out, [from, to]) => out.replace(from, to), text)
}

/** One text (a shared catalogue message rendered in the window) as demo mode shows it. */
export function demoText(text: string, locale: Locale): string {
  return reword(text, WORDING[locale])
}

function rewordAll<T>(value: T, rules: Rewording): T {
  if (typeof value === 'string') return reword(value, rules) as T
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown
    return ((...args: unknown[]) => rewordAll(fn(...args), rules)) as T
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewordAll(v, rules)])) as T
  }
  return value
}

/** The catalogue as demo mode shows it; the `demo` section, which says nothing is charged, is kept as written. */
export function demoWording(messages: Messages, locale: Locale): Messages {
  const reworded = rewordAll(messages, WORDING[locale])
  return { ...reworded, demo: messages.demo }
}
